package io.github.sparkactivations.testing;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The one numeric comparison of the tests: a computed double against an expected one, within a
 * relative tolerance {@code rtol} and an absolute floor {@code atol}. NaN matches only NaN; +-Inf must
 * match exactly; otherwise {@code |a - e| <= max(rtol |e|, atol)} (so 0.0 and -0.0 match; tests that
 * care about the sign of zero check it on their own). The default tolerance is the library's accuracy
 * contract, {@link #RTOL} relative.
 */
public final class NumericAssert {

  /** The accuracy contract of the core: 1e-12 relative. */
  public static final double RTOL = 1e-12;

  private NumericAssert() {}

  /** Null when {@code actual} matches {@code expected}, otherwise a description of the mismatch. */
  public static String mismatch(double expected, double actual, double rtol, double atol) {
    if (Double.isNaN(expected) || Double.isNaN(actual)) {
      return Double.isNaN(expected) && Double.isNaN(actual) ? null : "expected " + expected + " but was " + actual;
    }
    if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
      return expected == actual ? null : "expected " + expected + " but was " + actual;
    }
    double err = Math.abs(actual - expected);
    if (err <= Math.max(rtol * Math.abs(expected), atol)) {
      return null;
    }
    return "expected " + expected + " but was " + actual + " (relative error " + (err / Math.abs(expected))
        + " > " + rtol + ")";
  }

  /** Null when the rows match entry by entry ({@link #mismatch}), otherwise the first difference. */
  public static String mismatch(double[] expected, double[] actual, double rtol, double atol) {
    if (expected.length != actual.length) {
      return "length " + actual.length + " instead of " + expected.length;
    }
    for (int i = 0; i < expected.length; i++) {
      String m = mismatch(expected[i], actual[i], rtol, atol);
      if (m != null) {
        return "entry " + i + ": " + m;
      }
    }
    return null;
  }

  /** Fails unless {@code actual} matches {@code expected} within {@code rtol} and {@code atol}. */
  public static void assertClose(double expected, double actual, double rtol, double atol, String what) {
    String m = mismatch(expected, actual, rtol, atol);
    if (m != null) {
      fail(what + ": " + m);
    }
  }

  /** {@link #assertClose(double, double, double, double, String)} within {@link #RTOL} relative. */
  public static void assertClose(double expected, double actual, String what) {
    assertClose(expected, actual, RTOL, 0.0, what);
  }

  /** Entry by entry, within {@code rtol} and {@code atol}. */
  public static void assertClose(double[] expected, double[] actual, double rtol, double atol, String what) {
    String m = mismatch(expected, actual, rtol, atol);
    if (m != null) {
      fail(what + ": " + m);
    }
  }

  /** Entry by entry, within {@link #RTOL} relative. */
  public static void assertClose(double[] expected, double[] actual, String what) {
    assertClose(expected, actual, RTOL, 0.0, what);
  }

  /**
   * The relative error as the accuracy reports measure it: 0 for an exact match, both NaN, or an error
   * within {@code atol}; +Inf for a NaN or infinity mismatch or a nonzero error at expected 0.
   */
  public static double relError(double expected, double actual, double atol) {
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

  /** True for -0.0 only. */
  public static boolean isNegativeZero(double v) {
    return Double.doubleToRawLongBits(v) == Long.MIN_VALUE;
  }
}
