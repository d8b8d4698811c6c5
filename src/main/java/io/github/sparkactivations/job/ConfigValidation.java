package io.github.sparkactivations.job;

import io.github.sparkactivations.activation.Activation;
import io.github.sparkactivations.activation.Activations;
import io.github.sparkactivations.internal.HandleInvalid;
import io.github.sparkactivations.job.JobConfig.ActivationStage;
import io.github.sparkactivations.job.JobConfig.FeaturesSection;
import io.github.sparkactivations.job.JobConfig.InputSection;
import io.github.sparkactivations.job.JobConfig.ModelSection;
import io.github.sparkactivations.job.JobConfig.OutputSection;
import io.github.sparkactivations.job.JobConfig.ReportSection;
import io.github.sparkactivations.job.JobConfig.ResolvedStage;
import io.github.sparkactivations.job.JobConfig.SoftmaxStage;
import io.github.sparkactivations.job.JobConfig.SparkSection;
import io.github.sparkactivations.job.JobConfig.StageConfig;
import io.github.sparkactivations.ml.feature.ActivationTransformer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.ml.Transformer;

/**
 * {@link JobConfig#validate()}: every check that needs no data and no file system, each failure a
 * {@link ConfigException} under the key at fault, and the stages with their defaults resolved.
 */
final class ConfigValidation {

  private ConfigValidation() {}

