package io.github.sparkactivations.activation;

/**
 * Special functions of the activation core built on {@link FastMath}: the scaled logistic sigmoid and
 * its density deep in the tail, sech², and the complementary error function / normal CDF needed by the
 * exact GELU. Package-private:
 * the public surface is the activation classes.
 *
 * <p>Every routine here propagates NaN and is accurate to a few ulp over the whole double range
 * (see {@code docs/activations.md#how-values-are-computed}).
 */
final class Numerics {

  /** 1/√2, correctly rounded. */
  static final double INV_SQRT2 = 0.7071067811865476;
  /** 1/√(2π), correctly rounded. */
  static final double INV_SQRT_2PI = 0.3989422804014327;
  /** √(2/π), correctly rounded (GELU tanh form). */
  static final double SQRT_2_OVER_PI = 0.7978845608028654;
  /** 1/√π, Cody's SQRPI. */
  private static final double INV_SQRT_PI = 5.6418958354775628695e-1;
  /** Cody's THRESH: below it erf is evaluated directly. */
  private static final double ERF_THRESHOLD = 0.46875;

  private Numerics() {}

  /**
   * Below this argument e^{t} (and so σ(t)) is far below 1e−260: then 1 + e^{t} rounds to 1 and products
   * such as x·σ(x) are evaluated as (x·e^{t/2})·e^{t/2}, so the only rounding into the subnormal range
   * is the last one (x·e^{t} rounded from a subnormal e^{t} would lose up to all its digits).
   */
  static final double DEEP_TAIL = -600.0;

  /** scale·σ(t), rounded once at the end when the result is deep in the tail. NaN propagates. */
  static double scaledSigmoid(double t, double scale) {
    if (t < DEEP_TAIL) {
      double h = Math.exp(0.5 * t);
      return (scale * h) * h;
    }
    return scale / (1.0 + FastMath.exp(-t)); // one rounding fewer than scale·σ(t); e^{-t} < e^600
  }

  /** scale·σ(t)·σ(−t) (the logistic density), accurate also where it is subnormal. NaN propagates. */
  static double scaledSigmoidDerivative(double t, double scale) {
    double a = -Math.abs(t);
    if (a < DEEP_TAIL) {
      double h = Math.exp(0.5 * a);
      return (scale * h) * h;
    }
    return scale * FastMath.sigmoid(t) * FastMath.sigmoid(-t);
  }

  /**
   * sech²(u) = 4e^{-2|u|}/(1+e^{-2|u|})², which never cancels (unlike 1 - tanh²u) and underflows only
   * where the true value does. NaN in gives NaN; ±∞ gives 0.
   */
  static double sech2(double u) {
    double e = Math.exp(-2.0 * Math.abs(u));
    double d = 1.0 + e;
    return 4.0 * e / (d * d);
  }

  /**
   * The complementary error function erfc(x) = 2/√π ∫_x^∞ e^{-t²} dt, to within a few ulp for every
   * double x (relative accuracy down to erfc(26.5) ≈ 1e-308; below that the result is subnormal).
   *
   * <p>Source: W. J. Cody, "Rational Chebyshev approximations for the error function", Math. Comp. 23
   * (1969) 631-637, as implemented in his routine CALERF (SPECFUN, Netlib, revision of January 1985):
   * a rational approximation of erf on |x| ≤ 0.46875, of e^{x²}erfc(x) on (0.46875, 4], and of
   * x·e^{x²}erfc(x) in 1/x² beyond 4, with e^{-x²} evaluated as e^{-s²}·e^{-(x-s)(x+s)} where s is x
   * truncated to four fractional bits, so that s² is exact and the tail keeps full relative accuracy.
   */
  static double erfc(double x) {
    double y = Math.abs(x);
    if (!(y > ERF_THRESHOLD)) { // includes NaN
      return 1.0 - x * erfSmallRatio(y * y);
    }
    double e;
    if (y >= 40.0) {
      e = 0.0; // e^{-1600}: below the smallest subnormal
    } else {
      double s = truncateTo16ths(y);
      double del = (y - s) * (y + s);
      e = Math.exp(-s * s) * Math.exp(-del) * erfcScaledRational(y);
    }
    return x < 0 ? 2.0 - e : e;
  }

