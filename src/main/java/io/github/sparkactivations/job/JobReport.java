package io.github.sparkactivations.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one run did: rows in and out, statistics of every stage's output column, and wall time per
 * phase. Printed as a table ({@link #toTable()}) and saved as JSON ({@link #toJson()}) next to the
 * output.
 *
 * @param config the config file
 * @param master the Spark master the job ran on
 * @param input input path
 * @param inputFormat input format
 * @param skippedColumns with {@code features.exclude}: the non-numeric input columns left out of the
 *     feature vector, name to Spark type (empty otherwise)
 * @param output output path
 * @param outputFormat output format
 * @param outputMode error or overwrite
 * @param reportPath where this report is saved
 * @param htmlReportPath where the HTML report (charts of every stage, gradient flow) is saved
 * @param modelPath where the fitted PipelineModel was saved, or null
 * @param rowsIn rows read
 * @param rowsOut rows written (fewer than rowsIn when a stage or the assembler skips invalid rows)
 * @param stages one entry per stage
 * @param phaseSeconds wall time of each phase, in order
 * @param totalSeconds wall time of the whole run
 * @param executionPath which code computed the stages, e.g. {@code UDF, scalar kernels}
 */
public record JobReport(
    String config,
    String master,
    String input,
    String inputFormat,
    Map<String, String> skippedColumns,
    String output,
    String outputFormat,
    String outputMode,
    String reportPath,
    String htmlReportPath,
    String modelPath,
    long rowsIn,
    long rowsOut,
    List<StageStats> stages,
    Map<String, Double> phaseSeconds,
    double totalSeconds,
    String executionPath) {

  /** |f'(x)| below this counts as saturated (the vanishing-gradient zone). */
  public static final double SATURATION_BOUND = 1e-3;

  /** How saturation is measured for elementwise stages. */
  public static final String SATURATION_ELEMENTWISE =
      "|f'(x)| < 1e-3 at the stage's input x (f is the activation, also when the stage outputs f')";
  /** How saturation is measured for softmax stages. */
  public static final String SATURATION_SOFTMAX =
      "|d y_i / d x_i| < 1e-3, the diagonal of the row-wise Jacobian: y_i(1-y_i)/T for softmax, "
          + "(1-y_i)/T for log_softmax, with y = softmax(x/T)";

  /** How saturation is measured for activation stages with a row-wise function. */
  public static final String SATURATION_ROWWISE =
      "|d y_i / d x_i| < 1e-3, the diagonal of the row-wise Jacobian: y_i(1-y_i) for softmax and softmin, "
          + "(1-y_i) for log_softmax with y = exp(output), 0 for hardmax (every entry saturated)";

  /**
   * Statistics of one stage's output column over all rows and all vector entries, computed in one
   * distributed pass.
   *
   * @param stage index in {@code stages}
   * @param type activation or softmax
   * @param function what the stage computes, e.g. {@code leaky_relu(alpha=0.01)}
   * @param inputCol the stage's input column
   * @param outputCol the stage's output column
   * @param values number of values (rows x vector length)
   * @param nullRows rows whose output is null
   * @param nan values that are NaN
   * @param min smallest non-NaN value (null if none)
   * @param mean mean of the non-NaN values (null if none)
   * @param max largest non-NaN value (null if none)
   * @param zeroFraction fraction of values exactly 0 (dead units); null when there are no values
   * @param saturatedFraction fraction of values in the saturated zone, see {@code saturation}; null when
   *     there are no values
   * @param saturation the definition used for this stage
   */
  public record StageStats(
      int stage,
      String type,
      String function,
      String inputCol,
      String outputCol,
      long values,
      long nullRows,
      long nan,
      Double min,
      Double mean,
      Double max,
      Double zeroFraction,
      Double saturatedFraction,
      String saturation) {}

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  /** The report as pretty-printed JSON (NaN and infinities as strings). */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise the report: " + e.getMessage(), e);
    }
  }

  /** Reads a report back (for tests and tools). */
  public static JobReport fromJson(String json) {
    try {
      return JSON.readValue(json, JobReport.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a job report: " + e.getOriginalMessage(), e);
    }
  }

  /** The report as a compact text table for the console. */
  public String toTable() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "spark-activations report  (config %s, master %s)%n", config, master));
    sb.append(String.format(Locale.ROOT, "  input   %s (%s): %,d rows%n", input, inputFormat, rowsIn));
    sb.append(String.format(Locale.ROOT, "  output  %s (%s, mode %s): %,d rows%n", display(output), outputFormat, outputMode, rowsOut));
    sb.append(String.format(Locale.ROOT, "  report  %s%n", display(reportPath)));
    if (htmlReportPath != null) {
      sb.append(String.format(Locale.ROOT, "  html    %s%n", display(htmlReportPath)));
    }
    if (modelPath != null) {
      sb.append(String.format(Locale.ROOT, "  model   %s%n", display(modelPath)));
    }
    sb.append('\n');
    String[] head = {"stage", "function", "column", "values", "NaN", "min", "mean", "max", "zero", "saturated"};
    List<String[]> rows = new java.util.ArrayList<>();
    rows.add(head);
    for (StageStats s : stages) {
      rows.add(new String[] {
        Integer.toString(s.stage()),
        s.function(),
        s.outputCol(),
        String.format(Locale.ROOT, "%,d", s.values()),
        String.format(Locale.ROOT, "%,d", s.nan()),
        num(s.min()),
        num(s.mean()),
        num(s.max()),
        pct(s.zeroFraction()),
        pct(s.saturatedFraction())
      });
    }
    int[] width = new int[head.length];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    boolean first = true;
    for (String[] r : rows) {
      sb.append("  ");
      for (int i = 0; i < r.length; i++) {
        boolean left = i <= 2;
        String cell = left ? pad(r[i], width[i], false) : pad(r[i], width[i], true);
        sb.append(cell).append(i == r.length - 1 ? "" : "  ");
      }
      sb.append(String.format("%n"));
      if (first) {
        sb.append("  ");
        int total = 0;
        for (int w : width) {
          total += w;
        }
        sb.append("-".repeat(total + 2 * (width.length - 1))).append(String.format("%n"));
        first = false;
      }
    }
    sb.append(String.format(Locale.ROOT, "%n  zero = exact zeros (dead units); saturated = |f'(x)| < 1e-3 at the stage input"
        + " (softmax: y(1-y)/T < 1e-3)%n"));
    StringBuilder phases = new StringBuilder();
    for (Map.Entry<String, Double> e : phaseSeconds.entrySet()) {
      if (phases.length() > 0) {
        phases.append(", ");
      }
      phases.append(String.format(Locale.ROOT, "%s %.2f s", e.getKey(), e.getValue()));
    }
    sb.append(String.format(Locale.ROOT, "  wall time: %s; total %.2f s%n", phases, totalSeconds));
    sb.append(String.format(Locale.ROOT, "  execution path: %s%n", executionPath));
    return sb.toString();
  }

  /** A local path below the working directory is shown relative to it; anything else as is. */
  private static String display(String uri) {
    String cwd = "file:" + System.getProperty("user.dir") + "/";
    return uri != null && uri.startsWith(cwd) ? uri.substring(cwd.length()) : uri;
  }

  private static String pad(String s, int w, boolean right) {
    if (s.length() >= w) {
      return s;
    }
    String sp = " ".repeat(w - s.length());
    return right ? sp + s : s + sp;
  }

  private static String num(Double d) {
    if (d == null) {
      return "-";
    }
    if (d.isNaN() || d.isInfinite()) {
      return d.toString();
    }
    if (d == 0.0) {
      return "0";
    }
    double a = Math.abs(d);
    if (a >= 1e-3 && a < 1e5) {
      return String.format(Locale.ROOT, "%.4f", d);
    }
    return String.format(Locale.ROOT, "%.3e", d);
  }

  private static String pct(Double f) {
    if (f == null || f.isNaN()) {
      return "-";
    }
    return String.format(Locale.ROOT, "%.2f%%", 100.0 * f);
  }

  /** An ordered phase map builder. */
  static Map<String, Double> phases() {
    return new LinkedHashMap<>();
  }
}
