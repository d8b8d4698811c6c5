package io.github.sparkactivations.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * {@link FastMath} against an independent 60-digit BigDecimal reference (exp by halving + Taylor
 * series, ln by the atanh series), on random points of every regime (uniform, log-uniform down to
 * 1e-300, next to each branch point) and on the special values of docs/activations.md#special-values.
 *
 * <p>The bound asserted, 1e-15 relative (about 5-9 ulp), is what the kernels' documented accuracy
 * (a few ulp) must stay under; the library's contract is 1e-12. A wider sweep (millions of points
 * against mpmath) is {@code bench/check_kernels.py}.
 */
class FastMathTest {

  private static final MathContext MC = new MathContext(60, RoundingMode.HALF_EVEN);
  private static final double BOUND = 1e-15;
  private static final BigDecimal TWO = BigDecimal.valueOf(2);
  private static final BigDecimal LN2 = atanh2(BigDecimal.ONE.divide(BigDecimal.valueOf(3), MC));

  // ------------------------------------------------------------------ the reference (BigDecimal)

  /** e^x - 1 to 60 digits; the Taylor series of expm1 directly for small |x| (no cancellation). */
  static BigDecimal expm1(BigDecimal x) {
    if (x.abs().compareTo(new BigDecimal("0.001")) < 0) {
      BigDecimal term = x;
      BigDecimal sum = x;
      for (int n = 2; term.signum() != 0 && term.abs().compareTo(sum.abs().movePointLeft(70)) > 0; n++) {
        term = term.multiply(x, MC).divide(BigDecimal.valueOf(n), MC);
        sum = sum.add(term, MC);
      }
      return sum;
    }
    return exp(x).subtract(BigDecimal.ONE, MC);
  }

  /** e^x to 60 digits: x / 2^k below 1e-3, Taylor, then k squarings (extra digits cover them). */
  static BigDecimal exp(BigDecimal x) {
    MathContext wide = new MathContext(80, RoundingMode.HALF_EVEN);
    int k = 0;
    BigDecimal r = x;
    while (r.abs().compareTo(new BigDecimal("0.001")) > 0) {
      r = r.divide(TWO, wide);
      k++;
    }
    BigDecimal term = BigDecimal.ONE;
    BigDecimal sum = BigDecimal.ONE;
    for (int n = 1; term.abs().compareTo(new BigDecimal("1e-85")) > 0; n++) {
      term = term.multiply(r, wide).divide(BigDecimal.valueOf(n), wide);
      sum = sum.add(term, wide);
    }
    for (int i = 0; i < k; i++) {
      sum = sum.multiply(sum, wide);
    }
    return sum.round(MC);
  }

  /** 2 atanh(z) = 2 (z + z^3/3 + z^5/5 + ...), |z| <= 1/3. */
  static BigDecimal atanh2(BigDecimal z) {
    BigDecimal z2 = z.multiply(z, MC);
    BigDecimal p = z;
    BigDecimal sum = BigDecimal.ZERO;
    for (int n = 1; p.abs().compareTo(new BigDecimal("1e-70")) > 0; n += 2) {
      sum = sum.add(p.divide(BigDecimal.valueOf(n), MC), MC);
      p = p.multiply(z2, MC);
    }
    return sum.multiply(TWO, MC);
  }

  /** ln y for y > 0: y = m 2^e with m in [1, 2), ln m = 2 atanh((m-1)/(m+1)). */
  static BigDecimal ln(BigDecimal y) {
    int e = 0;
    BigDecimal m = y;
    while (m.compareTo(TWO) >= 0) {
      m = m.divide(TWO, MC);
      e++;
    }
    while (m.compareTo(BigDecimal.ONE) < 0) {
      m = m.multiply(TWO, MC);
      e--;
    }
    BigDecimal z = m.subtract(BigDecimal.ONE).divide(m.add(BigDecimal.ONE), MC);
    return LN2.multiply(BigDecimal.valueOf(e), MC).add(atanh2(z), MC);
  }

