package io.github.sparkactivations.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sparkactivations.testing.SparkTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Atomic output (a run that fails mid-write leaves the previous output byte-identical and nothing
 * behind; {@code error} refuses an existing output; {@code overwrite} replaces it) and every bad-config
 * case with its exit code and one-line message, each checked to touch no data.
 */
class ActivationJobFailureTest extends SparkTestBase {

  private static final int ROWS_PER_FILE = 500;

  @TempDir Path tmp;
  private Path good;
  private Path poisoned;
  private Path config;
  private Path out;

  @BeforeEach
  void data() throws IOException {
    // the same 4 x 500 rows twice; in the poisoned copy, a late row of the last file has a NaN, so the
    // run fails in the middle of writing, after other tasks have written their part files
    good = tmp.resolve("good");
    poisoned = tmp.resolve("poisoned");
    Files.createDirectories(good);
    Files.createDirectories(poisoned);
    for (int f = 0; f < 4; f++) {
      StringBuilder ok = new StringBuilder("id,a,b,c,label\n");
      StringBuilder bad = new StringBuilder("id,a,b,c,label\n");
      for (int i = 0; i < ROWS_PER_FILE; i++) {
        int id = f * ROWS_PER_FILE + i;
        String row = id + "," + (i % 7 - 3) + "," + (0.25 * (i % 5) - 0.5) + "," + (i % 3 - 1.5) + "," + (i % 2) + "\n";
        ok.append(row);
        bad.append(f == 3 && i == ROWS_PER_FILE - 20 ? id + ",NaN,0.0,0.0,1\n" : row);
      }
      Files.writeString(good.resolve("part-" + f + ".csv"), ok);
      Files.writeString(poisoned.resolve("part-" + f + ".csv"), bad);
    }
    out = tmp.resolve("out/acts");
    config = tmp.resolve("job.yaml");
    Files.writeString(config, String.join("\n",
        "input: { path: " + good + ", format: csv }",
        "features: { columns: [a, b, c], handleInvalid: keep }   # NaN reaches the stage, whose handleInvalid decides",
        "stages:",
        "  - { activation: relu, outputCol: act, handleInvalid: error }",
        "output: { path: " + out + ", format: parquet, mode: overwrite, keep: [id, label] }",
        ""));
  }

  /**
   * One output's life, in the order a user meets it: a first run writes it; mode {@code error} refuses
   * to touch it; a run that fails in the middle of writing leaves it byte-identical (report included)
   * with no temporary sibling; an {@code overwrite} run replaces it. One scenario, so the suite pays for
   * three full runs instead of six.
   */
  @Test
  void outputIsReplacedOnlyByACompleteRun() throws Exception {
    JobCli.Result first = JobCli.run("run", config.toString());
    assertEquals(0, first.exit(), first.toString());
    Map<String, String> before = snapshot(out.getParent());
    assertTrue(before.keySet().stream().anyMatch(k -> k.startsWith("acts/part-")), before.keySet().toString());
    assertTrue(before.containsKey("acts.report.json"), before.keySet().toString());

    // error mode refuses the existing output, before reading anything
    JobCli.Result refused = JobCli.run("run", config.toString(), "--set", "output.mode=error");
    assertEquals(2, refused.exit(), refused.toString());
    assertEquals("error: " + config + ": output.path: " + out + " already exists and output.mode is error; delete it, "
        + "choose another output.path, or --set output.mode=overwrite", firstLine(refused));
    assertEquals(before, snapshot(out.getParent()));

    // a run that fails mid-write (a NaN late in the last input file, handleInvalid=error) changes nothing
    JobCli.Result failed = JobCli.run("run", config.toString(), "--set", "input.path=" + poisoned);
    assertEquals(1, failed.exit(), failed.toString());
    assertTrue(failed.err().startsWith("error: run failed: "), failed.err());
    assertTrue(firstLine(failed).contains("NaN"), "the one line names the cause: " + failed.err());
    assertEquals(before, snapshot(out.getParent()), "old output and report untouched, no temporary sibling left");

    // overwrite replaces output and report
    JobCli.Result second = JobCli.run("run", config.toString(), "--set", "stages[0].activation=bipolar_step");
    assertEquals(0, second.exit(), second.toString());
    Map<String, String> after = snapshot(out.getParent());
    assertNotEquals(before, after);
    assertTrue(after.keySet().stream().noneMatch(k -> k.startsWith(".")), "no backup left: " + after.keySet());
    // the new output holds the new function's values: bipolar_step(a) is +1 for a >= 0, else -1
    List<Row> rows = spark.read().parquet(out.toString()).orderBy("id").collectAsList();
    assertEquals(4 * ROWS_PER_FILE, rows.size());
    for (Row r : rows.subList(0, 10)) {
      int i = r.<Integer>getAs("id") % ROWS_PER_FILE;
      double a = i % 7 - 3;
      assertEquals(a >= 0 ? 1.0 : -1.0, ((Vector) r.getAs("act")).apply(0), "row " + i);
    }
    assertTrue(Files.readString(out.getParent().resolve("acts.report.json")).contains("bipolar_step"));
  }

