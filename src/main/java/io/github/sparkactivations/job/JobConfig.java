package io.github.sparkactivations.job;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.github.sparkactivations.activation.Activation;
import io.github.sparkactivations.activation.ElementwiseActivation;
import io.github.sparkactivations.internal.HandleInvalid;
import io.github.sparkactivations.internal.Rules;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.spark.ml.Transformer;
import java.util.Locale;
import java.util.Map;

/**
 * The batch job's configuration, bound from YAML by {@link ConfigLoader} (unknown keys are errors)
 * or built in code. Every section except {@code input}, {@code features}, {@code stages} and
 * {@code output} is optional; absent values take the defaults documented on each record.
 *
 * <p>{@link #validate()} is the one validation path shared by code and config files: it checks
 * everything that can be checked without touching data (formats, modes, activation specs, column
 * names) and throws {@link ConfigException} naming the key. Checks that need the file system or the
 * input schema (input exists, output does not exist in mode {@code error}, column types) run in
 * {@link JobPlan} before any data is read.
 *
 * @param spark optional Spark settings (master, app name, extra conf); spark-submit's own settings win
 * @param input where and how to read the data
 * @param features which columns form the feature vector, and whether to standardize it
 * @param stages the activation and softmax stages, applied in order
 * @param output where and how to write the result
 * @param report where to save the JSON report (default {@code <output.path>.report.json})
 * @param model where to save the fitted {@code PipelineModel} (default: not saved)
 */
