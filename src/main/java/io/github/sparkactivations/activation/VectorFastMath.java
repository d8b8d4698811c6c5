package io.github.sparkactivations.activation;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The scalar kernels of {@link FastMath} lane by lane on the JDK Vector API, giving the same bits for
 * every lane whose input the scalar kernel evaluates without calling {@code Math.exp} (the callers send
 * the other lanes to the scalar kernel): the same constants, the same operations in the same order,
 * a fused multiply-add exactly where the scalar code calls {@code Math.fma}.
 *
 * <p>Two scalar steps have no Vector API operation in Java 17 and are rebuilt exactly: {@code Math.rint}
 * of |t| &lt; 2^51 is {@code (t + 1.5·2^52) − 1.5·2^52} (the addition rounds to an integer, ties to
 * even, like rint), and 2^k is read from the bits of that same sum (its low mantissa bits hold k), which
 * avoids a double-to-long conversion (no AVX2 instruction) and any 64-bit arithmetic shift right.
 *
 * <p>Written for C2: every method is small enough to be inlined into the caller's loop, and no mask
 * is tested here (a test per vector stays in the caller, once, before any work).
 */
final class VectorFastMath {

  static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

  /** 1.5·2^52: adding it rounds |t| &lt; 2^51 to an integer; the sum's low bits are that integer. */
  private static final double ROUND_D = 0x1.8p52;

  // Every constant as a vector, built once: an operation with a scalar operand inlines a broadcast,
  // and the IR nodes of the inlined Vector API calls count against C2's inlining cut-off
  // (NodeCountInliningCutoff); past it, the rest of the loop is compiled as boxed calls.
  static final DoubleVector ZERO = c(0.0);
  static final DoubleVector HALF = c(0.5);
  static final DoubleVector ONE = c(1.0);
  static final DoubleVector TWO = c(2.0);
  static final DoubleVector MINUS_ONE = c(-1.0);
  private static final DoubleVector ROUND = c(ROUND_D);
  private static final DoubleVector INV_LN2 = c(FastMath.INV_LN2);
  private static final DoubleVector MINUS_LN2_HI = c(-FastMath.LN2_HI);
  private static final DoubleVector MINUS_LN2_LO = c(-FastMath.LN2_LO);
  private static final DoubleVector TANH_ONE = c(22.0);
  private static final DoubleVector MINUS_700 = c(-700.0);
  static final DoubleVector C600 = c(600.0);
  static final DoubleVector C700 = c(700.0);
  private static final LongVector BIAS = LongVector.broadcast(S.withLanes(long.class), 1023L);
  private static final LongVector SIGN = LongVector.broadcast(S.withLanes(long.class), 0x8000000000000000L);
  private static final LongVector MAGNITUDE = SIGN.not();
  private static final DoubleVector Q0 = c(FastMath.Q0);
  private static final DoubleVector Q1 = c(FastMath.Q1);
  private static final DoubleVector Q2 = c(FastMath.Q2);
  private static final DoubleVector Q3 = c(FastMath.Q3);
  private static final DoubleVector Q4 = c(FastMath.Q4);
  private static final DoubleVector Q5 = c(FastMath.Q5);
  private static final DoubleVector Q6 = c(FastMath.Q6);
  private static final DoubleVector Q7 = c(FastMath.Q7);
  private static final DoubleVector Q8 = c(FastMath.Q8);
  private static final DoubleVector Q9 = c(FastMath.Q9);
  // the log1pUnit polynomial in the scaled variable: G's coefficients times exact powers of 1/4
  private static final DoubleVector G0 = c(FastMath.L0 * 0x1p-2);
  private static final DoubleVector G1 = c(FastMath.L1 * 0x1p-4);
  private static final DoubleVector G2 = c(FastMath.L2 * 0x1p-6);
  private static final DoubleVector G3 = c(FastMath.L3 * 0x1p-8);
  private static final DoubleVector G4 = c(FastMath.L4 * 0x1p-10);
  private static final DoubleVector G5 = c(FastMath.L5 * 0x1p-12);
  private static final DoubleVector G6 = c(FastMath.L6 * 0x1p-14);
  private static final DoubleVector G7 = c(FastMath.L7 * 0x1p-16);
  private static final DoubleVector G8 = c(FastMath.L8 * 0x1p-18);
  private static final DoubleVector G9 = c(FastMath.L9 * 0x1p-20);

  private VectorFastMath() {}

  /** v in every lane. */
  static DoubleVector c(double v) {
    return DoubleVector.broadcast(S, v);
  }

