package io.github.sparkactivations.ml.feature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sparkactivations.testing.SparkTestBase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.Params;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad param value fails when it is set, naming the stage, the param, the value and what is allowed,
 * on every path that sets a value: the typed setter, {@code set(param, value)}, {@code ParamMap.put},
 * {@code copy(extra)} and {@code load}.
 */
class StageParamValidationTest extends SparkTestBase {
  private static final String S = "SoftmaxTransformer_test";
  private static final String A = "ActivationTransformer_test";

  private static String message(Executable e) {
    return assertThrows(IllegalArgumentException.class, e).getMessage();
  }

  /** The message of every generic path of setting {@code value}, which must equal {@code expected}. */
  private static <T> void everyPathSays(Params stage, Param<T> param, T value, String expected) {
    assertEquals(expected, message(() -> stage.set(param, value)));
    assertEquals(expected, message(() -> new ParamMap().put(param, value)));
    assertEquals(expected, message(() -> param.w(value)));
  }

  @Test
  void temperatureMustBePositiveAndFinite() {
    SoftmaxTransformer t = new SoftmaxTransformer(S);
    for (double bad : new double[] {0.0, -0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      String expected = S + ": temperature must be > 0 and finite (default 1.0) but was " + bad;
      assertEquals(expected, message(() -> t.setTemperature(bad)));
      everyPathSays(t, t.temperature(), (Object) bad, expected);
    }
    assertEquals(S + ": temperature must be > 0 and finite (default 1.0) but was 0.0",
        message(() -> new SoftmaxTransformer(S).setTemperature(0.0)));
    assertEquals(S + ": temperature must be > 0 and finite (default 1.0) but was NaN",
        message(() -> new SoftmaxTransformer(S).setTemperature(Double.NaN)));
    assertEquals(1.0, t.getTemperature()); // a refused value leaves the param unchanged
    for (double ok : new double[] {Double.MIN_VALUE, 1e-300, 0.5, 2.0, 1e300, Double.MAX_VALUE}) {
      assertEquals(ok, t.setTemperature(ok).getTemperature());
    }
  }

  @Test
  void refusalsAreTypedWithTheStageTheParamTheValueAndTheProblem() {
    InvalidParamException t = assertThrows(InvalidParamException.class,
        () -> new SoftmaxTransformer(S).setTemperature(-2.0));
    assertEquals(List.of(S, "temperature", "-2.0", "must be > 0 and finite (default 1.0) but was -2.0"),
        List.of(t.stageUid(), t.param(), t.value(), t.problem()));
    InvalidParamException h = assertThrows(InvalidParamException.class,
        () -> new ActivationTransformer(A).setHandleInvalid("Skip"));
    assertEquals(List.of(A, "handleInvalid", "Skip"), List.of(h.stageUid(), h.param(), h.value()));
    assertEquals("must be one of error, skip, keep (default error) but was 'Skip'; the values are lower case: use "
        + "'skip'", h.problem());
    InvalidParamException a = assertThrows(InvalidParamException.class,
        () -> new ActivationTransformer(A).setActivation("elu(alpha=.inf)"));
    assertEquals(List.of(A, "activation", "elu(alpha=.inf)"), List.of(a.stageUid(), a.param(), a.value()));
    assertEquals("elu: alpha must be finite but was Infinity", a.problem(), "the core's words, no uid in front");
    assertEquals(A + " parameter activation given invalid value 'elu(alpha=.inf)': " + a.problem() + ". Valid",
        a.getMessage().substring(0, a.getMessage().indexOf("Valid") + 5));
    InvalidParamException u = assertThrows(InvalidParamException.class,
        () -> new ActivationTransformer(A).setActivation("rleu"));
    assertTrue(u.problem().startsWith("unknown activation 'rleu' (did you mean 'relu'?)"), u.problem());
    assertEquals(1, u.getMessage().split("valid names", -1).length - 1, "the names are listed once: " + u.getMessage());
    assertEquals(-1, u.getMessage().indexOf("Valid activations"), u.getMessage());
    InvalidParamException n = assertThrows(InvalidParamException.class,
        () -> new SoftmaxTransformer(S).setInputCols());
    assertEquals(List.of("inputCols", "[]"), List.of(n.param(), n.value()));
    // a combination: each value is fine alone, so the setters take them in either order
    ActivationTransformer d = new ActivationTransformer(A).setDerivative(true).setActivation("softmin");
    InvalidParamException c = assertThrows(InvalidParamException.class, d::validateParams);
    assertEquals(List.of("derivative", "true"), List.of(c.param(), c.value()));
    assertEquals("true is not supported with the row-wise activation 'softmin': every output entry depends on "
        + "every input entry of the row, so its derivative is a Jacobian matrix per row, not one value per entry; "
        + "remove derivative (or set it to false)", c.problem());
    new ActivationTransformer(A).setDerivative(true).setActivation("softplus").validateParams();
  }

  @Test
  void copyWithABadExtraValueNamesTheParam() {
    SoftmaxTransformer t = new SoftmaxTransformer(S);
    assertEquals(S + ": temperature must be > 0 and finite (default 1.0) but was -2.0",
        message(() -> t.copy(new ParamMap().put(t.temperature().w(-2.0)))));
    assertEquals(0.25, t.copy(new ParamMap().put(t.temperature().w(0.25))).getTemperature());
  }

  @Test
  void handleInvalidListsTheAllowedValues() {
    for (ColumnStage<?> t : List.<ColumnStage<?>>of(new SoftmaxTransformer(S), new ActivationTransformer(A))) {
      String uid = t.uid();
      String foo = uid + ": handleInvalid must be one of error, skip, keep (default error) but was 'foo'";
      assertEquals(foo, message(() -> t.setHandleInvalid("foo")));
      everyPathSays(t, t.handleInvalid(), "foo", foo);
      // Spark's convention: the values are case-sensitive; the message says so when only the case is off
      assertEquals(uid + ": handleInvalid must be one of error, skip, keep (default error) but was 'SKIP'; "
          + "the values are lower case: use 'skip'", message(() -> t.setHandleInvalid("SKIP")));
      assertEquals(uid + ": handleInvalid must be one of error, skip, keep (default error) but was 'Keep'; "
          + "the values are lower case: use 'keep'", message(() -> t.setHandleInvalid("Keep")));
      assertEquals(uid + ": handleInvalid must be one of error, skip, keep (default error) but was null",
          message(() -> t.setHandleInvalid(null)));
      assertEquals(uid + ": handleInvalid must be one of error, skip, keep (default error) but was ''",
          message(() -> t.setHandleInvalid("")));
      assertEquals("error", t.getHandleInvalid());
      for (String ok : new String[] {"skip", "keep", "error"}) {
        assertEquals(ok, t.setHandleInvalid(ok).getHandleInvalid());
      }
    }
  }

  @Test
  void emptyColumnListsFailWhenSet() {
    for (ColumnStage<?> t : List.<ColumnStage<?>>of(new SoftmaxTransformer(S), new ActivationTransformer(A))) {
      String uid = t.uid();
      String in = uid + ": inputCols must not be empty; give at least one column name";
      String out = uid + ": outputCols must not be empty; give at least one column name";
      assertEquals(in, message(() -> t.setInputCols(new String[0])));
      assertEquals(in, message(() -> t.setInputCols()));
      assertEquals(out, message(() -> t.setOutputCols(new String[0])));
      everyPathSays(t, t.inputCols(), new String[0], in);
      everyPathSays(t, t.outputCols(), new String[0], out);
      assertEquals(uid + ": inputCols must not be null; give at least one column name",
          message(() -> t.setInputCols((String[]) null)));
      assertEquals(false, t.isSet(t.inputCols()));
      assertArrayEquals(new String[] {"a"}, t.setInputCols("a").getInputCols());
      assertArrayEquals(new String[] {"b"}, t.setOutputCols("b").getOutputCols());
    }
  }

  @Test
  void nullOrBlankColumnNamesFailWhenSet() {
    for (ColumnStage<?> t : List.<ColumnStage<?>>of(new SoftmaxTransformer(S), new ActivationTransformer(A))) {
      String uid = t.uid();
      assertEquals(uid + ": inputCol must be a column name but was null", message(() -> t.setInputCol(null)));
      assertEquals(uid + ": outputCol must be a column name but was ' ' (blank)", message(() -> t.setOutputCol(" ")));
      everyPathSays(t, t.outputCol(), null, uid + ": outputCol must be a column name but was null");
      assertEquals(uid + ": outputCols element 1 must be a column name but was null",
          message(() -> t.setOutputCols("a", null)));
      assertEquals(uid + ": inputCols element 0 must be a column name but was '' (blank)",
          message(() -> t.setInputCols("", "b")));
      assertEquals(false, t.isSet(t.inputCol()));
      assertEquals(uid + "__output", t.getOutputCol(), "a refused value leaves the default");
      InvalidParamException e = assertThrows(InvalidParamException.class, () -> t.setInputCol(""));
      assertEquals(List.of("inputCol", ""), List.of(e.param(), e.value()));
    }
  }

  @Test
  void loadingABadSavedValueFailsWithTheSameMessage(@TempDir Path dir) throws Exception {
    String path = dir.resolve("softmax").toString();
    new SoftmaxTransformer(S).setInputCol("x").setOutputCol("y").setTemperature(2.0).setHandleInvalid("skip")
        .save(path);
    assertEquals(2.0, SoftmaxTransformer.load(path).getTemperature()); // the valid stage round-trips

    Path metadata;
    try (Stream<Path> files = Files.list(Path.of(path, "metadata"))) {
      metadata = files.filter(f -> f.getFileName().toString().startsWith("part-")).findFirst().orElseThrow();
    }
    String json = Files.readString(metadata, StandardCharsets.UTF_8);
    // an edited file no longer matches Hadoop's checksum sidecar: drop it, as a hand edit would
    Files.deleteIfExists(metadata.resolveSibling("." + metadata.getFileName() + ".crc"));
    Files.writeString(metadata, json.replace("\"temperature\":2.0", "\"temperature\":0.0"));
    assertEquals(S + ": temperature must be > 0 and finite (default 1.0) but was 0.0",
        message(() -> SoftmaxTransformer.load(path)));

    Files.writeString(metadata, json.replace("\"handleInvalid\":\"skip\"", "\"handleInvalid\":\"Skip\""));
    assertEquals(S + ": handleInvalid must be one of error, skip, keep (default error) but was 'Skip'; "
        + "the values are lower case: use 'skip'", message(() -> SoftmaxTransformer.load(path)));
  }
}
