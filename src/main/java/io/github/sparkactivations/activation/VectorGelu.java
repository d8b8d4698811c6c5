package io.github.sparkactivations.activation;

import static io.github.sparkactivations.activation.VectorFastMath.C600;
import static io.github.sparkactivations.activation.VectorFastMath.HALF;
import static io.github.sparkactivations.activation.VectorFastMath.ONE;
import static io.github.sparkactivations.activation.VectorFastMath.S;
import static io.github.sparkactivations.activation.VectorFastMath.TWO;
import static io.github.sparkactivations.activation.VectorFastMath.ZERO;
import static io.github.sparkactivations.activation.VectorFastMath.c;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.DoubleVector;

/**
 * The GELU loops of {@link VectorPath}: the exact form as {@link FastMath#gelu} (Cody's rationals of
 * {@link Numerics}, the same Horner steps) for |x|/√2 ≤ 4, and the tanh form as {@code Gelu} for
 * |2u| &lt; 600; every other vector (NaN, ±∞, the tails) and the tail of the array go to the scalar loop.
 */
final class VectorGelu {

  private static final int L = S.length();
  private static final DoubleVector INV_SQRT2 = c(Numerics.INV_SQRT2);
  private static final DoubleVector ERF_THRESHOLD = c(0.46875);
  private static final DoubleVector FOUR = c(4.0);
  private static final DoubleVector MINUS_HALF = c(-0.5);
  private static final DoubleVector SQRT_2_OVER_PI = c(Numerics.SQRT_2_OVER_PI);
  private static final DoubleVector TANH_CUBIC = c(Gelu.TANH_CUBIC);
  private static final DoubleVector A0 = c(Numerics.ERF_A0);
  private static final DoubleVector A1 = c(Numerics.ERF_A1);
  private static final DoubleVector A2 = c(Numerics.ERF_A2);
  private static final DoubleVector A3 = c(Numerics.ERF_A3);
  private static final DoubleVector A4 = c(Numerics.ERF_A4);
  private static final DoubleVector B0 = c(Numerics.ERF_B0);
  private static final DoubleVector B1 = c(Numerics.ERF_B1);
  private static final DoubleVector B2 = c(Numerics.ERF_B2);
  private static final DoubleVector B3 = c(Numerics.ERF_B3);
  private static final DoubleVector C0 = c(Numerics.ERFC_C0);
  private static final DoubleVector C1 = c(Numerics.ERFC_C1);
  private static final DoubleVector C2 = c(Numerics.ERFC_C2);
  private static final DoubleVector C3 = c(Numerics.ERFC_C3);
  private static final DoubleVector C4 = c(Numerics.ERFC_C4);
  private static final DoubleVector C5 = c(Numerics.ERFC_C5);
  private static final DoubleVector C6 = c(Numerics.ERFC_C6);
  private static final DoubleVector C7 = c(Numerics.ERFC_C7);
  private static final DoubleVector C8 = c(Numerics.ERFC_C8);
  private static final DoubleVector D0 = c(Numerics.ERFC_D0);
  private static final DoubleVector D1 = c(Numerics.ERFC_D1);
  private static final DoubleVector D2 = c(Numerics.ERFC_D2);
  private static final DoubleVector D3 = c(Numerics.ERFC_D3);
  private static final DoubleVector D4 = c(Numerics.ERFC_D4);
  private static final DoubleVector D5 = c(Numerics.ERFC_D5);
  private static final DoubleVector D6 = c(Numerics.ERFC_D6);
  private static final DoubleVector D7 = c(Numerics.ERFC_D7);

  private VectorGelu() {}

  /** x·Φ(x): Cody's first interval below |x|/√2 = 0.46875, his second up to 4. */
  static void exact(Gelu f, double[] in, double[] out) {
    int n = in.length;
    int i = 0;
    for (; i < S.loopBound(n); i += L) {
      DoubleVector x = DoubleVector.fromArray(S, in, i);
      DoubleVector aw = x.abs().mul(INV_SQRT2);
      if (!aw.compare(LE, FOUR).allTrue()) {
        f.applyScalar(in, out, i, i + L);
        continue;
      }
      // Numerics.scaledNormalCdf(x, x) for aw <= 0.46875: w = -x/√2, (x/2)(1 - w·erf(|w|)/|w|)
      DoubleVector w = x.neg().mul(INV_SQRT2);
      DoubleVector small = HALF.mul(x).mul(ONE.sub(w.mul(erfSmallRatio(aw.mul(aw)))));
      // FastMath.gelu: Φ(-|x|) = (e^{-x²/2}/2)(1 - lo/2)R(aw) with x² = hi + lo exactly
      DoubleVector hi = x.mul(x);
      DoubleVector lo = x.fma(x, hi.neg());
      DoubleVector q = HALF.mul(VectorFastMath.exp(hi.mul(MINUS_HALF))).mul(ONE.sub(HALF.mul(lo)))
          .mul(erfcScaledRational(aw));
      DoubleVector phi = ONE.sub(q).blend(q, x.compare(LT, ZERO));
      x.mul(phi).blend(small, aw.compare(LE, ERF_THRESHOLD)).intoArray(out, i);
    }
    f.applyScalar(in, out, i, n);
  }

  /** x·σ(2u), u = √(2/π)(x + 0.044715x³), as {@code Gelu}'s tanh form. */
  static void tanhForm(Gelu f, double[] in, double[] out) {
    int n = in.length;
    int i = 0;
    for (; i < S.loopBound(n); i += L) {
      DoubleVector x = DoubleVector.fromArray(S, in, i);
      DoubleVector u = SQRT_2_OVER_PI.mul(x).mul(ONE.add(TANH_CUBIC.mul(x).mul(x)));
      DoubleVector t = TWO.mul(u);
      if (!t.abs().compare(LT, C600).allTrue()) {
        f.applyScalar(in, out, i, i + L);
        continue;
      }
      x.div(ONE.add(VectorFastMath.exp(t.neg()))).intoArray(out, i);
    }
    f.applyScalar(in, out, i, n);
  }

  /** {@link Numerics#erfSmallRatio}. */
  private static DoubleVector erfSmallRatio(DoubleVector ysq) {
    DoubleVector num = A0.fma(ysq, A1);
    DoubleVector den = ysq.add(B0);
    num = num.fma(ysq, A2);
    den = den.fma(ysq, B1);
    num = num.fma(ysq, A3);
    den = den.fma(ysq, B2);
    num = num.fma(ysq, A4);
    den = den.fma(ysq, B3);
    return num.div(den);
  }

  /** {@link Numerics#erfcScaledRational} for y in (0.46875, 4]. */
  private static DoubleVector erfcScaledRational(DoubleVector y) {
    DoubleVector num = C0.fma(y, C1);
    DoubleVector den = y.add(D0);
    num = num.fma(y, C2);
    den = den.fma(y, D1);
    num = num.fma(y, C3);
    den = den.fma(y, D2);
    num = num.fma(y, C4);
    den = den.fma(y, D3);
    num = num.fma(y, C5);
    den = den.fma(y, D4);
    num = num.fma(y, C6);
    den = den.fma(y, D5);
    num = num.fma(y, C7);
    den = den.fma(y, D6);
    num = num.fma(y, C8);
    den = den.fma(y, D7);
    return num.div(den);
  }
}
