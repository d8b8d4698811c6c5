package io.github.sparkactivations.activation;

/**
 * Fast, accurate scalar kernels shared by the scalar ({@code value}) and bulk ({@code apply}) paths of
 * the activations, so that both paths (and the dense and sparse code paths built on them) give
 * bit-for-bit the same results.
 *
 * <p>Why: on JDK 17 {@code Math.tanh}, {@code Math.expm1} and {@code Math.log1p} are not HotSpot
 * intrinsics; they call the fdlibm port of {@code StrictMath} (about 25-30 ns per call here), while
 * {@code Math.exp}, {@code Math.log} and {@code Math.fma} are compiled to inline machine code. Every
 * kernel below is built on the intrinsics and stays within a few ulp of the correctly rounded result,
 * far inside the library's 1e-12 relative bound (activation-spec.md C10). The bounds quoted are the
 * worst relative errors measured against 40-digit mpmath references over several million points
 * (uniform, log-uniform and around every branch cut); see {@code KernelsAccuracyTest} and
 * {@code bench/check_kernels.py}.
 *
 * <p>Special values follow activation-spec.md C1-C3: NaN in gives NaN out, infinities give the
 * limits, and odd functions keep the sign of zero.
 */
final class Kernels {

  private Kernels() {}

  private static final double INV_LN2 = 1.4426950408889634;
  /** ln 2 = LN2_HI + LN2_LO to about 2^-106. */
  private static final double LN2_HI = 0.6931471805599453;
  private static final double LN2_LO = 2.3190468138462996e-17;

  // Q(r) = (expm1(r) - r - r^2/2) / r^3 on |r| <= ln(2)/2: degree-9 Chebyshev fit (mpmath.chebyfit at
  // 50 digits, coefficients rounded to double; bench/check_kernels.py --coefficients regenerates them).
  // Relative error of r + r^2/2 + r^3 Q(r) against expm1(r): 1.1e-18 on the interval.
  private static final double Q0 = 0.16666666666666669;
  private static final double Q1 = 0.041666666666666664;
  private static final double Q2 = 0.008333333333330065;
  private static final double Q3 = 0.0013888888888886554;
  private static final double Q4 = 0.0001984126986304067;
  private static final double Q5 = 2.4801587317135252e-05;
  private static final double Q6 = 2.7557268480116333e-06;
  private static final double Q7 = 2.7557282983917557e-07;
  private static final double Q8 = 2.5100375924709717e-08;
  private static final double Q9 = 2.0911229795563617e-09;

  /**
   * e^x - 1 without cancellation, branch-free for |x| < 700 (Tang's method, as fdlibm's expm1 but with
   * a minimax polynomial and FMA): x = k ln2 + r with k = rint(x/ln2) and |r| <= ln2/2 (r computed with
   * a two-part ln 2, exact to far below one ulp); p = expm1(r) = r + r^2/2 + r^3 Q(r), with Q evaluated
   * by Estrin's scheme to keep the dependency chain short; then e^x - 1 = 2^k (1 + p) - 1 =
   * fma(2^k, p, 2^k - 1), one rounding, where 2^k - 1 is exact for the k that matter. Outside
   * |x| < 700 (and for NaN) it returns {@code Math.exp(x) - 1}, which is exact there to the last bit
   * (e^x - 1 rounds to e^x or to -1). Measured worst case: see the class comment. NaN gives NaN,
   * +Inf gives +Inf, -Inf gives -1, -0.0 gives -0.0.
   */
  static double expm1(double x) {
    if (!(Math.abs(x) < 700.0)) {
      return Math.exp(x) - 1.0;
    }
    double k = Math.rint(x * INV_LN2);
    double r = Math.fma(-k, LN2_HI, x);
    r = Math.fma(-k, LN2_LO, r);
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
    double p = Math.fma(r2, Math.fma(r, q, 0.5), r);
    double s = Double.longBitsToDouble((long) (k + 1023) << 52); // 2^k, |k| <= 1010
    // expm1 has the sign of x and rounding cannot change it; copySign only restores -0.0 for x = -0.0
    return Math.copySign(Math.fma(s, p, s - 1.0), x);
  }

  /**
   * tanh(x) = sign(x) t / (t + 2) with t = expm1(2|x|): no cancellation anywhere (t/(t+2) only loses
   * the division's and the addition's rounding), exactly +-1 from |x| = 22 on (tanh rounds to 1 from
   * 19.06 on). Measured worst case: 3.2 ulp. NaN gives NaN, +-Inf give +-1, -0.0 gives -0.0.
   */
  static double tanh(double x) {
    double a = Math.abs(x);
    if (a >= 22.0) {
      return Math.copySign(1.0, x);
    }
    double t = expm1(a + a);
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
    return 1.0 / (1.0 + Math.exp(-x));
  }

  /**
   * ln(1 + e^t) = max(t, 0) + log1p(e^{-|t|}) with {@link #log1pUnit} for the log1p: accurate for every
   * t, no threshold shortcut. NaN gives NaN, +Inf gives +Inf, -Inf gives 0.
   */
  static double softplus(double t) {
    return Math.max(t, 0.0) + log1pUnit(Math.exp(-Math.abs(t)));
  }

  /**
   * log1p(y) for y in [0, 1] (and NaN) from the intrinsic {@code Math.log}: u = 1 + y rounds with an
   * error d = (u - 1) - y that is computed exactly (Fast2Sum, |y| <= 1), and
   * ln(1 + y) = ln(u - d) = ln u - d/u + O(d^2). At most 1.5 ulp; exact (= y) where 1 + y rounds to 1.
   */
  static double log1pUnit(double y) {
    double u = 1.0 + y;
    double d = (u - 1.0) - y;
    return Math.log(u) - d / u;
  }
}