  /** {@link FastMath#exp} for lanes with |x| &lt; 700. */
  static DoubleVector exp(DoubleVector x) {
    DoubleVector kr = x.mul(INV_LN2).add(ROUND);
    DoubleVector s = twoTo(kr);
    return s.fma(expm1Reduced(reduce(x, kr.sub(ROUND))), s);
  }

  /** The e^x − 1 of {@link FastMath#expm1} for lanes with |x| &lt; 700, before the sign of zero is fixed. */
  static DoubleVector expm1Finite(DoubleVector x) {
    DoubleVector kr = x.mul(INV_LN2).add(ROUND);
    DoubleVector s = twoTo(kr);
    return s.fma(expm1Reduced(reduce(x, kr.sub(ROUND))), s.sub(ONE));
  }

  /** {@link FastMath#expm1} for lanes that are not NaN: −1 from x ≤ −700 on; garbage for x ≥ 700. */
  static DoubleVector expm1(DoubleVector x) {
    return copySign(expm1Finite(x), x).blend(MINUS_ONE, x.compare(VectorOperators.LE, MINUS_700));
  }

  /**
   * {@link FastMath#tanh} for lanes that are not NaN: sign(x)·t/(t + 2) with t = expm1(2|x|), and ±1
   * from |x| = 22 on.
   */
  static DoubleVector tanh(DoubleVector x) {
    DoubleVector a = x.abs();
    DoubleVector t = expm1Finite(a.add(a));
    DoubleVector r = t.div(t.add(TWO)).blend(ONE, a.compare(VectorOperators.GE, TANH_ONE));
    return copySign(r, x);
  }

  /** {@link FastMath#softplus}, max(t, 0) + log1p(e^{−|t|}), for lanes with |t| &lt; 700. */
  static DoubleVector softplus(DoubleVector t) {
    // Math.max(t, 0.0) for finite t (−0.0 gives +0.0 either way)
    DoubleVector m = ZERO.blend(t, t.compare(VectorOperators.GT, ZERO));
    return m.add(log1pUnit(exp(t.abs().neg())));
  }

  /** {@link FastMath#log1pUnit}: ln(1 + y) = S + S³G(S²/4)/4 with S = 2y/(2 + y), for y in [0, 1]. */
  static DoubleVector log1pUnit(DoubleVector y) {
    DoubleVector s2 = y.add(y).div(y.add(TWO));
    DoubleVector w4 = s2.mul(s2);
    DoubleVector h = w4.fma(G9, G8);
    h = w4.fma(h, G7);
    h = w4.fma(h, G6);
    h = w4.fma(h, G5);
    h = w4.fma(h, G4);
    h = w4.fma(h, G3);
    h = w4.fma(h, G2);
    h = w4.fma(h, G1);
    h = w4.fma(h, G0);
    return s2.mul(w4).fma(h, s2);
  }

  /** {@code Math.copySign(magnitude, sign)} lane by lane. */
  static DoubleVector copySign(DoubleVector magnitude, DoubleVector sign) {
    return magnitude.reinterpretAsLongs().and(MAGNITUDE)
        .or(sign.reinterpretAsLongs().and(SIGN)).reinterpretAsDoubles();
  }

  /** r = x − k ln 2 with the two-part ln 2: fma(−k, LO, fma(−k, HI, x)); (−k)·c = k·(−c) exactly. */
  private static DoubleVector reduce(DoubleVector x, DoubleVector k) {
    return k.fma(MINUS_LN2_LO, k.fma(MINUS_LN2_HI, x));
  }

  /** 2^k from kr = k + 1.5·2^52: the low 12 bits of bits(kr) + 1023 are k + 1023, shifted into the exponent. */
  private static DoubleVector twoTo(DoubleVector kr) {
    return kr.reinterpretAsLongs().add(BIAS).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
  }

  /** {@link FastMath#expm1Reduced}: r + r²/2 + r³Q(r), Q by Estrin's scheme. */
  private static DoubleVector expm1Reduced(DoubleVector r) {
    DoubleVector r2 = r.mul(r);
    DoubleVector r4 = r2.mul(r2);
    DoubleVector q01 = r.fma(Q1, Q0);
    DoubleVector q23 = r.fma(Q3, Q2);
    DoubleVector q45 = r.fma(Q5, Q4);
    DoubleVector q67 = r.fma(Q7, Q6);
    DoubleVector q89 = r.fma(Q9, Q8);
    DoubleVector q03 = q23.fma(r2, q01);
    DoubleVector q47 = q67.fma(r2, q45);
    DoubleVector q = q89.fma(r4.mul(r4), q47.fma(r4, q03));
    return r2.fma(r.fma(q, HALF), r);
  }
}
