package io.github.sparkactivations.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The conventions of docs/activations.md (special values, kinks, steps) written out literally, one
 * assertion per rule (hand values, no reference computation), so that a misreading shared by the reference and the
 * core would still be caught.
 */
class SpecialValuesTest {

  private static final double INF = Double.POSITIVE_INFINITY;

  private static double f(String spec, double x) {
    return Activations.parseElementwise(spec).value(x);
  }

  private static double d(String spec, double x) {
    return Activations.parseElementwise(spec).derivative(x);
  }

  /** A zero whose sign the spec leaves open (the limit at an infinity; signs are fixed for finite inputs only). */
  private static void assertZero(double v) {
    assertEquals(0.0, v, 0.0);
  }

  private static void assertNegZero(double v, String what) {
    assertTrue(v == 0 && 1 / v < 0, what + " must be -0.0 but was " + v);
  }

  private static void assertPosZero(double v, String what) {
    assertTrue(v == 0 && 1 / v > 0, what + " must be +0.0 but was " + v);
  }

  @Test
  void c1NanInNanOutForEveryValueAndDerivative() {
    for (String name : Activations.elementwiseNames()) {
      ElementwiseActivation a = Activations.parseElementwise(name);
      assertTrue(Double.isNaN(a.value(Double.NaN)), name + " f(NaN)");
      assertTrue(Double.isNaN(a.derivative(Double.NaN)), name + " f'(NaN)");
    }
    for (String spec : List.of("thresholded_relu(alpha=-5.0)", "hardshrink(lambd=0.0)", "shrink(lambd=2.0, bias=1.0)",
        "binary_step(threshold=-100.0)", "relu6", "hardtanh(min=-0.5, max=0.5)", "hard_sigmoid(alpha=0.0, beta=0.5)",
        "leaky_relu(alpha=0.0)", "prelu(slope=0.0)")) {
      assertTrue(Double.isNaN(f(spec, Double.NaN)), spec + " f(NaN)");
      assertTrue(Double.isNaN(d(spec, Double.NaN)), spec + " f'(NaN)");
    }
  }

  @Test
  void c2InfinitiesGiveTheLimits() {
    assertZero(f("silu", -INF));
    assertZero(f("mish", -INF));
    assertZero(f("gelu", -INF));
    assertZero(f("gelu(approximate=tanh)", -INF));
    assertZero(f("hard_swish", -INF));
    assertZero(f("swish(alpha=2.0)", -INF));
    assertEquals(1.0, f("softsign", INF));
    assertEquals(-1.0, f("softsign", -INF));
    assertEquals(1.0, f("bipolar_sigmoid", INF));
    assertEquals(-1.0, f("bipolar_sigmoid(lambda=5.0)", -INF));
    assertEquals(-1.0, f("elu", -INF));
    assertEquals(-0.5, f("elu(alpha=0.5)", -INF));
    assertEquals(-1.7580993408473766, f("selu", -INF));
    assertZero(f("leaky_relu(alpha=0.0)", -INF));
    assertEquals(INF, f("leaky_relu(alpha=-0.5)", -INF));
    assertEquals(-INF, f("leaky_relu", -INF));
    assertZero(f("prelu(slope=0.0)", -INF));
    assertEquals(-2.0, f("celu(alpha=2.0)", -INF));
    assertEquals(1.0, f("sigmoid", INF));
    assertZero(f("sigmoid", -INF));
    assertEquals(1.0, f("tanh", INF));
    assertEquals(-1.0, f("tanh", -INF));
    assertEquals(INF, f("softplus", INF));
    assertZero(f("softplus", -INF));
    assertNegZero(f("log_sigmoid", INF), "log_sigmoid(+Inf)");
    assertEquals(-INF, f("log_sigmoid", -INF));
    assertEquals(6.0, f("relu6", INF));
    assertEquals(1.0, f("hardtanh", INF));
    assertEquals(-1.0, f("hardtanh", -INF));
    assertEquals(1.0, f("hard_sigmoid", INF));
    assertZero(f("hard_sigmoid", -INF));
    assertEquals(INF, f("tanhshrink", INF));
    assertEquals(-INF, f("tanhshrink", -INF));
    assertEquals(INF, f("shrink", INF));
    assertEquals(-INF, f("softshrink", -INF));
    assertZero(f("thresholded_relu", -INF));
    assertEquals(800.0, f("softplus", 800));
    // derivatives: limits of f'
    assertZero(d("sigmoid", INF));
    assertEquals(1.0, d("gelu", INF));
    assertZero(d("gelu", -INF));
    assertEquals(1.0, d("mish", INF));
    assertEquals(1.0, d("softplus", INF));
    assertEquals(1.0, d("log_sigmoid", -INF));
    assertEquals(1.0, d("tanhshrink", INF));
    assertEquals(0.01, d("leaky_relu", -INF));
    assertZero(d("elu", -INF));
    assertEquals(1.0507009873554805, d("selu", INF));
    assertEquals(1.0, d("hard_swish", INF));
  }

