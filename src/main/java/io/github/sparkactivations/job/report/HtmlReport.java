package io.github.sparkactivations.job.report;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.github.sparkactivations.job.JobConfig;
import io.github.sparkactivations.job.JobReport;
import io.github.sparkactivations.job.JobReport.StageStats;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;

/**
 * The run report as one self-contained HTML page: per stage, its statistics and the histograms of its
 * inputs (under f and f', zones shaded) and outputs, plus each row's largest probability and entropy
 * for row-wise functions; then the gradient flow of each chain of stages; then the config, the wall
 * times, the Spark line and the execution path. Images are inline {@code data:} URIs and there is no
 * script and no external URL, so the file opens offline. Every number shown is also in a
 * {@code data-value} attribute, every histogram's bins in {@code data-*} attributes of its figure.
 */
public final class HtmlReport {

  private static final String STYLE = "body{font-family:sans-serif;max-width:1600px;margin:1em auto;padding:0 1em;"
      + "color:#222}h1{font-size:1.5em}h2{border-bottom:1px solid #ccc;margin-top:1.6em}"
      + "table{border-collapse:collapse;margin:.5em 0}th,td{padding:2px 10px;text-align:left;"
      + "border-bottom:1px solid #eee}td{font-variant-numeric:tabular-nums}.figs{display:flex;flex-wrap:wrap;"
      + "gap:.5em 1.5em}figure{margin:.4em 0}figcaption{font-size:.85em;color:#555;max-width:760px}"
      + "pre{background:#f6f6f6;padding:.6em;overflow:auto}.note{color:#555;font-size:.9em;max-width:1000px}";

  /**
   * The config as a user writes it: a stage's kind as its {@code type} key, not a YAML tag
   * ({@code !<activation>}, Jackson's default for a polymorphic type in YAML), and strings unquoted
   * unless YAML needs the quotes (a string that reads as a number keeps them: {@code "4"}).
   */
  private static final ObjectMapper YAML = new YAMLMapper()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .disable(YAMLGenerator.Feature.USE_NATIVE_TYPE_ID)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private HtmlReport() {}

  /**
   * The page of a run: the config shown as YAML with its defaults resolved, the Spark line from the
   * session.
   */
  public static String render(JobReport report, StatisticsPass.Statistics stats, JobConfig config, SparkSession spark) {
    String yaml;
    try {
      yaml = YAML.writeValueAsString(config);
    } catch (JsonProcessingException e) {
      yaml = "(the config cannot be shown: " + e.getOriginalMessage() + ")";
    }
    String sparkLine = String.format(Locale.ROOT, "Spark %s (Scala %s), master %s, application %s (%s), default "
            + "parallelism %d", spark.version(), scala.util.Properties.versionNumberString(),
        spark.sparkContext().master(), spark.sparkContext().appName(), spark.sparkContext().applicationId(),
        spark.sparkContext().defaultParallelism());
    return render(report, stats, yaml, sparkLine);
  }