  /**
   * scale · Φ(x), where Φ is the standard normal CDF, with a single rounding into the subnormal range:
   * the Gaussian factor e^{-x²/2} is computed from x itself (x² split exactly with an FMA, no rounding of
   * x/√2 inside the exponential) and applied as two normal-range halves, so that {@code scale·Φ(x)} keeps
   * its accuracy down to the underflow threshold (GELU: x·Φ(x) is exact down to x ≈ -38.5).
   * Requires finite x.
   */
  static double scaledNormalCdf(double x, double scale) {
    double w = -x * INV_SQRT2; // Φ(x) = erfc(w)/2
    double aw = Math.abs(w);
    if (!(aw > ERF_THRESHOLD)) {
      return (0.5 * scale) * (1.0 - w * erfSmallRatio(aw * aw));
    }
    if (x > 0) {
      if (x > 40.0) {
        return scale; // 1 - Φ(x) < 2^-53 / 2 long before this point
      }
      double tail = halfGaussian(x) * erfcScaledRational(aw); // erfc(|w|) = 2(1 - Φ(x))
      return scale * (1.0 - 0.5 * tail);
    }
    if (x < -60.0) {
      return scale * 0.0; // Φ(-60) ≈ e^{-1800}: zero even after scaling by MAX_VALUE; keeps the sign
    }
    // Φ(x) = e^{-x²/2}·R(|w|)/2 with e^{-x²/2} = a·a, a = e^{-x²/4} (normal for |x| ≤ 53)
    double hi = x * x;
    double lo = Math.fma(x, x, -hi);
    double a = Math.exp(-0.25 * hi);
    return (((0.5 * scale) * erfcScaledRational(aw)) * (1.0 - 0.5 * lo) * a) * a;
  }

  /**
   * scale · φ(x) = scale · e^{-x²/2}/√(2π), the standard normal density, with the same exact-square and
   * single-final-rounding treatment as {@link #scaledNormalCdf}. Requires finite x.
   */
  static double scaledNormalPdf(double x, double scale) {
    double ax = Math.abs(x);
    if (ax > 60.0) {
      return scale * 0.0;
    }
    double hi = x * x;
    double lo = Math.fma(x, x, -hi);
    double a = Math.exp(-0.25 * hi);
    return ((scale * INV_SQRT_2PI) * (1.0 - 0.5 * lo) * a) * a;
  }

  /** e^{-x²/2} for |x| ≤ 40 via the exact split of x². */
  private static double halfGaussian(double x) {
    double hi = x * x;
    double lo = Math.fma(x, x, -hi);
    return Math.exp(-0.5 * hi) * (1.0 - 0.5 * lo);
  }

  private static double truncateTo16ths(double y) {
    return Math.floor(y * 16.0) / 16.0; // y > 0
  }

