package io.github.sparkactivations.activation;

import static io.github.sparkactivations.testing.NumericAssert.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Spot checks of textbook examples and worked cases from docs/activations.md. Expected values are
 * 50-digit mpmath references rounded to double (or, where noted, the closed form evaluated with
 * mpmath at 40 digits); the exhaustive golden and property suites live in their own test classes.
 */
class TextbookExamplesTest {

  private static double[] apply(String spec, double... row) {
    double[] out = new double[row.length];
    Activations.parseRowwise(spec).apply(row, out);
    return out;
  }

  @Test
  void softmaxOf40_30_20MatchesTheReference() {
    double[] y = apply("softmax", 40, 30, 20);
    double[] expected = {0.9999546000703311, 4.539786860886666e-05, 2.061060046209062e-09};
    for (int i = 0; i < 3; i++) {
      assertClose(expected[i], y[i], 1e-15, 0.0, "softmax[" + i + "]");
    }
  }

  @Test
  void softmaxShiftsEvenWhenEveryLogitIsVeryNegative() {
    // Spark's raw2probabilityInPlace gives NaN here
    double[] y = apply("softmax", -1000, -1001, -1002);
    double[] expected = {0.6652409557748219, 0.24472847105479764, 0.09003057317038046};
    for (int i = 0; i < 3; i++) {
      assertClose(expected[i], y[i], 1e-15, 0.0, "softmax[" + i + "]");
    }
  }

  @Test
  void logSoftmaxKeepsTheTinyNormaliserOfADominantLogit() {
    // exact: -log1p(e^-40) = -4.248354255291588986304977843631582e-18 (mpmath, 40 digits); log(softmax) gives 0
    double[] y = apply("log_softmax", 0, -40);
    assertClose(-4.248354255291588986e-18, y[0], 1e-12, 0.0, "log_softmax[0]");
    assertEquals(-40.0, y[1]);
  }

  @Test
  void softmaxWithOneInfiniteLogitIsOneHotUnlikePyTorch() {
    assertArrayEquals(new double[] {0, 1, 0}, apply("softmax", 1, Double.POSITIVE_INFINITY, 2));
    assertArrayEquals(new double[] {Double.NEGATIVE_INFINITY, 0, Double.NEGATIVE_INFINITY},
        apply("log_softmax", 1, Double.POSITIVE_INFINITY, 2));
    assertArrayEquals(new double[] {Double.NaN, Double.NaN}, apply("softmax", Double.POSITIVE_INFINITY,
        Double.POSITIVE_INFINITY));
  }

  @Test
  void eluWithAlphaHalfAndLeakyReluWithSlopeOneHundredth() {
    ElementwiseActivation elu = Activations.parseElementwise("elu(alpha=0.5)");
    // 0.5·(e^-1 − 1) = -0.3160602794142788392022381149192695662771 (mpmath)
    assertClose(-0.31606027941427883920, elu.value(-1), 1e-15, 0.0, "elu(-1)");
    assertEquals(2.0, elu.value(2.0));
    assertEquals(0.5, elu.derivative(0.0)); // α at the kink
    ElementwiseActivation leaky = Activations.parseElementwise("leaky_relu");
    assertEquals(-0.02, leaky.value(-2.0));
    assertEquals(0.01, leaky.derivative(0.0)); // α at the kink
  }
}