  /**
   * The page.
   *
   * @param report the run's JSON report
   * @param stats the same pass's histograms and gradient chains
   * @param configYaml the effective config, as YAML
   * @param sparkLine Spark version, master and application
   */
  public static String render(JobReport report, StatisticsPass.Statistics stats, String configYaml, String sparkLine) {
    StringBuilder h = new StringBuilder(1 << 16);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    h.append("<title>spark-activations report: ").append(esc(report.config())).append("</title>");
    h.append("<style>").append(STYLE).append("</style></head><body>\n");
    h.append("<h1>spark-activations run report</h1>\n<table class=\"summary\">");
    row(h, "config", report.config());
    row(h, "input", report.input() + " (" + report.inputFormat() + "), " + report.rowsIn() + " rows");
    row(h, "output", report.output() + " (" + report.outputFormat() + "), " + report.rowsOut() + " rows");
    row(h, "execution path", report.executionPath());
    h.append("</table>\n<h2>Stages</h2>\n");
    for (int i = 0; i < report.stages().size(); i++) {
      stage(h, report.stages().get(i), stats.stages().get(i));
    }
    h.append("<h2>Gradient flow</h2>\n<p class=\"note\">For each chain of stages (each stage fed by the one "
        + "before; stages that output f' are not part of a chain), the gain of a row is the mean over its entries "
        + "of |&prod;<sub>k</sub> d<sub>k</sub>|, the product of each stage's derivative at that entry: f'(x) at "
        + "an elementwise stage's input, the Jacobian diagonal dy<sub>i</sub>/dx<sub>i</sub> of a row-wise stage. "
        + "It is the factor by which a gradient of equal size on every entry shrinks or grows on its way back "
        + "through the chain: below 1e-3 it vanishes, above 1e3 it explodes. A gain of 0 is drawn left of the "
        + "axis and counted in the table.</p>\n");
    h.append("<div class=\"figs\">\n");
    for (int c = 0; c < stats.chains().size(); c++) {
      chain(h, c, stats.chains().get(c));
    }
    h.append("</div>\n");
    h.append("<h2>Run</h2>\n<table class=\"run\">");
    row(h, "Spark", sparkLine);
    row(h, "execution path", report.executionPath());
    row(h, "master", report.master());
    for (Map.Entry<String, Double> e : report.phaseSeconds().entrySet()) {
      valueRow(h, "time-" + e.getKey(), "wall time: " + e.getKey(), e.getValue(), String.format(Locale.ROOT, "%.2f s", e.getValue()));
    }
    valueRow(h, "time-total", "wall time: total", report.totalSeconds(), String.format(Locale.ROOT, "%.2f s", report.totalSeconds()));
    h.append("</table>\n<h3>Config (effective, defaults resolved)</h3>\n<pre class=\"config\">").append(esc(configYaml)).append("</pre>\n");
    h.append("</body></html>\n");
    return h.toString();
  }

  private static void stage(StringBuilder h, StageStats s, StageAccumulator a) {
    String id = "stage-" + s.stage();
    h.append("<section id=\"").append(id).append("\"><h3>Stage ").append(s.stage()).append(": ")
        .append(esc(s.function())).append(" &nbsp;(").append(esc(s.inputCol())).append(" &rarr; ")
        .append(esc(s.outputCol())).append(")</h3>\n<table class=\"stats\" data-stage=\"").append(s.stage()).append("\">");
    valueRow(h, "values", "values", (double) s.values(), String.format(Locale.ROOT, "%,d", s.values()));
    valueRow(h, "nullRows", "null rows", (double) s.nullRows(), String.format(Locale.ROOT, "%,d", s.nullRows()));
    valueRow(h, "nan", "NaN", (double) s.nan(), String.format(Locale.ROOT, "%,d", s.nan()));
    valueRow(h, "min", "min", s.min(), num(s.min()));
    valueRow(h, "mean", "mean", s.mean(), num(s.mean()));
    valueRow(h, "max", "max", s.max(), num(s.max()));
    valueRow(h, "zeroFraction", "dead (output exactly 0)", s.zeroFraction(), pct(s.zeroFraction()));
    valueRow(h, "saturatedFraction", "saturated", s.saturatedFraction(), pct(s.saturatedFraction()));
    h.append("</table>\n<p class=\"note\">saturated: ").append(esc(s.saturation())).append("</p>\n");
    h.append("<div class=\"figs\">\n");
    String outside = outsideOf(a.inputs());
    figure(h, id + "-inputs", a.inputs(), ReportCharts.dataUri(ReportCharts.inputs(a)),
        a.probe().elementwise() == null
            ? "The stage's input values (a row-wise function has no curve over one x)" + outside + "."
            : "The stage's input values under f (red) and f' (green). Shaded: where |f'(x)| < 1e-3 (saturated, "
                + pct(s.saturatedFraction()) + " of the values) and where the output is exactly 0 (dead, "
                + pct(s.zeroFraction()) + ")" + outside + ".");
    figure(h, id + "-outputs", a.outputs(), ReportCharts.dataUri(ReportCharts.histogram(
        "Outputs of stage " + s.stage() + " (" + s.outputCol() + ")", "the stage's output", a.outputs(), Double.NaN,
        Double.NaN)), "The stage's output values" + outsideOf(a.outputs()) + ".");
    if (a.rowMax() != null) {
      figure(h, id + "-rowmax", a.rowMax(), ReportCharts.dataUri(ReportCharts.histogram(
          "Largest probability of each row, stage " + s.stage(), "max_i p_i", a.rowMax(), Double.NaN, Double.NaN)),
          "Each row's largest probability: near 1, the row is sure of one entry; near 1/n, it spreads evenly.");
      figure(h, id + "-entropy", a.rowEntropy(), ReportCharts.dataUri(ReportCharts.histogram(
          "Entropy of each row / ln n, stage " + s.stage(), "H(p) / ln n", a.rowEntropy(), Double.NaN, Double.NaN)),
          "Each row's entropy divided by its maximum ln n (n entries): 0 for a one-hot row, 1 for a uniform one.");
    }
    h.append("</div></section>\n");
  }

