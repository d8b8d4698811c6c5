package io.github.sparkactivations.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sparkactivations.activation.Activations;
import io.github.sparkactivations.activation.ElementwiseActivation;
import io.github.sparkactivations.activation.RowwiseActivation;
import io.github.sparkactivations.testing.NumericAssert;
import io.github.sparkactivations.testing.SparkTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every shipped config end to end in local mode (with the output redirected to a temporary
 * directory) and checks the output and the report against values computed here, independently of
 * the job: the sample CSV read line by line, standardized in plain Java, the activations evaluated by
 * the core, the report statistics by plain loops.
 */
class ActivationJobEndToEndTest extends SparkTestBase {

  @TempDir Path tmp;

  /** One stage's expectation: output column, input (features or an earlier output), function. */
  record Expect(String column, String input, String spec, boolean derivative) {}

  /** One shipped config. */
  record Case(
      String config, String data, String label, List<String> featureCols, String featuresCol, String format,
      List<Expect> stages) {
    @Override
    public String toString() {
      return config;
    }
  }

  static Stream<Case> shippedConfigs() {
    return Stream.of(
        new Case("digits", "digits.csv", "digit", null, "pixels", "parquet", List.of(
            new Expect("leaky_relu", "features", "leaky_relu(alpha=0.01)", false),
            new Expect("softmax", "leaky_relu", "softmax", false))),
        new Case("breast_cancer", "breast_cancer.csv", "diagnosis", null, "features", "csv", List.of(
            new Expect("tanh", "features", "tanh", false),
            new Expect("tanh_derivative", "features", "tanh", true))),
        new Case("wine", "wine.csv", "cultivar", null, "features", "orc", List.of(
            new Expect("elu", "features", "elu(alpha=0.5)", false))),
        new Case("iris", "iris.csv", "species",
            List.of("sepal_length_cm", "sepal_width_cm", "petal_length_cm", "petal_width_cm"), "features", "json", List.of(
            new Expect("binary_sigmoid", "features", "sigmoid", false),
            new Expect("bipolar_sigmoid", "features", "bipolar_sigmoid", false),
            new Expect("bipolar_step", "features", "bipolar_step", false))));
  }

