package io.github.sparkactivations.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The registry: names, aliases, the spec grammar, the spec()/parse round trip and every error class. */
class ActivationsTest {

  /** The canonical names (docs/activations.md#the-functions), typed in independently of the registry. */
  private static final List<String> ELEMENTWISE = List.of(
      "binary_step", "bipolar_step", "sigmoid", "bipolar_sigmoid", "tanh", "relu", "leaky_relu", "prelu",
      "elu", "selu", "celu", "hard_sigmoid", "hard_sigmoid_pytorch", "hard_swish", "gelu", "mish", "swish",
      "silu", "softplus", "softsign", "thresholded_relu", "relu6", "hardtanh", "log_sigmoid", "tanhshrink",
      "softshrink", "hardshrink", "shrink");
  private static final List<String> ROWWISE = List.of("softmax", "log_softmax", "softmin", "hardmax");

  /** Canonical spec of each name with its defaults, typed in independently of the registry. */
  private static Stream<Arguments> defaultSpecs() {
    return Stream.of(
        Arguments.of("binary_step", "binary_step(threshold=0.0)"),
        Arguments.of("bipolar_step", "bipolar_step(threshold=0.0)"),
        Arguments.of("sigmoid", "sigmoid(lambda=1.0)"),
        Arguments.of("bipolar_sigmoid", "bipolar_sigmoid(lambda=1.0)"),
        Arguments.of("tanh", "tanh"),
        Arguments.of("relu", "relu"),
        Arguments.of("leaky_relu", "leaky_relu(alpha=0.01)"),
        Arguments.of("prelu", "prelu(slope=0.25)"),
        Arguments.of("elu", "elu(alpha=1.0)"),
        Arguments.of("selu", "selu(alpha=1.6732632423543772, gamma=1.0507009873554805)"),
        Arguments.of("celu", "celu(alpha=1.0)"),
        Arguments.of("hard_sigmoid", "hard_sigmoid(alpha=0.2, beta=0.5)"),
        Arguments.of("hard_sigmoid_pytorch", "hard_sigmoid_pytorch"),
        Arguments.of("hard_swish", "hard_swish"),
        Arguments.of("gelu", "gelu(approximate=none)"),
        Arguments.of("mish", "mish"),
        Arguments.of("swish", "swish(alpha=1.0)"),
        Arguments.of("silu", "silu"),
        Arguments.of("softplus", "softplus(beta=1.0)"),
        Arguments.of("softsign", "softsign"),
        Arguments.of("thresholded_relu", "thresholded_relu(alpha=1.0)"),
        Arguments.of("relu6", "relu6"),
        Arguments.of("hardtanh", "hardtanh(min=-1.0, max=1.0)"),
        Arguments.of("log_sigmoid", "log_sigmoid"),
        Arguments.of("tanhshrink", "tanhshrink"),
        Arguments.of("softshrink", "softshrink(lambd=0.5)"),
        Arguments.of("hardshrink", "hardshrink(lambd=0.5)"),
        Arguments.of("shrink", "shrink(lambd=0.5, bias=0.0)"),
        Arguments.of("softmax", "softmax"),
        Arguments.of("log_softmax", "log_softmax"),
        Arguments.of("softmin", "softmin"),
        Arguments.of("hardmax", "hardmax"));
  }