  // Cody's coefficients for erf(y)/y on y <= 0.46875 (numerator ERF_A, highest degree first;
  // denominator ERF_B below its leading 1) and for e^{y²}erfc(y) on (0.46875, 4] (ERFC_C, ERFC_D), in
  // Horner order; named so that the vector GELU evaluates the very same polynomials.
  static final double ERF_A0 = 1.85777706184603153e-1;
  static final double ERF_A1 = 3.16112374387056560e00;
  static final double ERF_A2 = 1.13864154151050156e02;
  static final double ERF_A3 = 3.77485237685302021e02;
  static final double ERF_A4 = 3.20937758913846947e03;
  static final double ERF_B0 = 2.36012909523441209e01;
  static final double ERF_B1 = 2.44024637934444173e02;
  static final double ERF_B2 = 1.28261652607737228e03;
  static final double ERF_B3 = 2.84423683343917062e03;
  static final double ERFC_C0 = 2.15311535474403846e-8;
  static final double ERFC_C1 = 5.64188496988670089e-1;
  static final double ERFC_C2 = 8.88314979438837594e00;
  static final double ERFC_C3 = 6.61191906371416295e01;
  static final double ERFC_C4 = 2.98635138197400131e02;
  static final double ERFC_C5 = 8.81952221241769090e02;
  static final double ERFC_C6 = 1.71204761263407058e03;
  static final double ERFC_C7 = 2.05107837782607147e03;
  static final double ERFC_C8 = 1.23033935479799725e03;
  static final double ERFC_D0 = 1.57449261107098347e01;
  static final double ERFC_D1 = 1.17693950891312499e02;
  static final double ERFC_D2 = 5.37181101862009858e02;
  static final double ERFC_D3 = 1.62138957456669019e03;
  static final double ERFC_D4 = 3.29079923573345963e03;
  static final double ERFC_D5 = 4.36261909014324716e03;
  static final double ERFC_D6 = 3.43936767414372164e03;
  static final double ERFC_D7 = 1.23033935480374942e03;

  /** erf(y)/y for y² = ysq ≤ 0.46875² (Cody's first interval). */
  static double erfSmallRatio(double ysq) {
    // Horner with FMA (one rounding per step, half the latency of multiply-then-add)
    double num = Math.fma(ERF_A0, ysq, ERF_A1);
    double den = ysq + ERF_B0;
    num = Math.fma(num, ysq, ERF_A2);
    den = Math.fma(den, ysq, ERF_B1);
    num = Math.fma(num, ysq, ERF_A3);
    den = Math.fma(den, ysq, ERF_B2);
    num = Math.fma(num, ysq, ERF_A4);
    den = Math.fma(den, ysq, ERF_B3);
    return num / den;
  }

  /** R(y) = e^{y²}·erfc(y) for y > 0.46875 (Cody's second and third intervals). */
  static double erfcScaledRational(double y) {
    if (y <= 4.0) {
      // Horner with FMA (one rounding per step, half the latency of multiply-then-add)
      double num = Math.fma(ERFC_C0, y, ERFC_C1);
      double den = y + ERFC_D0;
      num = Math.fma(num, y, ERFC_C2);
      den = Math.fma(den, y, ERFC_D1);
      num = Math.fma(num, y, ERFC_C3);
      den = Math.fma(den, y, ERFC_D2);
      num = Math.fma(num, y, ERFC_C4);
      den = Math.fma(den, y, ERFC_D3);
      num = Math.fma(num, y, ERFC_C5);
      den = Math.fma(den, y, ERFC_D4);
      num = Math.fma(num, y, ERFC_C6);
      den = Math.fma(den, y, ERFC_D5);
      num = Math.fma(num, y, ERFC_C7);
      den = Math.fma(den, y, ERFC_D6);
      num = Math.fma(num, y, ERFC_C8);
      den = Math.fma(den, y, ERFC_D7);
      return num / den;
    }
    double z = 1.0 / (y * y);
    double num = 1.63153871373020978e-2 * z;
    double den = z;
    num = (num + 3.05326634961232344e-1) * z;
    den = (den + 2.56852019228982242e00) * z;
    num = (num + 3.60344899949804439e-1) * z;
    den = (den + 1.87295284992346047e00) * z;
    num = (num + 1.25781726111229246e-1) * z;
    den = (den + 5.27905102951428412e-1) * z;
    num = (num + 1.60837851487422766e-2) * z;
    den = (den + 6.05183413124413191e-2) * z;
    double r = z * (num + 6.58749161529837803e-4) / (den + 2.33520497626869185e-3);
    return (INV_SQRT_PI - r) / y;
  }
}