  @Test
  void badConfigsExitTwoWithOneLineNamingTheKeyAndTouchNoData() throws Exception {
    // the same columns in one small file: every case below reads at most a schema
    Path tiny = tmp.resolve("tiny.csv");
    Files.writeString(tiny, "id,a,b,c,label\n0,1,0.5,-1.5,0\n1,-2,0.0,0.5,1\n");
    Path tinyConfig = tmp.resolve("tiny.yaml");
    Files.writeString(tinyConfig, Files.readString(config).replace(good.toString(), tiny.toString()));
    String c = tinyConfig.toString();
    expectConfigError("output.mod: unknown key (allowed: path, format, mode, keep, options)",
        "run", c, "--set", "output.mod=error");
    expectConfigError("stages[0].activation: ", "run", c, "--set", "stages[0].activation=relux");
    expectConfigError("stages[0].derivative: true is not supported with the row-wise activation 'hardmax'",
        "run", c, "--set", "stages[0].activation=hardmax", "--set", "stages[0].derivative=true");
    expectConfigError("input.path: " + tmp.resolve("missing.csv") + " does not exist",
        "run", c, "--set", "input.path=" + tmp.resolve("missing.csv"));
    expectConfigError("features.columns: no column 'd' in the input (columns: id:int, a:int, b:double, c:double, label:int)",
        "run", c, "--set", "features.columns=[a, d]");
    expectConfigError("output.format: 'xlsx' is not supported (allowed: parquet, orc, json, csv)",
        "run", c, "--set", "output.format=xlsx");
    expectConfigError("features.vectorColumn: column 'a' is int, not a vector",
        "run", c, "--set", "features.columns=null", "--set", "features.vectorColumn=a");
    expectConfigError("output.keep: no column 'name' in the input",
        "run", c, "--set", "output.keep=[id, name]");
    expectConfigError("stages[0]: ", "run", c, "--set", "stages[0].inputCol=nosuch");
    // a string column among the features
    Path strings = tmp.resolve("strings.csv");
    Files.writeString(strings, "a,b,c,name\n1,2,3,x\n");
    expectConfigError("features.columns: column 'name' was read as string, not numeric: at least one of its cells is not a number",
        "run", c, "--set", "input.path=" + strings, "--set", "features.columns=[a, name]", "--set", "output.keep=[]");
    JobCli.Result missing = JobCli.run("run", tmp.resolve("nope.yaml").toString());
    assertEquals(2, missing.exit(), missing.toString());
    assertEquals("error: config file " + tmp.resolve("nope.yaml") + " does not exist", firstLine(missing));
    assertFalse(Files.exists(out.getParent()), "nothing written by any failed run");
  }

  @Test
  void dryRunValidatesAndPrintsThePlanWithoutWriting() {
    JobCli.Result r = JobCli.run("run", config.toString(), "--dry-run");
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().contains("stages[0] relu"), r.out());
    assertTrue(r.out().contains("id:int, label:int, act:vector"), r.out());
    assertFalse(Files.exists(out));
  }

  private void expectConfigError(String expectedFragment, String... args) {
    JobCli.Result r = JobCli.run(args);
    assertEquals(2, r.exit(), r.toString());
    String line = firstLine(r);
    assertTrue(line.startsWith("error: "), line);
    assertTrue(line.contains(expectedFragment), "expected '" + expectedFragment + "' in: " + line);
  }

  private static String firstLine(JobCli.Result r) {
    return r.err().lines().findFirst().orElse("");
  }

  /** relative path -> SHA-256 of every file below {@code dir} (hidden ones included). */
  private static Map<String, String> snapshot(Path dir) throws Exception {
    Map<String, String> m = new TreeMap<>();
    if (!Files.exists(dir)) {
      return m;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        m.put(dir.relativize(p).toString(), HexFormat.of().formatHex(md.digest(Files.readAllBytes(p))));
      }
    }
    try (Stream<Path> top = Files.list(dir)) {
      for (Path p : top.toList()) {
        m.putIfAbsent(dir.relativize(p).toString() + "/", "dir");
      }
    }
    return m;
  }
}