public record JobConfig(
    SparkSection spark,
    InputSection input,
    FeaturesSection features,
    List<StageConfig> stages,
    OutputSection output,
    ReportSection report,
    ModelSection model) {

  /** Input formats the job reads. */
  public static final List<String> INPUT_FORMATS = List.of("csv", "parquet", "json", "orc", "libsvm");
  /** Output formats the job writes. */
  public static final List<String> OUTPUT_FORMATS = List.of("parquet", "orc", "json", "csv");
  /** Output modes: refuse an existing output, or replace it once the new one is complete. */
  public static final List<String> OUTPUT_MODES = List.of("error", "overwrite");
  /** Values of the {@code handleInvalid} keys: exactly these, lower case, as the stages' param. */
  public static final List<String> HANDLE_INVALID = List.of(HandleInvalid.paramValues());
  /** Default name of the assembled (and standardized) feature vector column. */
  public static final String DEFAULT_FEATURES_COL = "features";
  /** Default master when neither spark-submit nor the config sets one. */
  public static final String DEFAULT_MASTER = "local[*]";

  /** Canonical constructor: absent optional sections become empty ones, so callers never see null. */
  public JobConfig {
    spark = spark == null ? new SparkSection(null, null, null) : spark;
    report = report == null ? new ReportSection(null) : report;
    model = model == null ? new ModelSection(null) : model;
    stages = stages == null ? List.of() : List.copyOf(stages);
  }

  /**
   * Spark settings, all optional.
   *
   * @param master used only when spark-submit (or a {@code spark.master} system property) gave none;
   *     {@code local[*]} when absent everywhere
   * @param appName the application name (default {@code spark-activations})
   * @param conf extra Spark settings, e.g. {@code spark.sql.shuffle.partitions: "8"}; settings given
   *     to spark-submit win
   */
  public record SparkSection(String master, String appName, Map<String, String> conf) {
    public SparkSection {
      conf = conf == null ? Map.of() : new LinkedHashMap<>(conf);
    }

    /** The app name, {@code spark-activations} by default. */
    public String appNameOrDefault() {
      return appName == null || appName.isBlank() ? "spark-activations" : appName;
    }
  }

  /**
   * The input.
   *
   * @param path a file or directory, on any Hadoop file system ({@code file:}, {@code hdfs:}, {@code s3a:}, ...)
   * @param format csv (with a header line, types inferred), parquet, json, orc or libsvm; default csv
   * @param options reader options passed to Spark as is; for csv {@code header} and {@code inferSchema}
   *     default to true
   */
  public record InputSection(String path, String format, Map<String, String> options) {
    public InputSection {
      format = format == null ? "csv" : format.trim().toLowerCase(Locale.ROOT);
      options = options == null ? Map.of() : new LinkedHashMap<>(options);
    }
  }

  /**
   * Which columns form the feature vector. Exactly one of {@code columns}, {@code exclude} and
   * {@code vectorColumn}.
   *
   * @param columns these numeric columns, assembled in this order
   * @param exclude every numeric column of the input except these (e.g. the label), in input order
   * @param vectorColumn an existing vector column (e.g. libsvm's {@code features})
   * @param standardize apply {@code StandardScaler(withMean = true, withStd = true)} (default false)
   * @param outputCol name of the assembled (and standardized) vector column (default {@code features});
   *     with {@code vectorColumn} and no standardization it is the vector column itself
   * @param handleInvalid what the assembler does with null or NaN input values: error (default),
   *     skip the row, or keep (NaN in the vector, left to the stages' own {@code handleInvalid})
   */
  public record FeaturesSection(
      List<String> columns,
      List<String> exclude,
      String vectorColumn,
      Boolean standardize,
      String outputCol,
      String handleInvalid) {
    public FeaturesSection {
      columns = columns == null ? null : List.copyOf(columns);
      exclude = exclude == null ? null : List.copyOf(exclude);
      standardize = standardize != null && standardize;
      handleInvalid = handleInvalid == null ? HandleInvalid.DEFAULT.paramValue() : handleInvalid;
    }

    /** The name of the feature vector column the first stage reads by default. */
    public String outputColOrDefault() {
      if (outputCol != null && !outputCol.isBlank()) {
        return outputCol;
      }
      if (vectorColumn != null && !standardize) {
        return vectorColumn;
      }
      return DEFAULT_FEATURES_COL;
    }
  }

  /**
   * One stage of the pipeline: {@code type: activation} (the default, filled in by {@link ConfigLoader}
   * when absent) or {@code type: softmax}.
   * {@code inputCol} defaults to the previous stage's output (the feature vector for the first stage).
   */
  @JsonTypeInfo(
      use = JsonTypeInfo.Id.NAME,
      include = JsonTypeInfo.As.PROPERTY,
      property = "type")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = ActivationStage.class, name = "activation"),
    @JsonSubTypes.Type(value = SoftmaxStage.class, name = "softmax")
  })
  public sealed interface StageConfig permits ActivationStage, SoftmaxStage {
    /** {@code activation} or {@code softmax}. */
    String type();

    /** The input column, or null for "the previous stage's output". */
    String inputCol();

    /** The output column, or null for the default name. */
    String outputCol();

    /** error (default), skip or keep. */
    String handleInvalid();
  }

  /**
   * An activation stage ({@code ActivationTransformer}): an elementwise f of every entry, or a row-wise
   * function (softmax, log_softmax, softmin, hardmax) of each whole row, length in = length out.
   *
   * @param activation the spec string, e.g. {@code leaky_relu(alpha=0.01)} or {@code softmin} (required)
   * @param derivative output f'(x) instead of f(x) (default false); elementwise activations only, a
   *     row-wise activation with {@code derivative: true} is a config error at {@code stages[i].derivative}
   * @param outputCol default: the activation's canonical name, with {@code _derivative} appended when
   *     {@code derivative} is true
   */
  public record ActivationStage(
      String activation, Boolean derivative, String inputCol, String outputCol, String handleInvalid)
      implements StageConfig {
    public ActivationStage {
      derivative = derivative != null && derivative;
      handleInvalid = handleInvalid == null ? HandleInvalid.DEFAULT.paramValue() : handleInvalid;
    }

    @Override
    public String type() {
      return "activation";
    }
  }

  /**
   * A row-wise softmax stage ({@code SoftmaxTransformer}): softmax of x/temperature, or its log.
   *
   * @param temperature > 0 (default 1.0)
   * @param logSoftmax output log-softmax instead (default false)
   * @param outputCol default {@code softmax} (or {@code log_softmax})
   */
  public record SoftmaxStage(
      Double temperature, Boolean logSoftmax, String inputCol, String outputCol, String handleInvalid)
      implements StageConfig {
    public SoftmaxStage {
      temperature = temperature == null ? Rules.DEFAULT_TEMPERATURE : temperature;
      logSoftmax = logSoftmax != null && logSoftmax;
      handleInvalid = handleInvalid == null ? HandleInvalid.DEFAULT.paramValue() : handleInvalid;
    }

    @Override
    public String type() {
      return "softmax";
    }

    /** The spec string of the row-wise function this stage applies, e.g. {@code log_softmax}. */
    public String functionName() {
      return logSoftmax ? "log_softmax" : "softmax";
    }
  }

  /**
   * The output.
   *
   * @param path the output directory (written atomically: to a hidden sibling first, then renamed)
   * @param format parquet (default), orc, json or csv
   * @param mode error (default: refuse an existing output) or overwrite (replace it once the new
   *     output is complete)
   * @param keep input columns to carry through to the output (e.g. the label)
   * @param options writer options passed to Spark as is (e.g. {@code compression})
   */
  public record OutputSection(
      String path, String format, String mode, List<String> keep, Map<String, String> options) {
    public OutputSection {
      format = format == null ? "parquet" : format.trim().toLowerCase(Locale.ROOT);
      mode = mode == null ? "error" : mode.trim().toLowerCase(Locale.ROOT);
      keep = keep == null ? List.of() : List.copyOf(keep);
      options = options == null ? Map.of() : new LinkedHashMap<>(options);
    }
  }

  /** @param path where the JSON report goes; default {@code <output.path>.report.json} */
  public record ReportSection(String path) {}

  /** @param path if set, the fitted {@code PipelineModel} is saved here (atomically, like the output) */
  public record ModelSection(String path) {}

  // ---------------------------------------------------------------------------------------------
  // Resolved view, shared by validation and the job

  /**
   * A stage with its defaults resolved: parsed activation, input and output column, and the ML stage
   * built from it (every value went through the stage's own setter, so the stage has checked it).
   */
  public record ResolvedStage(
      int index, StageConfig config, Activation activation, String inputCol, String outputCol,
      Transformer stage) {

    /** The key prefix of this stage in the config, e.g. {@code stages[1]}. */
    public String key() {
      return "stages[" + index + "]";
    }

    /** A short description for the report, e.g. {@code leaky_relu(alpha=0.01)} or {@code softmax(T=2.0)}. */
    public String describe() {
      if (config instanceof SoftmaxStage s) {
        String t = s.temperature() == 1.0 ? "" : "(temperature=" + s.temperature() + ")";
        return s.functionName() + t;
      }
      ActivationStage a = (ActivationStage) config;
      return a.derivative() ? "d/dx " + activation.spec() : activation.spec();
    }
  }

  /** The report path: {@code report.path}, or {@code <output.path>.report.json}. */
  public String reportPath() {
    if (report.path() != null && !report.path().isBlank()) {
      return report.path();
    }
    return stripTrailingSlash(output.path()) + ".report.json";
  }

  /** The HTML report's path: the report path with {@code .json} replaced by (or else followed by) {@code .html}. */
  public String htmlReportPath() {
    String json = reportPath();
    return (json.endsWith(".json") ? json.substring(0, json.length() - 5) : json) + ".html";
  }

  static String stripTrailingSlash(String p) {
    String s = p;
    while (s.length() > 1 && s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  /**
   * Checks everything that needs no data and no file system and resolves the stages' defaults.
   *
   * @return the stages with parsed activations and resolved column names
   * @throws ConfigException naming the key at fault and the fix
   */
  public List<ResolvedStage> validate() {
    return ConfigValidation.validate(this);
  }

  static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").trim();
  }

  /** The elementwise activation of an activation stage (for reporting saturation). */
  static ElementwiseActivation elementwise(ResolvedStage s) {
    return (ElementwiseActivation) s.activation();
  }
}
