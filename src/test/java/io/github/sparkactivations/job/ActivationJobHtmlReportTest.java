package io.github.sparkactivations.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sparkactivations.activation.KernelPath;
import io.github.sparkactivations.testing.SparkTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report of a run on iris (sigmoid, then softmax over its output, plus tanh' beside them),
 * its numbers checked against the JSON report and against histograms and gradient gains computed
 * here with plain loops from the sample CSV.
 */
class ActivationJobHtmlReportTest extends SparkTestBase {

  @TempDir Path tmp;

  @Test
  void htmlReportShowsTheJsonNumbersAndHistogramsComputedIndependently() throws Exception {
    Path out = tmp.resolve("iris");
    List<String> sets = List.of("output.path=" + out,
        "stages=[{activation: sigmoid, inputCol: features, outputCol: s}, {type: softmax, inputCol: s, outputCol: p},"
            + " {activation: tanh, derivative: true, inputCol: features, outputCol: d}]");
    JobCli.Result r = JobCli.run("run", "conf/iris.yaml", "--set", sets.get(0), "--set", sets.get(1));
    assertEquals(0, r.exit(), r.toString());
    assertEquals("", r.err());
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("  html    ") && l.endsWith(out + ".report.html")), r.out());
    // local mode: the executor is this JVM, so its kernel path is this JVM's; the engine is native on
    // the Spark line the build was compiled for, unless the surefire run forces the UDF path
    boolean udf = "udf".equals(System.getProperty("spark.activations.execution"));
    String path = (udf ? "UDF" : "native (whole-stage codegen)") + "; kernels: " + KernelPath.describe();
    assertTrue(r.out().lines().anyMatch(l -> l.equals("  execution path: " + path)), r.out());
    // stdout is no terminal here: progress comes as log lines, one per phase at least
    for (String phase : List.of("read", "fit", "transform+write", "report")) {
      assertTrue(r.out().lines().anyMatch(l -> l.startsWith("progress: " + phase + ", ")), phase + ":\n" + r.out());
    }
    JobReport json = JobReport.fromJson(Files.readString(tmp.resolve("iris.report.json")));
    assertEquals(path, json.executionPath());
    HtmlReportPage page = HtmlReportPage.read(tmp.resolve("iris.report.html"));
    page.assertSelfContained();
    page.assertMatches(json);

    // the config as a user writes it: each stage's kind under its type key, no YAML tag (!<activation>);
    // read back as a config file, it is the run's config
    String yaml = page.configYaml();
    assertFalse(page.doc().text().contains("!<"), yaml);
    List<String> keys = yaml.lines().map(l -> l.strip().replaceFirst("^- ", "")).toList();
    for (String kv : List.of("type: activation", "activation: sigmoid", "inputCol: features", "outputCol: s",
        "type: softmax", "inputCol: s", "outputCol: p", "temperature: 1.0", "activation: tanh", "derivative: true",
        "outputCol: d", "path: sample-data/iris.csv", "handleInvalid: error", "spark.sql.shuffle.partitions: \"4\"")) {
      assertTrue(keys.contains(kv), kv + " in\n" + yaml);
    }
    assertEquals(ConfigLoader.load(Path.of("conf/iris.yaml"), sets), ConfigLoader.parse(yaml, "the page", List.of()));

    double[][] x = JobCli.standardize(JobCli.Table.read(Path.of("sample-data/iris.csv")).numericExcept("species"));
    int n = x.length;
    // stage 0 inputs: sigmoid's range is [-8, 8] (BinRanges), every standardized value inside
    HtmlReportPage.Hist in = page.hist("stage-0-inputs");
    assertEquals(-8.0, in.lo());
    assertEquals(8.0, in.hi());
    long[] want = new long[in.counts().length];
    for (double[] row : x) {
      for (double v : row) {
        want[HtmlReportPage.bin(in, v)]++;
      }
    }
    assertArrayEquals(want, in.counts(), "input histogram of stage 0");
    assertEquals(0, in.below() + in.above() + in.nan());

    // stage 1 (softmax of sigmoid(x)): each row's largest probability and normalised entropy, and the
    // gain of the chain sigmoid -> softmax: mean_i |sigmoid'(x_i) * p_i (1 - p_i)|
    HtmlReportPage.Hist top = page.hist("stage-1-rowmax");
    HtmlReportPage.Hist entropy = page.hist("stage-1-entropy");
    HtmlReportPage.Hist gain = page.hist("chain-0-gain");
    long[] wantTop = new long[top.counts().length];
    long[] wantEntropy = new long[entropy.counts().length];
    long[] wantGain = new long[gain.counts().length];
    long vanishing = 0;
    for (double[] row : x) {
      int d = row.length;
      double[] s = new double[d];
      double z = 0;
      for (int j = 0; j < d; j++) {
        s[j] = 1 / (1 + Math.exp(-row[j]));
        z += Math.exp(s[j]);
      }
      double max = 0;
      double h = 0;
      double g = 0;
      for (int j = 0; j < d; j++) {
        double p = Math.exp(s[j]) / z;
        max = Math.max(max, p);
        h -= p * Math.log(p);
        g += Math.abs(s[j] * (1 - s[j]) * p * (1 - p));
      }
      wantTop[HtmlReportPage.bin(top, max)]++;
      wantEntropy[HtmlReportPage.bin(entropy, h / Math.log(d))]++;
      wantGain[HtmlReportPage.bin(gain, Math.log10(g / d))]++;
      vanishing += g / d < 1e-3 ? 1 : 0;
    }
    assertArrayEquals(wantTop, top.counts(), "largest probability per row");
    assertArrayEquals(wantEntropy, entropy.counts(), "entropy per row");
    assertArrayEquals(wantGain, gain.counts(), "log10 gain per row");
    // the derivative stage is no layer: one chain, stages 0 and 1
    assertEquals(List.of("0,1"), page.chainStages());
    assertEquals(n, page.chainStat(0, "rows"));
    assertEquals(0, page.chainStat(0, "withoutGain"));
    assertEquals(vanishing, page.chainStat(0, "vanishing"));
    assertEquals(n, gain.total());
  }
}