  private static void chain(StringBuilder h, int c, GradientChain g) {
    String names = g.stages().stream().map(p -> "stage " + p.index() + " (" + p.outputCol() + ")")
        .collect(Collectors.joining(" \u2192 "));
    h.append("<section id=\"chain-").append(c).append("\"><h3>").append(esc(names)).append("</h3>\n");
    h.append("<table class=\"chain\" data-chain=\"").append(c).append("\" data-stages=\"")
        .append(g.stages().stream().map(p -> Integer.toString(p.index())).collect(Collectors.joining(",")))
        .append("\">");
    valueRow(h, "rows", "rows", (double) g.rows(), Long.toString(g.rows()));
    valueRow(h, "withoutGain", "rows without a gain (null, ragged or all NaN)", (double) g.withoutGain(),
        Long.toString(g.withoutGain()));
    long measured = g.rows() - g.withoutGain();
    valueRow(h, "zero", "gain exactly 0", (double) g.zero(), count(g.zero(), measured));
    valueRow(h, "vanishing", "gain below 1e-3 (vanishing)", (double) g.vanishing(), count(g.vanishing(), measured));
    valueRow(h, "exploding", "gain above 1e3 (exploding)", (double) g.exploding(), count(g.exploding(), measured));
    h.append("</table>\n");
    figure(h, "chain-" + c + "-gain", g.log10Gain(), ReportCharts.dataUri(ReportCharts.histogram(
        "Gradient gain per row: " + names, "log10(gain)", g.log10Gain(), -3, 3)),
        "log10 of each row's gain; shaded: vanishing (below -3) and exploding (above 3)"
            + outsideOf(g.log10Gain()) + ".");
    h.append("</section>\n");
  }

  private static void figure(StringBuilder h, String id, Histogram hist, String uri, String caption) {
    h.append("<figure id=\"").append(id).append("\" data-hist=\"").append(id)
        .append("\" data-lo=\"").append(hist.lo()).append("\" data-hi=\"").append(hist.hi())
        .append("\" data-below=\"").append(hist.below()).append("\" data-above=\"").append(hist.above())
        .append("\" data-nan=\"").append(hist.nan()).append("\" data-counts=\"")
        .append(Arrays.stream(hist.counts()).mapToObj(Long::toString).collect(Collectors.joining(",")))
        .append("\"><img src=\"").append(uri).append("\" width=\"").append(ReportCharts.WIDTH)
        .append("\" height=\"").append(ReportCharts.HEIGHT).append("\" alt=\"").append(esc(caption))
        .append("\"><figcaption>").append(esc(caption)).append("</figcaption></figure>\n");
  }

  private static String outsideOf(Histogram h) {
    return h.below() + h.above() == 0 ? "" : "; outside the drawn range: " + h.below() + " below, " + h.above() + " above";
  }

  private static void row(StringBuilder h, String name, String value) {
    h.append("<tr><th>").append(esc(name)).append("</th><td>").append(esc(value)).append("</td></tr>");
  }

  private static void valueRow(StringBuilder h, String key, String name, Double value, String shown) {
    h.append("<tr data-key=\"").append(key).append("\"><th>").append(esc(name)).append("</th><td data-value=\"")
        .append(value == null ? "" : value.toString()).append("\">").append(esc(shown)).append("</td></tr>");
  }

  private static String count(long n, long of) {
    return of == 0 ? Long.toString(n) : String.format(Locale.ROOT, "%d (%.2f%%)", n, 100.0 * n / of);
  }

  private static String num(Double d) {
    if (d == null) {
      return "-";
    }
    double a = Math.abs(d);
    return d == 0 || (a >= 1e-3 && a < 1e5) ? String.format(Locale.ROOT, "%.4f", d) : String.format(Locale.ROOT, "%.3e", d);
  }

  private static String pct(Double f) {
    return f == null ? "-" : String.format(Locale.ROOT, "%.2f%%", 100.0 * f);
  }

  private static String esc(String s) {
    return s == null ? "" : escapeHtml4(s);
  }
}
