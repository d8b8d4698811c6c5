package io.github.sparkactivations.activation;

/** The comparison of docs/activations.md#accuracy: one computed double against the correctly rounded reference. */
final class GoldenAssert {

  static final double RTOL = 1e-12;

  private GoldenAssert() {}

  /**
   * NaN matches only NaN; +-Inf must match exactly; otherwise |a - e| <= max(RTOL |e|, atol).
   * Returns null when it matches, otherwise a description of the mismatch.
   */
  static String mismatch(double actual, double expected, double atol) {
    if (Double.isNaN(expected) || Double.isNaN(actual)) {
      return Double.isNaN(expected) && Double.isNaN(actual) ? null : "expected " + expected + " but was " + actual;
    }
    if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
      return expected == actual ? null : "expected " + expected + " but was " + actual;
    }
    double err = Math.abs(actual - expected);
    if (err <= Math.max(RTOL * Math.abs(expected), atol)) {
      return null;
    }
    return "expected " + expected + " but was " + actual + " (rel err " + (err / Math.abs(expected)) + ")";
  }

  /** Relative error as the accuracy report measures it: 0 for exact or both-NaN, err/|e| otherwise. */
  static double relError(double actual, double expected, double atol) {
    if (Double.isNaN(expected) || Double.isNaN(actual)) {
      return Double.isNaN(expected) && Double.isNaN(actual) ? 0 : Double.POSITIVE_INFINITY;
    }
    if (actual == expected) {
      return 0;
    }
    if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
      return Double.POSITIVE_INFINITY;
    }
    double err = Math.abs(actual - expected);
    if (err <= atol) {
      return 0;
    }
    return expected == 0 ? Double.POSITIVE_INFINITY : err / Math.abs(expected);
  }

  static boolean isNegativeZero(double v) {
    return Double.doubleToRawLongBits(v) == Long.MIN_VALUE;
  }
}