  /** ln(1 + y); the series y - y^2/2 + ... for tiny y. */
  static BigDecimal log1p(BigDecimal y) {
    if (y.abs().compareTo(new BigDecimal("1e-6")) < 0) {
      BigDecimal sum = BigDecimal.ZERO;
      BigDecimal p = y;
      for (int n = 1; p.signum() != 0 && p.abs().compareTo(new BigDecimal("1e-400")) > 0 && n < 40; n++) {
        sum = sum.add(p.divide(BigDecimal.valueOf(n), MC), MC);
        p = p.multiply(y, MC).negate();
      }
      return sum;
    }
    return ln(BigDecimal.ONE.add(y, MC));
  }

  static BigDecimal tanh(BigDecimal x) {
    BigDecimal t = expm1(x.multiply(TWO));
    return t.divide(t.add(TWO), MC);
  }

  static BigDecimal sigmoid(BigDecimal x) {
    return BigDecimal.ONE.divide(BigDecimal.ONE.add(exp(x.negate()), MC), MC);
  }

  static BigDecimal softplus(BigDecimal t) {
    return t.signum() > 0 ? t.add(log1p(exp(t.negate())), MC) : log1p(exp(t));
  }

  // ------------------------------------------------------------------------------------- checks

  /** Worst relative error of k against ref over the sample points; asserts it is below BOUND. */
  private static void check(String name, DoubleUnaryOperator k, UnaryOperator<BigDecimal> ref, double[] xs) {
    double worst = 0;
    double at = Double.NaN;
    for (double x : xs) {
      double got = k.applyAsDouble(x);
      BigDecimal want = ref.apply(new BigDecimal(x));
      double w = want.doubleValue();
      if (w == 0 || Math.abs(w) < Double.MIN_NORMAL) {
        // underflowed or subnormal reference: absolute tolerance at the subnormal spacing
        assertTrue(Math.abs(got - w) <= 2 * Double.MIN_VALUE, name + "(" + x + ") = " + got + ", want " + w);
        continue;
      }
      double rel = new BigDecimal(got).subtract(want).abs().divide(want.abs(), MC).doubleValue();
      if (rel > worst) {
        worst = rel;
        at = x;
      }
    }
    assertTrue(worst <= BOUND, name + ": worst relative error " + worst + " at x = " + at);
  }

  /** Uniform on [lo, hi], log-uniform magnitudes 1e-300..hi, and points within 1e-9 of the cuts. */
  private static double[] points(long seed, double lo, double hi, double... cuts) {
    Random r = new Random(seed);
    double[] xs = new double[3000];
    for (int i = 0; i < xs.length; i++) {
      switch (i % 3) {
        case 0 -> xs[i] = lo + (hi - lo) * r.nextDouble();
        case 1 -> {
          double m = Math.pow(10, -300 + (300 + Math.log10(Math.max(-lo, hi))) * r.nextDouble());
          xs[i] = Math.max(lo, Math.min(hi, r.nextBoolean() ? m : -m));
        }
        default -> {
          double c = cuts[r.nextInt(cuts.length)];
          xs[i] = c + (r.nextDouble() - 0.5) * 2e-9 * Math.max(1, Math.abs(c));
        }
      }
    }
    return xs;
  }

  @Test
  void expm1MatchesTheReference() {
    check("expm1", FastMath::expm1, FastMathTest::expm1,
        points(1, -745, 709.7, 0, 0.3465735902799726, -0.3465735902799726, 1.0397207708399179, 700, -700));
  }

  @Test
  void expMatchesTheReference() {
    check("exp", FastMath::exp, FastMathTest::exp,
        points(5, -708, 709.7, 0, 0.3465735902799726, -0.3465735902799726, 700, -700, -0.5, 1));
  }

  @Test
  void log1pOnTheUnitIntervalMatchesTheReference() {
    double[] ys = points(6, 0, 1, 0, 1e-16, 2.2e-16, 0.5, 1);
    for (int i = 0; i < ys.length; i++) {
      ys[i] = Math.abs(ys[i]);
    }
    check("log1pUnit", FastMath::log1pUnit, FastMathTest::log1p, ys);
  }

