package io.github.sparkactivations.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sparkactivations.testing.SparkTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Common first-run mistakes and what the job says about each: keep + standardize (one NaN would poison
 * a whole feature), a parquet directory read as csv, non-numeric columns left out by features.exclude
 * (named and reported), and an outputCol clashing with output.keep (the advice names the fix that works).
 * A null or NaN feature is in {@link ActivationJobBadInputTest}.
 */
class ActivationJobCommonMistakesTest extends SparkTestBase {

  @TempDir Path tmp;

  /** sample-data/wine.csv with the cell at (data row {@code row}, column {@code col}) set to NaN. */
  private Path wineWithNaN(int row, int col) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(Path.of("sample-data/wine.csv")));
    String[] cells = lines.get(row).split(",", -1);
    cells[col] = "NaN";
    lines.set(row, String.join(",", cells));
    Path p = tmp.resolve("wine-nan.csv");
    Files.write(p, lines);
    return p;
  }

  @Test
  void keepWithStandardizeIsRefusedAndSkipStandardizesTheCleanRows() throws Exception {
    Path csv = wineWithNaN(5, 4);   // magnesium of data row 5
    Path out = tmp.resolve("out/wine");
    String[] base = {"run", "conf/wine.yaml", "--set", "input.path=" + csv, "--set", "output.path=" + out,
        "--set", "output.format=parquet", "--set", "features.standardize=true"};
    JobCli.Result r = JobCli.run(concat(base, "--set", "features.handleInvalid=keep", "--set", "stages[0].handleInvalid=keep"));
    assertEquals(2, r.exit(), r.toString());
    assertEquals(List.of("error: conf/wine.yaml: features.handleInvalid: keep cannot be combined with "
        + "features.standardize: true (one NaN kept in a column makes the StandardScaler's mean and std NaN, so that "
        + "feature becomes NaN in every row); set features.handleInvalid to skip (drop rows with a null or NaN "
        + "feature) or features.standardize to false"), r.err().lines().toList());
    assertTrue(Files.notExists(out), "nothing written");

    // the advised fix: the scaler is fitted on the 177 rows without NaN, and no value is NaN
    JobCli.Result ok = JobCli.run(concat(base, "--set", "features.handleInvalid=skip"));
    assertEquals(0, ok.exit(), ok.toString());
    JobCli.Table t = JobCli.Table.read(csv);
    List<String[]> clean = new ArrayList<>(t.rows());
    clean.remove(4);
    double[][] x = JobCli.standardize(new JobCli.Table(t.header(), clean).numericExcept("cultivar"));
    List<Row> rows = spark.read().parquet(out.toString()).select("elu").collectAsList();
    assertEquals(177, rows.size());
    for (int i = 0; i < rows.size(); i++) {
      double[] got = ((Vector) rows.get(i).get(0)).toArray();
      for (int j = 0; j < x[i].length; j++) {
        double z = x[i][j];
        double want = z > 0 ? z : 0.5 * Math.expm1(z);
        assertEquals(want, got[j], 1e-9, "row " + i + " feature " + j);
      }
    }
  }

  @Test
  void aParquetDirectoryReadAsCsvSaysItLooksLikeParquet() throws Exception {
    Path parquet = tmp.resolve("digits");
    spark.range(3).write().parquet(parquet.toString());
    JobCli.Result r = JobCli.run("run", "conf/wine.yaml", "--set", "input.path=" + parquet, "--dry-run");
    assertEquals(2, r.exit(), r.toString());
    assertEquals(List.of("error: conf/wine.yaml: input.format: " + parquet + " looks like parquet, not csv (its files "
        + "start with the parquet magic bytes PAR1); set input.format: parquet"), r.err().lines().toList());
    // and following the advice reads it
    JobCli.Result ok = JobCli.run("run", "conf/wine.yaml", "--set", "input.path=" + parquet, "--set",
        "input.format=parquet", "--set", "features.exclude=[]", "--set", "output.keep=[]", "--dry-run");
    assertEquals(0, ok.exit(), ok.toString());
  }

  @Test
  void columnNamesInMessagesCarryNoControlCharacters() {
    assertEquals("PAR1\\u0015\\u0000x\\uFFFDy", JobPlan.printable("PAR1\u0015\u0000x\uFFFDy"));
    assertEquals("plain é name", JobPlan.printable("plain é name"));
  }

  @Test
  void nonNumericColumnsLeftOutByExcludeAreNamedAndReported() throws Exception {
    Path csv = tmp.resolve("in.csv");
    Files.writeString(csv, "a,b,c,label\n1.0,2.0,3.0,x\n-1.0,n/a,0.5,y\n");
    Path cfg = tmp.resolve("job.yaml");
    Files.writeString(cfg, String.join("\n",
        "input: { path: " + csv + " }",
        "features: { exclude: [label] }",
        "stages:",
        "  - { activation: relu, outputCol: act }",
        "output: { path: " + tmp.resolve("out") + ", mode: overwrite, keep: [label] }",
        ""));
    JobCli.Result r = JobCli.run("run", cfg.toString());
    assertEquals(0, r.exit(), r.toString());
    String note = "note: features.exclude leaves out 1 non-numeric column (b:string); list them in features.exclude "
        + "to silence this, or, for a csv column made string by a cell that is not a number, fix that cell";
    assertEquals(note, r.out().lines().findFirst().orElse(""), r.toString());
    JsonNode report = new ObjectMapper().readTree(tmp.resolve("out.report.json").toFile());
    assertEquals(Map.of("b", "string"), new ObjectMapper().convertValue(report.get("skippedColumns"), Map.class));
    List<Row> acts = spark.read().parquet(tmp.resolve("out").toString()).orderBy("label").select("act").collectAsList();
    assertEquals(List.of(1.0, 3.0), toList(((Vector) acts.get(0).get(0)).toArray()), "b is not a feature");
    assertEquals(List.of(0.0, 0.5), toList(((Vector) acts.get(1).get(0)).toArray()));

    JobCli.Result none = JobCli.run("run", cfg.toString(), "--set", "features.exclude=[label, b]");
    assertEquals(0, none.exit(), none.toString());
    assertTrue(!none.out().contains("note:"), none.out());
    assertEquals(0, new ObjectMapper().readTree(tmp.resolve("out.report.json").toFile()).get("skippedColumns").size());
  }

  @Test
  void aStageOutputNamedLikeAKeptColumnSaysToChooseAnotherOutputCol() {
    JobCli.Result r = JobCli.run("run", "conf/wine.yaml", "--set", "stages[0].outputCol=cultivar");
    assertEquals(2, r.exit(), r.toString());
    assertEquals(List.of("error: conf/wine.yaml: stages[0].outputCol: 'cultivar' is also listed in output.keep, and a "
        + "stage output cannot replace a kept input column; choose another stages[0].outputCol (or, if 'cultivar' is "
        + "not an input column, remove it from output.keep: stage outputs are always written)"), r.err().lines().toList());
    // following the advice runs
    JobCli.Result ok = JobCli.run("run", "conf/wine.yaml", "--set", "stages[0].outputCol=cultivar_elu", "--set",
        "output.path=" + tmp.resolve("out"), "--dry-run");
    assertEquals(0, ok.exit(), ok.toString());
  }

  private static List<Double> toList(double[] a) {
    List<Double> l = new ArrayList<>();
    for (double v : a) {
      l.add(v);
    }
    return l;
  }

  private static String[] concat(String[] a, String... b) {
    String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }
}
