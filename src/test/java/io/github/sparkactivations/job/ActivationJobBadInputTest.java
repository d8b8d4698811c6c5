package io.github.sparkactivations.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.sparkactivations.testing.SparkTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs a new user gets wrong: output paths that overlap the input or each other, output locations
 * that cannot be created, an input directory without data, and null/NaN feature values. Each bad
 * config exits 2 with one line naming the key before any data is read, and leaves the input
 * byte-identical and nothing (no hidden temporary or probe file) behind; data errors exit 1 naming
 * the {@code handleInvalid} key that decides them.
 */
class ActivationJobBadInputTest extends SparkTestBase {

  @TempDir Path tmp;
  private Path inDir;
  private Path inFile;
  private String inText;
  private Path config;

  @BeforeEach
  void data() throws IOException {
    inDir = tmp.resolve("in");
    Files.createDirectories(inDir);
    inFile = inDir.resolve("part-0.csv");
    inText = "a,b,label\n1.0,2.0,x\n3.0,,y\nNaN,4.0,z\n5.0,-6.0,w\n";
    Files.writeString(inFile, inText);
    config = tmp.resolve("job.yaml");
    Files.writeString(config, String.join("\n",
        "input: { path: " + inFile + ", format: csv }",
        "features: { columns: [a, b] }",
        "stages:",
        "  - { activation: relu, outputCol: act }",
        "output: { path: " + tmp.resolve("out/acts") + ", format: parquet, mode: overwrite, keep: [label] }",
        ""));
  }

  @Test
  void outputPathsOverlappingTheInputOrEachOtherAreRefusedBeforeAnythingIsWritten() throws Exception {
    String c = config.toString();
    // the input's directory as output, in overwrite mode: the old code replaced the input by the output
    expect(2, c + ": output.path: " + inDir + " contains the input " + inFile
        + " and writing it would replace the input; choose another output.path outside the input",
        "run", c, "--set", "output.path=" + inDir);
    expect(2, c + ": output.path: " + tmp + "/./in/part-0.csv/ is the input path; choose another output.path outside the input",
        "run", c, "--set", "output.path=" + tmp + "/./in/part-0.csv/");
    expect(2, c + ": output.path: " + inDir.resolve("out") + " is inside the input directory " + inDir
        + " (the next run would read it as input); choose another output.path outside the input",
        "run", c, "--set", "input.path=" + inDir, "--set", "output.path=" + inDir.resolve("out"));
    expect(2, c + ": report.path: " + inDir.resolve("r.json") + " is inside the input directory " + inDir,
        "run", c, "--set", "input.path=" + inDir, "--set", "report.path=" + inDir.resolve("r.json"));
    expect(2, c + ": report.path: " + tmp.resolve("out/acts/report.json") + " overlaps output.path "
        + tmp.resolve("out/acts") + "; give each its own path, outside the other",
        "run", c, "--set", "report.path=" + tmp.resolve("out/acts/report.json"));
    expect(2, c + ": model.path: " + tmp.resolve("out") + " overlaps output.path " + tmp.resolve("out/acts"),
        "run", c, "--set", "model.path=" + tmp.resolve("out"));
    assertUntouched();
  }

  @Test
  void anOutputThatCannotBeCreatedIsRefusedBeforeTheDataIsRead() throws Exception {
    Path file = tmp.resolve("a-file");
    Files.writeString(file, "x");
    String c = config.toString();
    expect(2, c + ": output.path: cannot create " + file.resolve("out") + ": file:" + file
        + " is a file, not a directory; choose another output.path",
        "run", c, "--set", "output.path=" + file.resolve("out"));
    assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux /proc, where even root cannot create files");
    JobCli.Result r = JobCli.run("run", c, "--set", "output.path=/proc/spark-activations-test/out");
    assertEquals(2, r.exit(), r.toString());
    assertTrue(firstLine(r).startsWith("error: " + c + ": output.path: cannot create /proc/spark-activations-test/out: "
        + "file:/proc is not writable ("), firstLine(r));
    assertTrue(firstLine(r).endsWith("); choose a writable output.path"), firstLine(r));
    assertUntouched();
  }