  /** Non-default parameters: the input spec and the canonical spec it must print. */
  private static Stream<Arguments> nonDefaultSpecs() {
    return Stream.of(
        Arguments.of("binary_step(threshold=0.5)", "binary_step(threshold=0.5)"),
        Arguments.of("binary_step(threshold=-0.0)", "binary_step(threshold=-0.0)"),
        Arguments.of("bipolar_step(threshold=-2)", "bipolar_step(threshold=-2.0)"),
        Arguments.of("sigmoid(lambda=2)", "sigmoid(lambda=2.0)"),
        Arguments.of("bipolar_sigmoid(lambda=0.5)", "bipolar_sigmoid(lambda=0.5)"),
        Arguments.of("leaky_relu(alpha=0.2)", "leaky_relu(alpha=0.2)"),
        Arguments.of("leaky_relu(alpha=0)", "leaky_relu(alpha=0.0)"),
        Arguments.of("prelu(slope=-0.5)", "prelu(slope=-0.5)"),
        Arguments.of("elu(alpha=0.5)", "elu(alpha=0.5)"),
        Arguments.of("selu(gamma=1.0507010221481323)", "selu(alpha=1.6732632423543772, gamma=1.0507010221481323)"),
        Arguments.of("selu(alpha=1.6732631921768188, gamma=1.0507010221481323)",
            "selu(alpha=1.6732631921768188, gamma=1.0507010221481323)"),
        Arguments.of("celu(alpha=0.3)", "celu(alpha=0.3)"),
        Arguments.of("hard_sigmoid(beta=0.25, alpha=0.125)", "hard_sigmoid(alpha=0.125, beta=0.25)"),
        Arguments.of("gelu(approximate=tanh)", "gelu(approximate=tanh)"),
        Arguments.of("swish(alpha=1.702)", "swish(alpha=1.702)"),
        Arguments.of("softplus(beta=1e-3)", "softplus(beta=0.001)"),
        Arguments.of("thresholded_relu(alpha=-1.5)", "thresholded_relu(alpha=-1.5)"),
        Arguments.of("hardtanh(max=6, min=0)", "hardtanh(min=0.0, max=6.0)"),
        Arguments.of("softshrink(lambd=0)", "softshrink(lambd=0.0)"),
        Arguments.of("hardshrink(lambd=2.5)", "hardshrink(lambd=2.5)"),
        Arguments.of("shrink(bias=0.5)", "shrink(lambd=0.5, bias=0.5)"),
        Arguments.of("shrink(lambd=1.25, bias=-3)", "shrink(lambd=1.25, bias=-3.0)"));
  }

  @Test
  void namesListEveryActivationInTableOrder() {
    List<String> all = new ArrayList<>(ELEMENTWISE);
    all.addAll(ROWWISE);
    assertEquals(all, Activations.names());
    assertEquals(ELEMENTWISE, Activations.elementwiseNames());
    assertEquals(ROWWISE, Activations.rowwiseNames());
  }

  @Test
  void nameListsAreUnmodifiable() {
    assertThrows(UnsupportedOperationException.class, () -> Activations.names().add("x"));
    assertThrows(UnsupportedOperationException.class, () -> Activations.aliases().put("x", "relu"));
  }

  @ParameterizedTest
  @MethodSource("defaultSpecs")
  void bareNameParsesWithDefaultsAndPrintsCanonicalSpec(String name, String expectedSpec) {
    Activation a = Activations.parse(name);
    assertEquals(name, a.name());
    assertEquals(expectedSpec, a.spec());
    assertEquals(expectedSpec, a.toString());
    assertEquals(a, Activations.parse(a.spec()));
    assertEquals(a, Activations.parse(name + "()"));
    if (ROWWISE.contains(name)) {
      assertInstanceOf(RowwiseActivation.class, a);
      assertEquals(a, Activations.parseRowwise(name));
    } else {
      assertInstanceOf(ElementwiseActivation.class, a);
      assertEquals(a, Activations.parseElementwise(name));
    }
  }

  @ParameterizedTest
  @MethodSource("nonDefaultSpecs")
  void nonDefaultParametersRoundTrip(String input, String expectedSpec) {
    Activation a = Activations.parse(input);
    assertEquals(expectedSpec, a.spec());
    Activation back = Activations.parse(a.spec());
    assertEquals(a, back);
    assertEquals(a.params(), back.params());
    assertTrue(!a.equals(Activations.parse(a.name())) || input.contains("gamma=1.0507009873554805"),
        "non-default parameters must give an object different from the default one: " + input);
  }

