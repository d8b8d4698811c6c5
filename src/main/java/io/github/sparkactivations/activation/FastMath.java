package io.github.sparkactivations.activation;

/**
 * The elementary scalar functions the activations are built on (e^x, expm1, tanh, log1p, and the
 * logistic sigmoid, softplus and GELU built from them): fast, accurate, and shared by the scalar
 * ({@code value}) and bulk ({@code apply}) paths of the activations, so that both paths (and the dense
 * and sparse code paths built on them) give bit-for-bit the same results.
 *
 * <p>Why: on JDK 17 {@code Math.tanh}, {@code Math.expm1} and {@code Math.log1p} are not HotSpot
 * intrinsics; they call the fdlibm port of {@code StrictMath} (about 25-30 ns per call here), while
 * {@code Math.exp}, {@code Math.log} and {@code Math.fma} are compiled to inline machine code. Every
 * kernel below is built on the intrinsics and stays within a few ulp of the correctly rounded result,
 * far inside the library's 1e-12 relative bound ({@code docs/activations.md#accuracy}). The bounds quoted are the
 * worst relative errors measured against 40-digit mpmath references over several million points
 * (uniform, log-uniform and around every branch cut); see {@code FastMathTest} and
 * {@code bench/check_kernels.py}.
 *
 * <p>Special values ({@code docs/activations.md#special-values}): NaN in gives NaN out, infinities give the
 * limits, and odd functions keep the sign of zero.
 */
final class FastMath {

  private FastMath() {}

  static final double INV_LN2 = 1.4426950408889634;
  /** ln 2 = LN2_HI + LN2_LO to about 2^-106. */
  static final double LN2_HI = 0.6931471805599453;
  static final double LN2_LO = 2.3190468138462996e-17;

  // Q(r) = (expm1(r) - r - r^2/2) / r^3 on |r| <= ln(2)/2: degree-9 Chebyshev fit (mpmath.chebyfit at
  // 50 digits, coefficients rounded to double; bench/check_kernels.py --coefficients regenerates them).
  // Relative error of r + r^2/2 + r^3 Q(r) against expm1(r): 1.1e-18 on the interval.
  static final double Q0 = 0.16666666666666669;
  static final double Q1 = 0.041666666666666664;
  static final double Q2 = 0.008333333333330065;
  static final double Q3 = 0.0013888888888886554;
  static final double Q4 = 0.0001984126986304067;
  static final double Q5 = 2.4801587317135252e-05;
  static final double Q6 = 2.7557268480116333e-06;
  static final double Q7 = 2.7557282983917557e-07;
  static final double Q8 = 2.5100375924709717e-08;
  static final double Q9 = 2.0911229795563617e-09;

  /**
   * {@code keep ? x : +0.0} as a bit mask: C2 compiles the {@code long} select to a conditional move,
   * where a {@code double} select on x86 stays a branch that mispredicts on random-signed data. The
   * piecewise activations whose dead zone is an exact zero (hardshrink, shrink, thresholded_relu) use
   * it with a NaN-true test ({@code !(|x| <= λ)}), so NaN passes through as itself.
   */
  static double keepOrZero(boolean keep, double x) {
    return Double.longBitsToDouble(Double.doubleToRawLongBits(x) & (keep ? -1L : 0L));
  }

  /**
   * e^x, as {@code Math.exp} (which HotSpot compiles to a call of its assembly stub) but inlined into
   * the caller's loop: Tang's method as in {@link #expm1}, e^x = 2^k (1 + p) = fma(2^k, p, 2^k), one
   * rounding. Within 1 ulp (measured worst case 0.96 ulp). Outside |x| < 700 (NaN, infinities,
   * overflow and the subnormal range) it returns {@code Math.exp(x)}.
   */
  static double exp(double x) {
    if (!(Math.abs(x) < 700.0)) {
      return Math.exp(x);
    }
    double k = Math.rint(x * INV_LN2);
    double s = twoTo(k);
    return Math.fma(s, expm1Reduced(Math.fma(-k, LN2_LO, Math.fma(-k, LN2_HI, x))), s);
  }