  @Test
  void anInputDirectoryWithoutDataIsAConfigError() throws Exception {
    Path empty = tmp.resolve("empty");
    Files.createDirectories(empty);
    Files.writeString(empty.resolve("_SUCCESS"), "");
    expect(2, config + ": input.path: " + empty + " holds no csv data files (Spark cannot infer a schema from it); "
        + "point input.path at a csv file or a directory of them, or set input.format",
        "run", config.toString(), "--set", "input.path=" + empty);
    assertUntouched();
  }

  @Test
  void nullAndNaNFeatureValuesNameTheHandleInvalidKeyThatDecides() throws Exception {
    String c = config.toString();
    // row 2 has an empty b (null), row 3 a NaN a
    expectLine(1, "run failed: " + c + ": features.handleInvalid: feature column 'b' is null in data row 2 "
        + "(a=3.0, b=null; the first such row) (features.handleInvalid is error); set features.handleInvalid to skip (drop such rows) or keep "
        + "(NaN in the vector, left to the stages' handleInvalid)", "run", c);
    JobCli.Result kept = JobCli.run("run", c, "--set", "features.handleInvalid=keep");
    assertEquals(1, kept.exit(), kept.toString());
    assertTrue(firstLine(kept).startsWith("error: run failed: " + c + ": stages[0].handleInvalid: input column 'features' "
        + "holds NaN at index "), firstLine(kept));
    assertTrue(firstLine(kept).contains("Set stages[0].handleInvalid to 'skip'"), firstLine(kept));
    assertUntouched();

    JobCli.Result skipped = JobCli.run("run", c, "--set", "features.handleInvalid=skip");
    assertEquals(0, skipped.exit(), skipped.toString());
    assertTrue(skipped.out().contains("4 rows"), skipped.out());
    List<String> labels = spark.read().parquet(tmp.resolve("out/acts").toString()).orderBy("label")
        .select("label").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertEquals(List.of("w", "x"), labels, "the rows with a null b and a NaN a are dropped");
  }