  @Test
  void negativeZeroThresholdKeepsItsSignThroughTheRoundTrip() {
    BinaryStep s = (BinaryStep) Activations.parse("binary_step(threshold=-0.0)");
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(s.threshold()));
    assertEquals(s, Activations.parse(s.spec()));
  }

  @Test
  void paramsAreOrderedWithDefaultsIncluded() {
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("lambd", 0.5);
    expected.put("bias", 2.0);
    Map<String, Object> params = Activations.parse("shrink(bias=2)").params();
    assertEquals(expected, params);
    assertEquals(List.of("lambd", "bias"), new ArrayList<>(params.keySet()));
    assertEquals(Map.of("approximate", "tanh"), Activations.parse("gelu(approximate=tanh)").params());
    assertEquals(Map.of(), Activations.parse("relu").params());
    assertThrows(UnsupportedOperationException.class, () -> params.put("lambd", 1.0));
  }

  @Test
  void parsedObjectsCarryTheParsedValues() {
    assertEquals(new LeakyRelu(0.2), Activations.parse("leaky_relu(alpha=0.2)"));
    assertEquals(new Elu(0.5), Activations.parse("elu(alpha=0.5)"));
    assertEquals(new Hardtanh(0.0, 6.0), Activations.parse("hardtanh(min=0, max=6)"));
    assertEquals(new Gelu(Gelu.Approximate.TANH), Activations.parse("gelu(approximate=tanh)"));
    assertEquals(new Selu(Selu.DEFAULT_ALPHA, Selu.DEFAULT_GAMMA), Activations.parse("selu"));
    assertEquals(1.6732632423543772, Selu.DEFAULT_ALPHA);
    assertEquals(1.0507009873554805, Selu.DEFAULT_GAMMA);
  }

  @Test
  void aliasesMapToCanonicalNames() {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("binary_sigmoid", "sigmoid");
    expected.put("logistic", "sigmoid");
    expected.put("heaviside", "binary_step");
    expected.put("step", "binary_step");
    expected.put("leakyrelu", "leaky_relu");
    expected.put("hardswish", "hard_swish");
    expected.put("hardsigmoid", "hard_sigmoid");
    expected.put("logsigmoid", "log_sigmoid");
    expected.put("logsoftmax", "log_softmax");
    expected.put("hard_tanh", "hardtanh");
    expected.put("soft_sign", "softsign");
    assertEquals(expected, Activations.aliases());
    for (Map.Entry<String, String> e : expected.entrySet()) {
      Activation a = Activations.parse(e.getKey());
      assertEquals(e.getValue(), a.name(), e.getKey());
      assertEquals(Activations.parse(e.getValue()), a, e.getKey());
    }
    assertEquals(new LeakyRelu(0.3), Activations.parse("LeakyReLU(alpha=0.3)"));
    assertEquals(new Sigmoid(2.0), Activations.parse("binary_sigmoid(lambda=2)"));
  }

  @Test
  void swish1IsNotAnAlias() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Activations.parse("swish1"));
    assertTrue(e.getMessage().contains("unknown activation 'swish1'"), e.getMessage());
  }

  @Test
  void namesKeysAndValuesAreCaseInsensitiveAndSpacesAreAllowed() {
    assertEquals(new LeakyRelu(0.2), Activations.parse("  LeAkY_ReLu ( ALPHA = 0.2 )  "));
    assertEquals(new Gelu(Gelu.Approximate.TANH), Activations.parse("GELU(Approximate=TANH)"));
    assertEquals(new Hardtanh(-2, 2), Activations.parse("HardTanh(\tMIN=-2 ,MAX= 2\n)"));
    assertEquals(new Softmax(), Activations.parse(" SoftMax "));
    assertEquals(new Relu(), Activations.parse("relu ( )"));
    assertEquals(new Gelu(Gelu.Approximate.TANH), Activations.parse("gelu(approximate='tanh')"));
    assertEquals(new Gelu(Gelu.Approximate.NONE), Activations.parse("gelu(approximate=\"None\")"));
  }

  @Test
  void parsingDoesNotDependOnTheDefaultLocale() {
    java.util.Locale saved = java.util.Locale.getDefault();
    try {
      java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR"));
      assertEquals(new Sigmoid(1.0), Activations.parse("SIGMOID"));
      assertEquals(new Relu6(), Activations.parse("RELU6"));
      assertEquals(new Softplus(2.0), Activations.parse("SOFTPLUS(BETA=2)"));
    } finally {
      java.util.Locale.setDefault(saved);
    }
  }

  @Test
  void numbersAreJavaDoubleLiterals() {
    assertEquals(new Elu(0.001), Activations.parse("elu(alpha=1e-3)"));
    assertEquals(new Elu(0.5), Activations.parse("elu(alpha=+.5)"));
    assertEquals(new Elu(0.5), Activations.parse("elu(alpha=0x1p-1)"));
    assertEquals(new Elu(2.0), Activations.parse("elu(alpha=2d)"));
    assertEquals(new Elu(-3.0), Activations.parse("elu(alpha=-3.)"));
  }

  // ------------------------------------------------------------------ errors

  private static String error(String spec) {
    return assertThrows(IllegalArgumentException.class, () -> Activations.parse(spec)).getMessage();
  }

  private static void assertContains(String message, String... parts) {
    for (String p : parts) {
      assertTrue(message.contains(p), () -> "expected '" + p + "' in: " + message);
    }
  }

  @Test
  void unknownNameListsEveryValidNameAndSuggestsTheClosest() {
    String m = error("rleu");
    assertContains(m, "unknown activation 'rleu'", "did you mean 'relu'", "valid names:", "logistic -> sigmoid");
    for (String name : Activations.names()) {
      assertContains(m, name);
    }
    assertContains(error("leaky_rellu(alpha=1)"), "did you mean 'leaky_relu'");
    assertContains(error("logistc"), "did you mean 'sigmoid'");
    assertTrue(!error("zzzzzzzzzz").contains("did you mean"));
    // typed, so a caller does not read the message to tell an unknown name from a bad parameter
    UnknownActivationException u =
        assertThrows(UnknownActivationException.class, () -> Activations.parse("logistc(lambda=2)"));
    assertEquals("logistc", u.name());
    assertEquals("sigmoid", u.suggestion());
    assertEquals(null, assertThrows(UnknownActivationException.class, () -> Activations.parse("zzzzzzzzzz"))
        .suggestion());
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> Activations.parse("elu(alpha=x)"));
    assertFalse(bad instanceof UnknownActivationException, bad.getMessage());
  }

  @Test
  void unknownKeyListsTheAllowedKeys() {
    assertContains(error("elu(beta=1)"), "elu: unknown parameter 'beta'", "allowed: alpha");
    assertContains(error("hardtanh(lo=1)"), "hardtanh: unknown parameter 'lo'",
        "allowed: min (or min_val), max (or max_val)");
    assertContains(error("relu(alpha=0.1)"), "relu: unknown parameter 'alpha'", "relu takes no parameters");
    assertContains(error("softmax(axis=1)"), "softmax: unknown parameter 'axis'", "softmax takes no parameters");
  }

  @Test
  void repeatedKeyIsRejected() {
    assertContains(error("elu(alpha=1, ALPHA=2)"), "elu: parameter 'alpha' is given twice");
    assertContains(error("hardtanh(min=-2, min_val=-3)"), "hardtanh: parameter 'min' (as 'min_val') is given twice");
  }

  /** PyTorch's keyword names (torch.nn docs) are accepted for the same parameter; the spec keeps ours. */
  @Test
  void pytorchKeywordNamesAreAliasesOfTheParameters() {
    assertEquals(new Hardtanh(-2, 3), Activations.parse("hardtanh(min_val=-2, max_val=3)"));
    assertEquals("hardtanh(min=-2.0, max=3.0)", Activations.parse("hardtanh(min_val=-2, max_val=3)").spec());
    assertEquals(new Hardtanh(-2, 1), Activations.parse("hardtanh(MIN_VAL=-2)"));
    assertEquals(new LeakyRelu(0.2), Activations.parse("leaky_relu(negative_slope=0.2)"));
    assertEquals("leaky_relu(alpha=0.2)", Activations.parse("leaky_relu(negative_slope=0.2)").spec());
    assertEquals(new Prelu(0.3), Activations.parse("prelu(init=0.3)"));
    assertEquals(new ThresholdedRelu(0.7), Activations.parse("thresholded_relu(threshold=0.7)"));
    // names PyTorch shares with ours stay as they are
    assertEquals(new Elu(0.5), Activations.parse("elu(alpha=0.5)"));
    assertEquals(new Celu(2.0), Activations.parse("celu(alpha=2)"));
    assertEquals(new Softplus(2.0), Activations.parse("softplus(beta=2)"));
    assertEquals(new Softshrink(0.25), Activations.parse("softshrink(lambd=0.25)"));
    assertEquals(new Hardshrink(0.25), Activations.parse("hardshrink(lambd=0.25)"));
    // an alias's value is range-checked under the parameter's own name
    assertEquals("hardtanh: min must be < max but min was 3.0 and max was 1.0", error("hardtanh(min_val=3)"));
    // PyTorch's softplus threshold has no counterpart: the refusal says why
    assertContains(error("softplus(beta=1, threshold=20)"), "softplus: unknown parameter 'threshold'",
        "numerical stability", "remove threshold", "allowed: beta");
  }

  /** YAML's and Python's spellings of infinity and NaN are numbers, refused by the range check. */
  @Test
  void nonFiniteSpellingsReachTheRangeCheck() {
    assertEquals("elu: alpha must be finite but was Infinity", error("elu(alpha=.inf)"));
    assertEquals("elu: alpha must be finite but was -Infinity", error("elu(alpha=-.Inf)"));
    assertEquals("elu: alpha must be finite but was Infinity", error("elu(alpha=inf)"));
    assertEquals("elu: alpha must be finite but was -Infinity", error("elu(alpha=-inf)"));
    assertEquals("elu: alpha must be finite but was NaN", error("elu(alpha=.NaN)"));
    assertEquals("softplus: beta must be finite and > 0 but was NaN", error("softplus(beta=nan)"));
    assertContains(error("elu(alpha=infinite)"), "elu: alpha must be a number");
  }

  @Test
  void nonFiniteOrOutOfRangeValuesNameTheParameterTheValueAndTheRange() {
    assertEquals("softplus: beta must be finite and > 0 but was -1.0", error("softplus(beta=-1)"));
    assertEquals("softplus: beta must be finite and > 0 but was 0.0", error("softplus(beta=0)"));
    assertEquals("sigmoid: lambda must be finite and > 0 but was NaN", error("sigmoid(lambda=NaN)"));
    assertEquals("bipolar_sigmoid: lambda must be finite and > 0 but was Infinity",
        error("bipolar_sigmoid(lambda=Infinity)"));
    assertEquals("leaky_relu: alpha must be finite but was -Infinity", error("leaky_relu(alpha=-Infinity)"));
    assertEquals("elu: alpha must be finite but was NaN", error("elu(alpha=NaN)"));
    assertEquals("binary_step: threshold must be finite but was Infinity", error("binary_step(threshold=1e400)"));
    assertEquals("selu: gamma must be finite and > 0 but was 0.0", error("selu(gamma=0)"));
    assertEquals("celu: alpha must be finite and > 0 but was 0.0", error("celu(alpha=0)"));
    assertEquals("softshrink: lambd must be finite and >= 0 but was -0.5", error("softshrink(lambd=-0.5)"));
    assertEquals("shrink: lambd must be finite and >= 0 but was -1.0", error("shrink(lambd=-1)"));
    assertEquals("shrink: bias must be finite but was NaN", error("shrink(bias=NaN)"));
    assertEquals("hardtanh: min must be < max but min was 1.0 and max was 1.0", error("hardtanh(min=1)"));
    assertEquals("hardtanh: min must be < max but min was 2.0 and max was -2.0", error("hardtanh(min=2, max=-2)"));
  }

  @Test
  void nonNumericAndUnknownEnumValuesAreRejected() {
    assertContains(error("elu(alpha=one)"), "elu: alpha must be a number", "'one'");
    assertContains(error("elu(alpha=1 2)"), "elu: alpha must be a number", "'1 2'");
    assertEquals("gelu: approximate must be one of none, tanh but was 'erf'", error("gelu(approximate=erf)"));
    assertContains(error("gelu(approximate=1.0)"), "approximate must be one of none, tanh");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "(alpha=1)", "elu(", "elu(alpha=1", "elu(alpha)", "elu(alpha=)", "elu(=1)",
      "elu(alpha=1,)", "elu(alpha=1;beta=2)", "elu)", "elu(alpha=1) x", "elu x", "leaky relu", "elu((alpha=1))"})
  void malformedSpecsSayWhereAndWhatIsExpected(String spec) {
    String m = error(spec);
    assertTrue(m.contains("position") || m.contains("unknown parameter"), m);
    if (m.startsWith("malformed")) {
      assertContains(m, "malformed activation spec '" + spec + "'", "expected name or name(key=value, ...)");
    }
  }

  @Test
  void malformedSpecsReportTheExactPosition() {
    assertContains(error("elu(alpha=1"), "missing ')' at position 11");
    assertContains(error("elu(alpha=)"), "missing value for 'alpha' at position 10");
    assertContains(error("elu(alpha 1)"), "expected '=' after 'alpha' at position 10");
    assertContains(error("relu x"), "unexpected 'x' after the name 'relu' at position 5");
    assertContains(error("elu(alpha=1) x"), "unexpected 'x' after the activation at position 13");
    assertContains(error("leaky relu"), "malformed", "at position 6");
  }

  @Test
  void nullSpecIsRejectedWithTheValidNames() {
    String m = assertThrows(IllegalArgumentException.class, () -> Activations.parse(null)).getMessage();
    assertContains(m, "must not be null", "relu", "softmax");
  }

  @Test
  void parseElementwiseRejectsRowwiseAndViceVersa() {
    for (String name : ROWWISE) {
      String m = assertThrows(IllegalArgumentException.class, () -> Activations.parseElementwise(name)).getMessage();
      assertContains(m, name + " is a row-wise activation", "relu", "gelu");
    }
    for (String name : ELEMENTWISE) {
      String m = assertThrows(IllegalArgumentException.class, () -> Activations.parseRowwise(name)).getMessage();
      assertContains(m, name + " is an elementwise activation", "softmax, log_softmax, softmin, hardmax");
    }
  }

  @Test
  void constructorsValidateLikeTheParser() {
    assertThrows(IllegalArgumentException.class, () -> new LeakyRelu(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> new Sigmoid(-1));
    assertThrows(IllegalArgumentException.class, () -> new Hardtanh(3, 3));
    assertThrows(IllegalArgumentException.class, () -> new Gelu(null));
    assertThrows(IllegalArgumentException.class, () -> new Softshrink(-Double.MIN_VALUE));
    assertEquals(new LeakyRelu(0.01), new LeakyRelu());
    assertEquals(new Elu(1.0), new Elu());
  }

  // ------------------------------------------------------------------ sparsity flag

  private static Stream<String> elementwiseSpecs() {
    return Stream.concat(ELEMENTWISE.stream(), Stream.of("binary_step(threshold=0.5)", "binary_step(threshold=-1)",
        "hard_sigmoid(beta=-1)", "hard_sigmoid(beta=0)", "hardtanh(min=0.5, max=2)", "hardtanh(min=-3, max=-1)",
        "hardtanh(min=0, max=6)", "thresholded_relu(alpha=-1)", "softplus(beta=4)", "shrink(bias=3)"));
  }

  @ParameterizedTest
  @MethodSource("elementwiseSpecs")
  void preservesZeroIsTrueExactlyWhenBothZerosMapToZero(String spec) {
    ElementwiseActivation a = Activations.parseElementwise(spec);
    boolean zeroToZero = a.value(0.0) == 0.0 && a.value(-0.0) == 0.0;
    assertEquals(zeroToZero, a.preservesZero(), spec);
  }

  @Test
  void sparseFlagsMatchTheSpecTable() {
    List<String> dense = List.of("binary_step", "bipolar_step", "sigmoid", "hard_sigmoid", "hard_sigmoid_pytorch",
        "softplus", "log_sigmoid");
    for (String name : ELEMENTWISE) {
      assertEquals(!dense.contains(name), Activations.parseElementwise(name).preservesZero(), name);
    }
  }
}
