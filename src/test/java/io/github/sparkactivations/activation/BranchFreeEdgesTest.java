package io.github.sparkactivations.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Edges of the branch-free forms (shrink's signed bias, the inlined log1p on subnormal arguments) that
 * the golden tolerances cannot see: values written out by hand or taken from mpmath at 60 digits and
 * compared bit for bit, value and bulk paths alike.
 */
class BranchFreeEdgesTest {

  private static final double MIN = Double.MIN_VALUE;

  private static long bits(double d) {
    return Double.doubleToRawLongBits(d);
  }

  private static void assertBoth(ElementwiseActivation f, double x, double expected) {
    double[] out = new double[1];
    f.apply(new double[] {x}, out);
    assertEquals(bits(expected), bits(f.value(x)), f.spec() + " value at x=" + x);
    assertEquals(bits(expected), bits(out[0]), f.spec() + " apply at x=" + x);
  }

  /** ONNX Shrink: x + bias below −λ, x − bias above λ, for a bias of either sign. */
  @Test
  void shrinkAppliesANegativeBiasWithItsSign() {
    ElementwiseActivation f = Activations.parseElementwise("shrink(lambd=0.5, bias=-0.25)");
    assertBoth(f, 2.0, 2.25);     // 2 − (−0.25)
    assertBoth(f, -2.0, -2.25);   // −2 + (−0.25)
    assertBoth(f, 0.75, 1.0);
    assertBoth(f, -0.75, -1.0);
    assertBoth(f, 0.5, 0.0);
    assertBoth(f, -0.5, 0.0);
    assertBoth(f, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
    assertBoth(f, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY);
    assertTrue(Double.isNaN(f.value(Double.NaN)));
    ElementwiseActivation g = Activations.parseElementwise("shrink(lambd=1.0, bias=-3.0)");
    assertBoth(g, 1.5, 4.5);
    assertBoth(g, -1.5, -4.5);
    ElementwiseActivation h = Activations.parseElementwise("shrink(lambd=1.0, bias=3.0)");
    assertBoth(h, 1.5, -1.5);
    assertBoth(h, -1.5, 1.5);
    assertBoth(h, 3.0, 0.0);      // x − bias = +0.0 exactly
    assertBoth(h, -3.0, 0.0);     // x + bias = +0.0 exactly
  }

  /** ln(1 + y) = y − y²/2 + …: for y < 2^-52 the correctly rounded result is y itself, subnormals too. */
  @Test
  void log1pUnitIsExactForTinyAndSubnormalArguments() {
    double[] ys = {MIN, 2 * MIN, 3 * MIN, 85 * MIN, 1e-320, 0x1p-1023 + MIN, 0x1.0000000000001p-1022,
        0x1.fffffffffffffp-1022, 0x1p-1021 + 0x1p-1073, 1e-300, 0x1.fffffffffffffp-53};
    for (double y : ys) {
      assertEquals(bits(y), bits(FastMath.log1pUnit(y)), "log1pUnit(" + y + ")");
    }
  }

  /**
   * log_sigmoid(x) = −log1p(e^{−x}) is subnormal for x > 708.4: −e^{−x}, correctly rounded (mpmath,
   * 60 digits: e^{−720}/MIN = 41132809365.1, e^{−740}/MIN = 84.78, e^{−745}/MIN = 0.571).
   */
  @Test
  void logSigmoidKeepsTheSubnormalTail() {
    ElementwiseActivation f = Activations.parseElementwise("log_sigmoid");
    assertBoth(f, 720.0, -41132809365.0 * MIN);
    assertBoth(f, 740.0, -85 * MIN);
    assertBoth(f, 745.0, -MIN);
    assertBoth(f, 746.0, -0.0); // e^{−746}/MIN = 0.21: underflow keeps the sign
  }
}