  @ParameterizedTest(name = "conf/{0}.yaml")
  @MethodSource("shippedConfigs")
  void shippedConfigRunsAndItsOutputAndReportMatchAnIndependentComputation(Case c) throws Exception {
    Path out = tmp.resolve("out/" + c.config());
    JobCli.Result r = JobCli.run("run", "conf/" + c.config() + ".yaml", "--set", "output.path=" + out);
    assertEquals(0, r.exit(), r.toString());
    assertTrue(Files.isDirectory(out), "output written");
    Path reportFile = tmp.resolve("out/" + c.config() + ".report.json");
    assertTrue(Files.isRegularFile(reportFile), "report saved next to the output");
    try (Stream<Path> siblings = Files.list(out.getParent())) {
      assertEquals(0, siblings.filter(p -> p.getFileName().toString().startsWith(".")
          && !p.getFileName().toString().endsWith(".crc")).count(), "no temporary siblings left");
    }

    // independent expectation
    JobCli.Table table = JobCli.Table.read(Path.of("sample-data", c.data()));
    double[][] raw = c.featureCols() == null
        ? table.numericExcept(c.label())
        : table.numericExcept(table.header().stream().filter(h -> !c.featureCols().contains(h)).toArray(String[]::new));
    double[][] features = JobCli.standardize(raw);
    int n = features.length;
    int d = features[0].length;
    java.util.Map<String, double[][]> expected = new java.util.HashMap<>();
    expected.put("features", features);
    for (Expect e : c.stages()) {
      double[][] in = expected.get(e.input());
      double[][] y = new double[n][d];
      if (e.spec().equals("softmax")) {
        RowwiseActivation sm = Activations.parseRowwise("softmax");
        for (int i = 0; i < n; i++) {
          sm.apply(in[i], y[i]);
        }
      } else {
        ElementwiseActivation f = Activations.parseElementwise(e.spec());
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < d; j++) {
            y[i][j] = e.derivative() ? f.derivative(in[i][j]) : f.value(in[i][j]);
          }
        }
      }
      expected.put(e.column(), y);
    }

    // output: rows in file order, label carried through, every value
    Dataset<Row> written = read(out, c.format());
    List<Row> rows = written.collectAsList();
    assertEquals(n, rows.size(), "row count");
    List<String> labels = table.column(c.label());
    for (int i = 0; i < n; i++) {
      assertEquals(labels.get(i), String.valueOf(rows.get(i).get(rows.get(i).fieldIndex(c.label()))), "label of row " + i);
    }
    for (Expect e : c.stages()) {
      double[][] want = expected.get(e.column());
      for (int i = 0; i < n; i++) {
        double[] got = values(rows.get(i), written, e.column(), c.format(), d);
        for (int j = 0; j < d; j++) {
          assertEquals(want[i][j], got[j], 1e-9 * Math.max(1.0, Math.abs(want[i][j])),
              e.column() + " row " + i + " entry " + j);
        }
      }
    }

    // report: saved JSON equals an independent computation of the statistics
    JobReport report = JobReport.fromJson(Files.readString(reportFile));
    assertEquals(n, report.rowsIn());
    assertEquals(n, report.rowsOut());
    assertEquals(c.stages().size(), report.stages().size());
    for (int s = 0; s < c.stages().size(); s++) {
      Expect e = c.stages().get(s);
      JobReport.StageStats st = report.stages().get(s);
      assertEquals(e.column(), st.outputCol());
      assertEquals(e.input().equals("features") ? c.featuresCol() : e.input(), st.inputCol());
      double[][] y = expected.get(e.column());
      double[][] x = expected.get(e.input());
      long zeros = 0;
      long saturated = 0;
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      double sum = 0;
      ElementwiseActivation f = e.spec().equals("softmax") ? null : Activations.parseElementwise(e.spec());
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < d; j++) {
          double v = y[i][j];
          zeros += v == 0.0 ? 1 : 0;
          min = Math.min(min, v);
          max = Math.max(max, v);
          sum += v;
          double slope = f == null ? v * (1 - v) : f.derivative(x[i][j]);
          saturated += Math.abs(slope) < 1e-3 ? 1 : 0;
        }
      }
      long values = (long) n * d;
      assertEquals(values, st.values(), e.column() + " values");
      assertEquals(0, st.nan(), e.column() + " NaN");
      assertEquals(min, st.min(), 1e-12 * Math.max(1, Math.abs(min)), e.column() + " min");
      assertEquals(max, st.max(), 1e-12 * Math.max(1, Math.abs(max)), e.column() + " max");
      assertEquals(sum / values, st.mean(), 1e-9 * Math.max(1, Math.abs(sum / values)), e.column() + " mean");
      assertEquals((double) zeros / values, st.zeroFraction(), 1e-15, e.column() + " zero fraction");
      assertEquals((double) saturated / values, st.saturatedFraction(), 1e-15, e.column() + " saturated fraction");
      // and the printed table shows the same row
      String pct = String.format(java.util.Locale.ROOT, "%.2f%%", 100.0 * saturated / values);
      assertTrue(r.out().lines().anyMatch(l -> l.contains(" " + e.column() + " ") && l.trim().endsWith(pct)),
          "table row for " + e.column() + " ending in " + pct + ":\n" + r.out());
    }
    assertNotNull(report.phaseSeconds().get("transform+write"));

    // the HTML report beside it: self-contained, and the same numbers
    HtmlReportPage page = HtmlReportPage.read(tmp.resolve("out/" + c.config() + ".report.html"));
    page.assertSelfContained();
    page.assertMatches(report);
    assertEquals(c.stages().size(), page.doc().select("figure[id$=-inputs]").size(), "an input chart per stage");
  }

  /**
   * Every config under conf/ runs on the shipped sample data: each is one of the cases above or the
   * vectors config below, so a config added without a test (or pointing at data that does not ship)
   * fails here.
   */
  @org.junit.jupiter.api.Test
  void everyShippedConfigIsRunByATest() throws Exception {
    java.util.Set<String> tested = new java.util.TreeSet<>(List.of("vectors"));
    shippedConfigs().forEach(c -> tested.add(c.config()));
    java.util.Set<String> shipped = new java.util.TreeSet<>();
    try (Stream<Path> s = Files.list(Path.of("conf"))) {
      s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
          .forEach(n -> shipped.add(n.substring(0, n.length() - ".yaml".length())));
    }
    assertEquals(tested, shipped, "conf/*.yaml and the configs this test class runs");
  }

  /**
   * conf/vectors.yaml as shipped (only the output redirected) on sample-data/vectors: the sample is what
   * its generator gives for ids 0..199, and every output row is recomputed here with textbook formulas
   * (elu alpha 0.5, softmax with the max subtracted, relu keeping sparse vectors sparse, sigmoid).
   */
  @org.junit.jupiter.api.Test
  void vectorsConfigRunsOnTheShippedVectorSample() throws Exception {
    Path out = tmp.resolve("out/vectors");
    JobCli.Result r = JobCli.run("run", "conf/vectors.yaml", "--set", "output.path=" + out);
    assertEquals(0, r.exit(), r.toString());
    java.util.Map<Long, Row> in = new java.util.TreeMap<>();
    for (Row row : spark.read().parquet("sample-data/vectors").collectAsList()) {
      long id = row.getLong(row.fieldIndex("id"));
      assertEquals(io.github.sparkactivations.cluster.VectorDataset.denseRow(id, 16), row.getAs("dense"), "dense " + id);
      assertEquals(io.github.sparkactivations.cluster.VectorDataset.sparseRow(id, 16), row.getAs("sparse"), "sparse " + id);
      in.put(id, row);
    }
    assertEquals(200, in.size());
    List<Row> rows = spark.read().parquet(out.toString()).collectAsList();
    assertEquals(200, rows.size());
    for (Row o : rows) {
      Row i = in.get(o.getLong(o.fieldIndex("id")));
      double[] x = ((Vector) i.getAs("dense")).toArray();
      double[] elu = new double[x.length];
      double max = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < x.length; k++) {
        elu[k] = x[k] > 0 ? x[k] : 0.5 * Math.expm1(x[k]);
        max = Math.max(max, elu[k]);
      }
      double sum = 0;
      double[] softmax = new double[x.length];
      for (int k = 0; k < x.length; k++) {
        softmax[k] = Math.exp(elu[k] - max);
        sum += softmax[k];
      }
      for (int k = 0; k < x.length; k++) {
        softmax[k] /= sum;
      }
      Vector sparse = i.getAs("sparse");
      double[] s = sparse.toArray();
      double[] relu = new double[s.length];
      double[] sigmoid = new double[s.length];
      for (int k = 0; k < s.length; k++) {
        relu[k] = Math.max(0.0, s[k]);
        sigmoid[k] = 1.0 / (1.0 + Math.exp(-s[k]));
      }
      assertClose(elu, o.getAs("dense_elu"), "dense_elu");
      assertClose(softmax, o.getAs("dense_softmax"), "dense_softmax");
      assertClose(relu, o.getAs("sparse_relu"), "sparse_relu");
      assertTrue(o.getAs("sparse_relu") instanceof org.apache.spark.ml.linalg.SparseVector, "relu keeps sparse vectors sparse");
      assertClose(sigmoid, o.getAs("sparse_sigmoid"), "sparse_sigmoid");
    }
  }

  /** Within 1e-12 relative, or 1e-12 absolute for entries below 1 in magnitude. */
  private static void assertClose(double[] expected, Vector actual, String what) {
    NumericAssert.assertClose(expected, actual.toArray(), NumericAssert.RTOL, NumericAssert.RTOL, what);
  }

  /**
   * Row-wise functions in activation stages: the iris sample, standardized, through hardmax and softmin,
   * checked against a one-hot of the first maximum and softmax(-x) computed here with plain Math.exp.
   */
  @org.junit.jupiter.api.Test
  void rowwiseActivationStagesOnIrisMatchHandComputedHardmaxAndSoftmin() throws Exception {
    Path out = tmp.resolve("iris-rowwise");
    JobCli.Result r = JobCli.run("run", "conf/iris.yaml", "--set", "output.path=" + out,
        "--set", "stages=[{activation: HardMax, inputCol: features}, {activation: softmin, inputCol: features}]");
    assertEquals(0, r.exit(), r.toString());

    JobCli.Table table = JobCli.Table.read(Path.of("sample-data", "iris.csv"));
    double[][] x = JobCli.standardize(table.numericExcept("species"));
    int n = x.length;
    List<Row> rows = spark.read().json(out.toString()).collectAsList(); // json keeps the input's row order
    assertEquals(n, rows.size());
    List<String> species = table.column("species");
    long softminSaturated = 0;
    double softminMin = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      Row row = rows.get(i);
      assertEquals(species.get(i), row.getAs("species"), "row order");
      int first = 0;
      double sum = 0;
      for (int j = 0; j < 4; j++) {
        first = x[i][j] > x[i][first] ? j : first;
        sum += Math.exp(-x[i][j]);
      }
      List<Object> hard = row.getList(row.fieldIndex("hardmax"));
      List<Object> soft = row.getList(row.fieldIndex("softmin"));
      assertEquals(4, hard.size());
      assertEquals(4, soft.size());
      for (int j = 0; j < 4; j++) {
        assertEquals(j == first ? 1.0 : 0.0, ((Number) hard.get(j)).doubleValue(), 0.0, "hardmax row " + i + " entry " + j);
        double want = Math.exp(-x[i][j]) / sum;
        double got = ((Number) soft.get(j)).doubleValue();
        assertEquals(want, got, 1e-12 * want, "softmin row " + i + " entry " + j);
        softminSaturated += Math.abs(want * (1 - want)) < 1e-3 ? 1 : 0;
        softminMin = Math.min(softminMin, want);
      }
    }

    JobReport report = JobReport.fromJson(Files.readString(tmp.resolve("iris-rowwise.report.json")));
    JobReport.StageStats hardmax = report.stages().get(0);
    assertEquals("hardmax", hardmax.function());
    assertEquals("hardmax", hardmax.outputCol());
    assertEquals(0.75, hardmax.zeroFraction(), 0.0); // three zeros per one-hot row of 4
    assertEquals(0.25, hardmax.mean(), 1e-15);
    assertEquals(1.0, hardmax.saturatedFraction(), 0.0); // a piecewise-constant function has no gradient
    assertEquals(JobReport.SATURATION_ROWWISE, hardmax.saturation());
    JobReport.StageStats softmin = report.stages().get(1);
    assertEquals("softmin", softmin.function());
    assertEquals(0.25, softmin.mean(), 1e-15); // each row sums to 1
    assertEquals(softminMin, softmin.min(), 1e-12 * softminMin);
    assertEquals((double) softminSaturated / (4 * n), softmin.saturatedFraction(), 1e-15);
  }

  @org.junit.jupiter.api.Test
  void savedPipelineModelReproducesTheOutputInAnotherJob() {
    Path out = tmp.resolve("iris");
    Path model = tmp.resolve("iris-model");
    JobCli.Result r = JobCli.run("run", "conf/iris.yaml", "--set", "output.path=" + out, "--set", "model.path=" + model);
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("  model   ") && l.endsWith(model.toString())), r.out());
    // another job: load the fitted pipeline (assembler, scaler with its fitted mean/std, our stages) and apply it
    PipelineModel loaded = PipelineModel.load(model.toString());
    assertEquals(5, loaded.stages().length);
    Dataset<Row> input = spark.read().option("header", "true").option("inferSchema", "true").csv("sample-data/iris.csv");
    List<Row> again = loaded.transform(input).select("bipolar_sigmoid").collectAsList();
    List<Row> written = spark.read().json(out.toString()).select("bipolar_sigmoid").collectAsList();
    assertEquals(150, again.size());
    for (int i = 0; i < again.size(); i++) {
      double[] v = ((Vector) again.get(i).get(0)).toArray();
      List<Object> w = written.get(i).getList(0);
      for (int j = 0; j < v.length; j++) {
        assertEquals(((Number) w.get(j)).doubleValue(), v[j], 0.0, "row " + i + " entry " + j);
      }
    }
  }

  private Dataset<Row> read(Path out, String format) {
    var reader = spark.read().format(format);
    if (format.equals("csv")) {
      reader = reader.option("header", "true").option("inferSchema", "true");
    }
    Dataset<Row> df = reader.load(out.toString());
    if (format.equals("orc")) {
      // ORC keeps a vector as its struct (type, size, indices, values) but not the vector type; read
      // with the vector type declared, as the README tells users to
      StructType declared = new StructType();
      for (StructField f : df.schema().fields()) {
        boolean vector = f.dataType() instanceof StructType st && st.getFieldIndex("indices").isDefined();
        declared = declared.add(f.name(), vector ? SQLDataTypes.VectorType() : f.dataType(), f.nullable());
      }
      df = spark.read().schema(declared).orc(out.toString());
    }
    return df;
  }

  /** The values of one output column of one row, whatever form the format wrote them in. */
  private static double[] values(Row row, Dataset<Row> df, String col, String format, int d) {
    switch (format) {
      case "parquet", "orc" -> {
        return ((Vector) row.getAs(col)).toArray();
      }
      case "json" -> {
        List<Object> l = row.getList(row.fieldIndex(col));
        double[] v = new double[l.size()];
        for (int i = 0; i < v.length; i++) {
          v[i] = ((Number) l.get(i)).doubleValue();
        }
        return v;
      }
      case "csv" -> {
        List<Double> v = new ArrayList<>();
        for (int i = 0; i < d; i++) {
          v.add(((Number) row.getAs(col + "_" + i)).doubleValue());
        }
        assertTrue(!List.of(df.columns()).contains(col + "_" + d), "exactly " + d + " csv columns for " + col);
        return v.stream().mapToDouble(Double::doubleValue).toArray();
      }
      default -> throw new IllegalArgumentException(format);
    }
  }
}
