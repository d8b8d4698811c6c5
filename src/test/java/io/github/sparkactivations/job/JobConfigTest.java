package io.github.sparkactivations.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sparkactivations.job.JobConfig.ActivationStage;
import io.github.sparkactivations.job.JobConfig.ResolvedStage;
import io.github.sparkactivations.job.JobConfig.SoftmaxStage;
import io.github.sparkactivations.ml.feature.ActivationTransformer;
import io.github.sparkactivations.ml.feature.SoftmaxTransformer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Binding, {@code --set} overrides and {@link JobConfig#validate()}: no Spark involved. */
class JobConfigTest {

  private static final String BASE = String.join("\n",
      "input: { path: sample-data/digits.csv, format: csv }",
      "features: { exclude: [digit], standardize: true, outputCol: pixels }",
      "stages:",
      "  - { activation: 'leaky_relu(alpha=0.01)', outputCol: act }",
      "  - { type: softmax, outputCol: probs, temperature: 2.0 }",
      "output: { path: target/out/x, format: parquet, mode: error, keep: [digit] }",
      "");

  private static JobConfig parse(String yaml, String... sets) {
    return ConfigLoader.parse(yaml, "x.yaml", List.of(sets));
  }

  private static ConfigException configError(String yaml, String... sets) {
    return assertThrows(ConfigException.class, () -> parse(yaml, sets).validate());
  }

  @Test
  void bindsSectionsAndResolvesStageDefaults() {
    JobConfig c = parse(BASE);
    assertEquals("csv", c.input().format());
    assertEquals(List.of("digit"), c.features().exclude());
    assertTrue(c.features().standardize());
    assertEquals("target/out/x.report.json", c.reportPath());
    assertNull(c.model().path());
    List<ResolvedStage> stages = c.validate();
    assertEquals(2, stages.size());
    ResolvedStage first = stages.get(0);
    assertInstanceOf(ActivationStage.class, first.config());
    assertEquals("leaky_relu(alpha=0.01)", first.activation().spec());
    assertEquals("pixels", first.inputCol(), "the first stage reads the feature vector");
    ResolvedStage second = stages.get(1);
    assertInstanceOf(SoftmaxStage.class, second.config());
    assertEquals("act", second.inputCol(), "later stages read the previous stage's output");
    assertEquals(2.0, ((SoftmaxStage) second.config()).temperature());
    // validating built the stages the job runs, every value set through the stage's own setter
    ActivationTransformer built = (ActivationTransformer) first.stage();
    assertEquals(List.of("leaky_relu(alpha=0.01)", "pixels", "act"),
        List.of(built.getActivation(), built.getInputCol(), built.getOutputCol()));
    SoftmaxTransformer softmax = (SoftmaxTransformer) second.stage();
    assertEquals(2.0, softmax.getTemperature());
    assertEquals("act", softmax.getInputCol());
  }

  @Test
  void unknownKeyNamesTheKeyAndTheAllowedKeys() {
    ConfigException e = assertThrows(ConfigException.class, () -> parse(BASE.replace("mode: error", "mod: error")));
    assertEquals("x.yaml: output.mod: unknown key (allowed: path, format, mode, keep, options)", e.oneLine());
  }

  @Test
  void unknownStageKeyListsTheKeysOfThatStageType() {
    ConfigException e = assertThrows(ConfigException.class, () -> parse(BASE.replace("temperature: 2.0", "temprature: 2.0")));
    assertEquals(
        "x.yaml: stages[1].temprature: unknown key (allowed: type, temperature, logSoftmax, inputCol, outputCol, handleInvalid)",
        e.oneLine());
    ConfigException a = assertThrows(ConfigException.class, () -> parse(BASE.replace("outputCol: act", "alpha: 0.1")));
    assertEquals(
        "x.yaml: stages[0].alpha: unknown key (allowed: type, activation, derivative, inputCol, outputCol, handleInvalid)",
        a.oneLine());
  }

  @Test
  void unknownStageTypeListsTheTypes() {
    ConfigException e = assertThrows(ConfigException.class, () -> parse(BASE.replace("type: softmax", "type: sofmax")));
    assertEquals("x.yaml: stages[1].type: unknown stage type 'sofmax' (allowed: activation, softmax)", e.oneLine());
  }

  @Test
  void wrongValueTypeNamesTheKey() {
    ConfigException e = assertThrows(ConfigException.class, () -> parse(BASE.replace("temperature: 2.0", "temperature: hot")));
    assertEquals("x.yaml: stages[1].temperature: 'hot' is not a number", e.oneLine());
    ConfigException l = assertThrows(ConfigException.class, () -> parse(BASE.replace("keep: [digit]", "keep: { a: 1 }")));
    assertTrue(l.oneLine().startsWith("x.yaml: output.keep: expected a list"), l.oneLine());
  }

  @Test
  void invalidYamlAndDuplicateKeysAreReportedWithTheirLine() {
    ConfigException e = assertThrows(ConfigException.class, () -> parse("input: [unclosed\n"));
    assertTrue(e.oneLine().startsWith("x.yaml: not valid YAML: line "), e.oneLine());
    ConfigException d = assertThrows(ConfigException.class, () -> parse(BASE + "output: { path: y }\n"));
    assertTrue(d.oneLine().contains("output"), d.oneLine());
  }

  @Test
  void setOverridesScalarsListsMapsAndListElements() {
    JobConfig c = parse(BASE,
        "output.mode=overwrite",
        "stages[0].activation=elu(alpha=0.5)",
        "stages.1.temperature=0.5",
        "features.exclude=[digit, pixel_0_0]",
        "spark.conf.spark.sql.shuffle.partitions=8",
        "spark.master=local[2]",
        "input.options.inferSchema=false",
        "stages[2]={activation: tanh, outputCol: t}");
    assertEquals("overwrite", c.output().mode());
    assertEquals("elu(alpha=0.5)", ((ActivationStage) c.stages().get(0)).activation());
    assertEquals(0.5, ((SoftmaxStage) c.stages().get(1)).temperature());
    assertEquals(List.of("digit", "pixel_0_0"), c.features().exclude());
    assertEquals(Map.of("spark.sql.shuffle.partitions", "8"), c.spark().conf());
    assertEquals("local[2]", c.spark().master());
    assertEquals("false", c.input().options().get("inferSchema"));
    assertEquals(3, c.validate().size());
    assertEquals("t", c.validate().get(2).outputCol());
  }

  @Test
  void setOfAnUnknownKeySaysItCameFromSet() {
    ConfigException e = assertThrows(ConfigException.class, () -> parse(BASE, "output.mod=overwrite"));
    assertEquals(
        "x.yaml (--set output.mod): output.mod: unknown key (allowed: path, format, mode, keep, options)", e.oneLine());
    ConfigException bad = assertThrows(ConfigException.class, () -> parse(BASE, "output.mode"));
    assertTrue(bad.oneLine().contains("is not key=value"), bad.oneLine());
    ConfigException range = assertThrows(ConfigException.class, () -> parse(BASE, "stages[5].activation=relu"));
    assertTrue(range.oneLine().contains("out of range"), range.oneLine());
  }

  @Test
  void validateRejectsUnknownActivationNamingTheStage() {
    ConfigException e = configError(BASE.replace("'leaky_relu(alpha=0.01)'", "relux"));
    assertEquals("stages[0].activation", e.key());
    assertTrue(e.getMessage().contains("relux"), e.getMessage());
  }

  @Test
  void rowwiseFunctionsAreActivationStagesButNotWithDerivative() {
    for (String name : List.of("softmax", "log_softmax", "softmin", "hardmax")) {
      List<ResolvedStage> stages = parse(BASE, "stages[0].activation=" + name.toUpperCase(java.util.Locale.ROOT),
          "stages[0].outputCol=null").validate();
      assertEquals(name, stages.get(0).activation().name());
      assertEquals(name, stages.get(0).outputCol(), "default output column: the function's name");
      assertEquals(name, stages.get(0).describe());
    }
    ConfigException e = configError(BASE, "stages[0].activation=softmin", "stages[0].derivative=true");
    assertEquals("stages[0].derivative", e.key());
    assertTrue(e.getMessage().contains("row-wise activation 'softmin'") && e.getMessage().contains("Jacobian"),
        e.getMessage());
  }

  @Test
  void validateChecksFormatsModesFeaturesAndTemperature() {
    assertEquals("input.format", configError(BASE, "input.format=xls").key());
    assertEquals("output.format", configError(BASE, "output.format=libsvm").key());
    ConfigException mode = configError(BASE, "output.mode=append");
    assertEquals("output.mode", mode.key());
    assertEquals("'append' is not supported (allowed: error, overwrite)", mode.getMessage());
    assertEquals("features", configError(BASE, "features.columns=[a]").key());
    assertEquals("features.columns", configError(BASE, "features.exclude=null", "features.columns=[]").key());
    assertEquals("stages[1].temperature", configError(BASE, "stages[1].temperature=0").key());
    assertEquals("stages[1].handleInvalid", configError(BASE, "stages[1].handleInvalid=ignore").key());
    // one spelling rule with the stages' param: exactly lower case, and another case is told the value to use
    ConfigException upper = configError(BASE, "features.handleInvalid=SKIP");
    assertEquals("features.handleInvalid", upper.key());
    assertEquals("must be one of error, skip, keep (default error) but was 'SKIP'; the values are lower case: "
        + "use 'skip'", upper.getMessage());
    assertEquals("stages[0].handleInvalid", configError(BASE, "stages[0].handleInvalid=Keep").key());
    ConfigException temperature = configError(BASE, "stages[1].temperature=-2");
    assertEquals("must be > 0 and finite (default 1.0) but was -2.0", temperature.getMessage());
    assertEquals("stages[1].outputCol", configError(BASE, "stages[1].outputCol=act").key());
    assertEquals("output.path", configError(BASE, "output.path=sample-data/digits.csv").key());
    assertEquals("stages", configError(BASE, "stages=[]").key());
    assertEquals("stages[0].outputCol", configError(BASE, "output.keep=[digit, act]").key());
  }

  @Test
  void defaultOutputColumnsComeFromTheFunctionNames() {
    JobConfig c = parse(String.join("\n",
        "input: { path: in.csv }",
        "features: { columns: [a, b] }",
        "stages: [ { activation: tanh }, { activation: tanh, derivative: true, inputCol: features }, { type: softmax } ]",
        "output: { path: out }"));
    List<ResolvedStage> s = c.validate();
    assertEquals(List.of("tanh", "tanh_derivative", "softmax"), s.stream().map(ResolvedStage::outputCol).toList());
    assertEquals(List.of("features", "features", "tanh_derivative"), s.stream().map(ResolvedStage::inputCol).toList());
    assertEquals("parquet", c.output().format());
    assertEquals("error", c.output().mode());
  }

  @Test
  void missingConfigFileIsAConfigError() {
    ConfigException e = assertThrows(
        ConfigException.class, () -> ConfigLoader.load(Path.of("conf/does-not-exist.yaml"), List.of()));
    assertEquals("config file conf/does-not-exist.yaml does not exist", e.oneLine());
  }

  @Test
  void shippedConfigsBindAndValidate() {
    for (String name : List.of("digits", "breast_cancer", "wine", "iris")) {
      JobConfig c = ConfigLoader.load(Path.of("conf", name + ".yaml"), List.of());
      List<ResolvedStage> stages = c.validate();
      assertTrue(c.output().path().startsWith("target/"), name + ": output goes under target/");
      assertEquals("overwrite", c.output().mode(), name + ": a second run must not fail");
      assertTrue(!stages.isEmpty(), name);
    }
  }
}