  /**
   * e^x - 1 without cancellation (Tang's method, as fdlibm's expm1 but with a minimax polynomial and
   * FMA): x = k ln2 + r with k = rint(x/ln2) and |r| <= ln2/2 (r computed with a two-part ln 2, exact to
   * far below one ulp); p = expm1(r) = r + r^2/2 + r^3 Q(r), Q by Estrin's scheme to keep the dependency
   * chain short; then e^x - 1 = 2^k (1 + p) - 1 = fma(2^k, p, 2^k - 1), one rounding, where 2^k - 1 is
   * exact for the k that matter. No branch on the size of x below 700, so a loop over mixed data does
   * not mispredict. Outside |x| < 700 (and for NaN) it returns {@code Math.exp(x) - 1}, exact there to
   * the last bit (e^x - 1 rounds to e^x or to -1). NaN gives NaN, +Inf gives +Inf, -Inf gives -1,
   * -0.0 gives -0.0.
   */
  static double expm1(double x) {
    if (!(Math.abs(x) < 700.0)) {
      return Math.exp(x) - 1.0;
    }
    // expm1 has the sign of x and rounding cannot change it; copySign only restores -0.0 for x = -0.0
    return Math.copySign(expm1Finite(x), x);
  }

  /** e^x - 1 for |x| < 700 (+0.0 for both zeros). */
  private static double expm1Finite(double x) {
    double k = Math.rint(x * INV_LN2);
    double s = twoTo(k);
    return Math.fma(s, expm1Reduced(Math.fma(-k, LN2_LO, Math.fma(-k, LN2_HI, x))), s - 1.0);
  }

  /** 2^k for an integral double |k| <= 1022, built from its bits. */
  private static double twoTo(double k) {
    return Double.longBitsToDouble((long) (k + 1023) << 52);
  }

  /** expm1(r) = r + r^2/2 + r^3 Q(r) for |r| <= ln(2)/2. */
  private static double expm1Reduced(double r) {
    double r2 = r * r;
    double r4 = r2 * r2;
    double q01 = Math.fma(Q1, r, Q0);
    double q23 = Math.fma(Q3, r, Q2);
    double q45 = Math.fma(Q5, r, Q4);
    double q67 = Math.fma(Q7, r, Q6);
    double q89 = Math.fma(Q9, r, Q8);
    double q03 = Math.fma(q23, r2, q01);
    double q47 = Math.fma(q67, r2, q45);
    double q = Math.fma(q89, r4 * r4, Math.fma(q47, r4, q03));
    return Math.fma(r2, Math.fma(r, q, 0.5), r);
  }

  /**
   * tanh(x) = sign(x) t / (t + 2) with t = expm1(2|x|): no cancellation anywhere (t/(t+2) only adds
   * the division's and the addition's rounding), exactly +-1 from |x| = 22 on (tanh rounds to 1 from
   * 19.06 on), never outside [-1, 1] (rounding is monotone and t <= t + 2). Measured worst case:
   * 2.3 ulp. NaN gives NaN, +-Inf give +-1, -0.0 gives -0.0.
   */
  static double tanh(double x) {
    double a = Math.abs(x);
    if (!(a < 22.0)) {
      return a == a ? Math.copySign(1.0, x) : x;
    }
    double t = expm1Finite(a + a);
    return Math.copySign(t / (t + 2.0), x);
  }

  /**
   * The logistic function 1/(1+e^{-x}). The textbook form is already accurate (at most 1.5 ulp: e^{-x}
   * is within half an ulp, and 1 + e^{-x} and the division add one rounding each); it fails only where
   * e^{-x} overflows, x < -709.78, where it returns 0 instead of the subnormal e^x. There
   * 1 + e^{-x} == e^{-x} in double, so sigma(x) = e^x exactly; the guard costs one predictable
   * compare instead of the split form's unpredictable branch on the sign of x. NaN gives NaN, +Inf
   * gives 1, -Inf gives 0.
   */
  static double sigmoid(double x) {
    if (x < -709.0) {
      return Math.exp(x);
    }
    return 1.0 / (1.0 + exp(-x));
  }

  /**
   * ln(1 + e^t) = max(t, 0) + log1p(e^{-|t|}) with {@link #log1pUnit} for the log1p: accurate for every
   * t, no threshold shortcut. NaN gives NaN, +Inf gives +Inf, -Inf gives 0.
   */
  static double softplus(double t) {
    return Math.max(t, 0.0) + log1pUnit(exp(-Math.abs(t)));
  }