  @Test
  void c3SignOfZero() {
    for (String name : List.of("tanh", "softsign", "bipolar_sigmoid", "leaky_relu", "hardtanh", "gelu", "silu", "swish",
        "mish", "hard_swish", "gelu(approximate=tanh)")) {
      assertNegZero(f(name, -0.0), name + "(-0.0)");
      assertPosZero(f(name, 0.0), name + "(0.0)");
    }
    assertNegZero(f("gelu", -40), "gelu(-40) underflows");
    assertNegZero(f("silu", -800), "silu(-800) underflows");
    assertNegZero(f("mish", -800), "mish(-800) underflows");
    assertNegZero(f("gelu(approximate=tanh)", -1e20), "gelu tanh(-1e20)");
    assertEquals(1.0, f("binary_step", -0.0));
    assertEquals(1.0, f("bipolar_step", -0.0));
    assertEquals(0.0, f("relu", -0.0));
  }

  @Test
  void c4DerivativesAtKinks() {
    assertEquals(0.0, d("relu", 0.0));
    assertEquals(0.0, d("relu", -0.0));
    assertEquals(0.01, d("leaky_relu", 0.0));
    assertEquals(0.2, d("leaky_relu(alpha=0.2)", -0.0));
    assertEquals(0.25, d("prelu", 0.0));
    assertEquals(1.0, d("elu", 0.0));
    assertEquals(0.5, d("elu(alpha=0.5)", 0.0));
    assertEquals(1.7580993408473766, d("selu", 0.0));
    assertEquals(1.0, d("celu(alpha=3.0)", 0.0));
    assertEquals(0.0, d("relu6", 0.0));
    assertEquals(0.0, d("relu6", 6.0));
    assertEquals(1.0, d("relu6", 5.999999999999999));
    assertEquals(0.0, d("hardtanh", 1.0));
    assertEquals(0.0, d("hardtanh", -1.0));
    assertEquals(0.0, d("hard_sigmoid(alpha=0.25, beta=0.5)", -2.0));
    assertEquals(0.0, d("hard_sigmoid(alpha=0.25, beta=0.5)", 2.0));
    assertEquals(0.0, d("hard_sigmoid_pytorch", 3.0));
    assertEquals(0.0, d("hard_sigmoid_pytorch", -3.0));
    assertEquals(0.0, d("hard_swish", -3.0));
    assertEquals(1.0, d("hard_swish", 3.0));
    assertEquals(0.0, d("softshrink", 0.5));
    assertEquals(0.0, d("softshrink", -0.5));
    assertEquals(0.0, d("hardshrink", 0.5));
    assertEquals(0.0, d("shrink(lambd=1.0, bias=0.5)", -1.0));
    assertEquals(0.0, d("thresholded_relu", 1.0));
    assertEquals(0.0, d("binary_step", 0.0));
    assertEquals(0.0, d("bipolar_step(threshold=2.0)", 2.0));
  }

  @Test
  void c5AndC6InclusiveAndStrictBranches() {
    assertEquals(1.0, f("binary_step(threshold=0.5)", 0.5));
    assertEquals(0.0, f("binary_step(threshold=0.5)", Math.nextDown(0.5)));
    assertEquals(-1.0, f("bipolar_step(threshold=0.5)", Math.nextDown(0.5)));
    assertEquals(0.0, f("thresholded_relu", 1.0));
    assertEquals(Math.nextUp(1.0), f("thresholded_relu", Math.nextUp(1.0)));
    assertEquals(0.0, f("softshrink", 0.5));
    assertEquals(0.0, f("hardshrink", -0.5));
    assertEquals(-0.5000000000000001, f("hardshrink", -0.5000000000000001));
    assertEquals(1.0, f("hardtanh", 1.0));
    assertEquals(6.0, f("relu6", 6.0));
  }
}