  @Test
  void tanhMatchesTheReference() {
    check("tanh", FastMath::tanh, FastMathTest::tanh, points(2, -25, 25, 0, 0.17328679513998632, 0.5, 19.06, 22));
  }

  @Test
  void sigmoidMatchesTheReference() {
    check("sigmoid", FastMath::sigmoid, FastMathTest::sigmoid, points(3, -708, 40, 0, -36.7, -700, -708));
  }

  @Test
  void softplusMatchesTheReference() {
    check("softplus", FastMath::softplus, FastMathTest::softplus, points(4, -700, 700, 0, -36.7, 36.7, 1));
  }

  @Test
  void specialValues() {
    // expm1: NaN, limits, signed zero, tiny values exact
    assertTrue(Double.isNaN(FastMath.expm1(Double.NaN)));
    assertEquals(Double.POSITIVE_INFINITY, FastMath.expm1(Double.POSITIVE_INFINITY));
    assertEquals(-1.0, FastMath.expm1(Double.NEGATIVE_INFINITY));
    assertEquals(-1.0, FastMath.expm1(-800));
    assertTrue(Double.isNaN(FastMath.exp(Double.NaN)));
    assertEquals(Double.POSITIVE_INFINITY, FastMath.exp(Double.POSITIVE_INFINITY));
    assertEquals(0.0, FastMath.exp(Double.NEGATIVE_INFINITY));
    assertEquals(1.0, FastMath.exp(-0.0));
    assertEquals(Double.POSITIVE_INFINITY, FastMath.exp(710));
    assertEquals(Double.POSITIVE_INFINITY, FastMath.expm1(710));
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(FastMath.expm1(-0.0)));
    assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(FastMath.expm1(0.0)));
    assertEquals(Double.MIN_VALUE, FastMath.expm1(Double.MIN_VALUE));
    assertEquals(-1e-300, FastMath.expm1(-1e-300));
    // tanh: odd, +-1 at and beyond 19.07, never outside [-1, 1]
    assertTrue(Double.isNaN(FastMath.tanh(Double.NaN)));
    assertEquals(1.0, FastMath.tanh(Double.POSITIVE_INFINITY));
    assertEquals(-1.0, FastMath.tanh(Double.NEGATIVE_INFINITY));
    assertEquals(1.0, FastMath.tanh(19.1));
    assertEquals(-1.0, FastMath.tanh(-1e300));
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(FastMath.tanh(-0.0)));
    assertEquals(-Double.MIN_VALUE, FastMath.tanh(-Double.MIN_VALUE));
    for (double x = 0; x < 25; x += 1.0 / 1024) {
      assertTrue(FastMath.tanh(x) <= 1.0 && FastMath.tanh(-x) >= -1.0, "tanh out of range at " + x);
    }
    // sigmoid: limits, 1/2 at both zeros, the subnormal tail instead of 0
    assertTrue(Double.isNaN(FastMath.sigmoid(Double.NaN)));
    assertEquals(1.0, FastMath.sigmoid(Double.POSITIVE_INFINITY));
    assertEquals(0.0, FastMath.sigmoid(Double.NEGATIVE_INFINITY));
    assertEquals(0.5, FastMath.sigmoid(-0.0));
    assertEquals(1.0, FastMath.sigmoid(36.8));
    assertEquals(exp(new BigDecimal(-740)).doubleValue(), FastMath.sigmoid(-740), Double.MIN_VALUE);
    assertTrue(FastMath.sigmoid(-740) > 0);
    // softplus and log1p on [0, 1]
    assertTrue(Double.isNaN(FastMath.softplus(Double.NaN)));
    assertEquals(Double.POSITIVE_INFINITY, FastMath.softplus(Double.POSITIVE_INFINITY));
    assertEquals(0.0, FastMath.softplus(Double.NEGATIVE_INFINITY));
    assertEquals(800.0, FastMath.softplus(800));
    assertEquals(1e-300, FastMath.log1pUnit(1e-300));
    assertEquals(0.0, FastMath.log1pUnit(0.0));
    assertEquals(LN2.doubleValue(), FastMath.log1pUnit(1.0), Math.ulp(0.7));
  }
}