  @Test
  void rowwiseDerivativesAndNonTextConfigsAreNamed() throws Exception {
    String c = config.toString();
    expect(2, c + ": stages[0].derivative: true is not supported with the row-wise activation 'softmin': every "
        + "output entry depends on every input entry of the row, so its derivative is a Jacobian matrix per row, "
        + "not one value per entry; remove derivative (or set it to false)",
        "run", c, "--set", "stages[0].activation=softmin", "--set", "stages[0].derivative=true");
    // a row-wise function needs a row: a numeric input column is refused when the plan is checked
    JobCli.Result scalar = JobCli.run("run", c, "--set", "stages[0].activation=softmin", "--set", "stages[0].inputCol=a");
    assertEquals(2, scalar.exit(), scalar.toString());
    assertTrue(firstLine(scalar).startsWith("error: " + c + ": stages[0]: "), firstLine(scalar));
    assertTrue(firstLine(scalar).contains("input column 'a' must be of type vector, array<double> or array<float> "
        + "but was double (softmin is row-wise"), firstLine(scalar));
    Path binary = tmp.resolve("binary.yaml");
    Files.write(binary, new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe, 'x'});
    JobCli.Result r = JobCli.run("run", binary.toString());
    assertEquals(2, r.exit(), r.toString());
    assertEquals("error: config file " + binary + " is not UTF-8 text; give a YAML file", firstLine(r));
    Files.delete(binary);
    assertUntouched();
  }

  @Test
  void aCsvCellThatIsNotANumberIsNamedAsTheReasonTheColumnIsString() throws Exception {
    Path typo = tmp.resolve("other/typo.csv");
    Files.createDirectories(typo.getParent());
    Files.writeString(typo, "a,b,label\n1.0,2.0,x\n3.0,n/a,y\n-5.0,4.0,z\n");
    String c = config.toString();
    expectLine(c + ": features.columns: column 'b' was read as string, not numeric: at least one of its cells is "
        + "not a number (csv types a column from all its cells); fix those cells (e.g. 'n/a', '1,5'), set "
        + "input.options.nullValue to the text that marks a missing value, or check input.options.sep; for a "
        + "label, remove it from features.columns (output.keep carries it to the output)",
        "run", c, "--set", "input.path=" + typo);
    expectLine(c + ": features.columns: column 'a' was read as string because input.options.inferSchema is false, "
        + "which reads every csv column as string; remove that option",
        "run", c, "--set", "input.options.inferSchema=FALSE");
    // a non-csv input keeps the plain message
    Path json = tmp.resolve("other/typo.json");
    Files.writeString(json, "{\"a\": 1.0, \"b\": \"2.0\", \"label\": \"x\"}\n");
    expectLine(c + ": features.columns: column 'b' is string, not numeric; remove it from features.columns "
        + "(or, for a label, list it in output.keep)", "run", c, "--set", "input.path=" + json,
        "--set", "input.format=json");
    assertUntouched();
    // the fix the message names works: n/a marks a missing value, and the row is then skipped
    JobCli.Result fixed = JobCli.run("run", c, "--set", "input.path=" + typo, "--set", "input.options.nullValue=n/a",
        "--set", "features.handleInvalid=skip", "--set", "output.format=json");
    assertEquals(0, fixed.exit(), fixed.toString());
    List<String> labels = spark.read().json(tmp.resolve("out/acts").toString()).orderBy("label")
        .select("label").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertEquals(List.of("x", "z"), labels, "the row with n/a is dropped, the others are kept");
  }

  @Test
  void anInputFileOfAnotherFormatIsNamedAsSuch() throws Exception {
    String c = config.toString();
    String formats = "check that input.format (csv, parquet, json, orc, libsvm) matches the data";
    expectLine(c + ": input: cannot read " + inFile + " as parquet (file:" + inFile + " is not a Parquet file. "
        + "Expected magic number at tail, but found [48, 44, 119, 10]); " + formats,
        "run", c, "--set", "input.format=parquet");
    expectLine(c + ": input.format: " + inFile + " holds no json records (Spark read every line as _corrupt_record); "
        + formats + "; json is one object per line, for one document over several lines set input.options.multiLine=true",
        "run", c, "--set", "input.format=json");
    // a parquet file read as csv: its "header line" is binary
    Path parquet = tmp.resolve("other/data.parquet");
    spark.range(3).write().parquet(parquet.toString());
    expectLine(c + ": input.format: " + parquet + " looks like parquet, not csv (its files start with the parquet "
        + "magic bytes PAR1); set input.format: parquet", "run", c, "--set", "input.path=" + parquet);
    assertUntouched();
  }

  /** A config error: exit 2 and stderr is exactly the one line {@code error: <expected>}. */
  private static void expectLine(String expectedAfterError, String... args) {
    JobCli.Result r = JobCli.run(args);
    assertEquals(2, r.exit(), r.toString());
    assertEquals(List.of("error: " + expectedAfterError), r.err().lines().toList(), r.toString());
  }

  /** exit {@code exit} and the first stderr line is exactly {@code error: <expected>}. */
  private static void expectLine(int exit, String expectedAfterError, String... args) {
    JobCli.Result r = JobCli.run(args);
    assertEquals(exit, r.exit(), r.toString());
    assertEquals("error: " + expectedAfterError, firstLine(r), r.toString());
  }

  private static void expect(int exit, String expectedAfterError, String... args) {
    JobCli.Result r = JobCli.run(args);
    assertEquals(exit, r.exit(), r.toString());
    assertTrue(firstLine(r).startsWith("error: " + expectedAfterError), "expected\n  error: " + expectedAfterError
        + "\nbut was\n  " + firstLine(r));
  }

  private static String firstLine(JobCli.Result r) {
    return r.err().lines().findFirst().orElse("");
  }

  /** The input is byte-identical and no output, report, model or hidden sibling exists anywhere. */
  private void assertUntouched() throws IOException {
    assertEquals(inText, Files.readString(inFile));
    try (Stream<Path> all = Files.walk(tmp)) {
      List<String> extra = all.map(p -> tmp.relativize(p).toString())
          .filter(p -> !p.isEmpty() && !p.equals("in") && !p.equals("in/part-0.csv") && !p.equals("job.yaml")
              && !p.equals("a-file") && !p.startsWith("empty") && !p.startsWith("other"))
          .toList();
      assertEquals(List.of(), extra, "nothing written, no hidden temporary or probe file");
    }
  }
}