  // G(w) = (atanh(√w)/√w − 1)/w on 0 <= w <= 1/9: degree-9 Chebyshev fit (mpmath.chebyfit at 50
  // digits, coefficients rounded to double; bench/check_kernels.py --coefficients regenerates them).
  // Absolute error of the fit 4.5e-17, which enters ln(1 + y) multiplied by w <= 1/9.
  static final double L0 = 0.3333333333333333;
  static final double L1 = 0.20000000000007292;
  static final double L2 = 0.1428571428355438;
  static final double L3 = 0.11111111358713932;
  static final double L4 = 0.09090894718066429;
  static final double L5 = 0.07692785032479312;
  static final double L6 = 0.06657072104827468;
  static final double L7 = 0.06000536404795356;
  static final double L8 = 0.04400369243072337;
  static final double L9 = 0.08082022805971766;

  /**
   * log1p(y) for y in [0, 1] (and NaN), inlined (no call of {@code Math.log}'s stub): with
   * s = y/(2 + y) in [0, 1/3], ln(1 + y) = 2 atanh(s) = 2(s + s³G(s²)), G a polynomial (above). s is
   * the only rounded quantity that matters (two roundings, 2 + y and the quotient); the correction
   * s³G is at most 4% of s. About 2 ulp at most (s contributes up to 1.5 ulp of the result, the final
   * rounding 0.5; worst case measured against mpmath: 1.93 ulp over 10^6 random points, 1.99 ulp over
   * points chosen to make both roundings of s large, results just below a power of two;
   * {@code bench/check_kernels.py log1p}); exact (= y) for y < 2^-52, where 2 + y rounds to 2,
   * subnormal y included.
   *
   * <p>Evaluated in the scaled variable S = 2s = 2y/(2 + y), W = S² = 4w:
   * ln(1 + y) = S + S³ G(W/4)/4, whose coefficients are those of G times exact powers of 1/4. Every
   * step is the unscaled one times a power of two, so for normal y the result has the same bits as
   * 2·fma(s·w, G(w), s); but y + y is exact where y/2 is not, so a subnormal y (log_sigmoid(x) for
   * x > 708.4 takes this path) is returned exactly instead of losing its last bit to y/2
   * (log1p(4.9e-324) would round to 0).
   */
  static double log1pUnit(double y) {
    double s2 = (y + y) / (2.0 + y);
    double w4 = s2 * s2;
    double h = Math.fma(w4, L9 * 0x1p-20, L8 * 0x1p-18);
    h = Math.fma(w4, h, L7 * 0x1p-16);
    h = Math.fma(w4, h, L6 * 0x1p-14);
    h = Math.fma(w4, h, L5 * 0x1p-12);
    h = Math.fma(w4, h, L4 * 0x1p-10);
    h = Math.fma(w4, h, L3 * 0x1p-8);
    h = Math.fma(w4, h, L2 * 0x1p-6);
    h = Math.fma(w4, h, L1 * 0x1p-4);
    h = Math.fma(w4, h, L0 * 0x1p-2);
    return Math.fma(s2 * w4, h, s2);
  }

  /**
   * GELU x·Φ(x) for finite x, the exact form (not the tanh approximation), fast in the bulk of the
   * distribution, 0.663 < |x| <= 5.657 (|x|/√2 in Cody's second interval (0.46875, 4]): there
   * Φ(-|x|) = e^{-x²/2} R(|x|/√2) / 2 with Cody's rational R(y) = e^{y²} erfc(y) (Horner with FMA), x²
   * split exactly with an FMA so that no rounding of x/√2 enters the exponential, and e^{-x²/2} from
   * the inlined {@link #exp}; Φ(x) is that value for x < 0 and 1 minus it for x > 0, chosen by a
   * sign-bit select (no branch on the sign to mispredict). Within 4 ulp there. Small |x| and the tails
   * (0.7% of N(0, 2²) inputs) go to {@link Numerics#scaledNormalCdf}, which keeps the single rounding
   * into the subnormal range down to x = -38.5.
   */
  static double gelu(double x) {
    double aw = Math.abs(x) * Numerics.INV_SQRT2;
    if (!(aw > 0.46875 && aw <= 4.0)) {
      return Numerics.scaledNormalCdf(x, x);
    }
    double hi = x * x;
    double lo = Math.fma(x, x, -hi);
    double q = (0.5 * exp(-0.5 * hi)) * (1.0 - 0.5 * lo) * Numerics.erfcScaledRational(aw); // Φ(-|x|)
    long m = Double.doubleToRawLongBits(x) >> 63; // all ones for x < 0
    double phi = Double.longBitsToDouble(
        (Double.doubleToRawLongBits(q) & m) | (Double.doubleToRawLongBits(1.0 - q) & ~m));
    return x * phi;
  }
}