  static List<ResolvedStage> validate(JobConfig config) {
    InputSection input = config.input();
    FeaturesSection features = config.features();
    List<StageConfig> stages = config.stages();
    OutputSection output = config.output();
    ReportSection report = config.report();
    ModelSection model = config.model();
    SparkSection spark = config.spark();
    // input
    if (input == null) {
      throw new ConfigException("input", "missing section (set input.path and input.format)");
    }
    requireNonBlank("input.path", input.path());
    requireOneOf("input.format", input.format(), JobConfig.INPUT_FORMATS);

    // features
    if (features == null) {
      throw new ConfigException(
          "features", "missing section (set one of features.columns, features.exclude, features.vectorColumn)");
    }
    int given = (features.columns() != null ? 1 : 0)
        + (features.exclude() != null ? 1 : 0)
        + (features.vectorColumn() != null ? 1 : 0);
    if (given != 1) {
      throw new ConfigException(
          "features",
          (given == 0 ? "none" : "more than one") + " of columns, exclude, vectorColumn is set; set exactly one "
              + "(columns: [a, b] lists numeric columns, exclude: [label] takes every other numeric column, "
              + "vectorColumn: features uses an existing vector column)");
    }
    if (features.columns() != null) {
      if (features.columns().isEmpty()) {
        throw new ConfigException("features.columns", "is empty; list at least one numeric column");
      }
      requireNoBlankOrDuplicate("features.columns", features.columns());
    }
    if (features.exclude() != null) {
      requireNoBlankOrDuplicate("features.exclude", features.exclude());
    }
    if (features.vectorColumn() != null) {
      requireNonBlank("features.vectorColumn", features.vectorColumn());
    }
    if (features.outputCol() != null) {
      requireNonBlank("features.outputCol", features.outputCol());
    }
    requireHandleInvalid("features.handleInvalid", features.handleInvalid());
    if (features.standardize() && features.handleInvalid().equals("keep")) {
      // StandardScaler sums every row: one NaN kept in a column makes its mean and std NaN, and then
      // every row of that feature NaN, silently
      throw new ConfigException(
          "features.handleInvalid",
          "keep cannot be combined with features.standardize: true (one NaN kept in a column makes the "
              + "StandardScaler's mean and std NaN, so that feature becomes NaN in every row); set "
              + "features.handleInvalid to skip (drop rows with a null or NaN feature) or features.standardize to false");
    }

    // stages
    if (stages.isEmpty()) {
      throw new ConfigException(
          "stages", "is empty; add at least one stage, e.g. - { activation: relu, outputCol: act }");
    }
    List<ResolvedStage> resolved = new ArrayList<>();
    String previous = features.outputColOrDefault();
    Set<String> produced = new HashSet<>();
    produced.add(previous);
    for (int i = 0; i < stages.size(); i++) {
      StageConfig sc = stages.get(i);
      String key = "stages[" + i + "]";
      if (sc == null) {
        throw new ConfigException(key, "is empty; give at least activation: <spec> or type: softmax");
      }
      // the stage's own setters check every value (Stages names the config key of a refused one)
      Transformer stage;
      Activation activation;
      String defaultOut;
      if (sc instanceof ActivationStage a) {
        requireNonBlank(key + ".activation", a.activation());
        ActivationTransformer t = Stages.activation(key, a);
        stage = t;
        activation = t.getActivationFunction();
        defaultOut = activation.name() + (a.derivative() ? "_derivative" : "");
      } else {
        SoftmaxStage s = (SoftmaxStage) sc;
        stage = Stages.softmax(key, s);
        activation = Activations.parse(s.functionName());
        defaultOut = s.functionName();
      }
      String in = sc.inputCol() == null ? previous : sc.inputCol();
      String out = sc.outputCol() == null ? defaultOut : sc.outputCol();
      requireNonBlank(key + ".inputCol", in);
      requireNonBlank(key + ".outputCol", out);
      if (!produced.add(out)) {
        throw new ConfigException(
            key + ".outputCol",
            "'" + out + "' is already produced by an earlier stage or the features; give this stage its own outputCol");
      }
      resolved.add(new ResolvedStage(i, sc, activation, in, out, Stages.withColumns(key, stage, in, out)));
      previous = out;
    }

    // output
    if (output == null) {
      throw new ConfigException("output", "missing section (set output.path)");
    }
    requireNonBlank("output.path", output.path());
    requireOneOf("output.format", output.format(), JobConfig.OUTPUT_FORMATS);
    requireOneOf("output.mode", output.mode(), JobConfig.OUTPUT_MODES);
    requireNoBlankOrDuplicate("output.keep", output.keep());
    for (String k : output.keep()) {
      for (ResolvedStage r : resolved) {
        if (r.outputCol().equals(k)) {
          throw new ConfigException(
              r.key() + ".outputCol", "'" + k + "' is also listed in output.keep, and a stage output cannot replace a "
                  + "kept input column; choose another " + r.key() + ".outputCol (or, if '" + k + "' is not an input "
                  + "column, remove it from output.keep: stage outputs are always written)");
        }
      }
    }
    String outPath = JobConfig.stripTrailingSlash(output.path());
    if (outPath.equals(JobConfig.stripTrailingSlash(input.path()))) {
      throw new ConfigException("output.path", output.path() + " is the input path (input.path " + input.path()
          + "); write the output somewhere else");
    }
    if (report.path() != null) {
      requireNonBlank("report.path", report.path());
    }
    if (JobConfig.stripTrailingSlash(config.reportPath()).equals(outPath)) {
      throw new ConfigException("report.path", report.path() + " is the output path (output.path " + output.path()
          + "); give the report its own file");
    }
    if (model.path() != null) {
      requireNonBlank("model.path", model.path());
      String mp = JobConfig.stripTrailingSlash(model.path());
      if (mp.equals(outPath)) {
        throw new ConfigException("model.path", model.path() + " is the output path (output.path " + output.path()
            + "); give the model its own directory");
      }
      if (mp.equals(JobConfig.stripTrailingSlash(config.reportPath()))) {
        throw new ConfigException("model.path", model.path() + " is the report path (report.path " + config.reportPath()
            + "); give the model its own directory");
      }
    }
    for (Map.Entry<String, String> e : spark.conf().entrySet()) {
      if (e.getKey() == null || !e.getKey().startsWith("spark.")) {
        throw new ConfigException(
            "spark.conf", "key '" + e.getKey() + "' is not a Spark setting (Spark settings start with 'spark.')");
      }
    }
    return List.copyOf(resolved);
  }

  /** The one rule of the stages' param ({@link HandleInvalid#problem}): lower case, exactly. */
  private static void requireHandleInvalid(String key, String value) {
    String problem = HandleInvalid.problem(value);
    if (problem != null) {
      throw new ConfigException(key, problem);
    }
  }

  private static void requireNonBlank(String key, String value) {
    if (value == null || value.isBlank()) {
      throw new ConfigException(key, "is missing or empty");
    }
  }

  private static void requireOneOf(String key, String value, List<String> allowed) {
    if (value == null || !allowed.contains(value)) {
      throw new ConfigException(
          key, "'" + value + "' is not supported (allowed: " + String.join(", ", allowed) + ")");
    }
  }

  private static void requireNoBlankOrDuplicate(String key, List<String> names) {
    Set<String> seen = new HashSet<>();
    for (String n : names) {
      if (n == null || n.isBlank()) {
        throw new ConfigException(key, "contains an empty column name");
      }
      if (!seen.add(n)) {
        throw new ConfigException(key, "lists '" + n + "' twice");
      }
    }
  }
}
