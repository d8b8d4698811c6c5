package io.github.sparkactivations.activation;

import static io.github.sparkactivations.activation.VectorFastMath.S;
import static io.github.sparkactivations.activation.VectorFastMath.c;
import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.DoubleVector;

/**
 * The bulk loops on the JDK Vector API, {@link DoubleVector#SPECIES_PREFERRED} lanes at a time. Loaded
 * by {@link KernelPath} only when {@code jdk.incubator.vector} is in the JVM. Each loop tests once per
 * vector whether every lane lies in the range the vector code covers (a NaN never does); if not, that
 * vector's entries go to the activation's scalar loop, as does the tail shorter than one vector, so the
 * results are the scalar ones bit for bit. The ranges are those where the scalar kernels need neither
 * {@code Math.exp} (overflow, subnormal results) nor a special case (NaN, ±∞).
 */
final class VectorPath implements BulkPath {

  private static final int L = S.length();

  /**
   * @throws UnsupportedOperationException if a vector holds fewer than four doubles: 128-bit vectors
   *     are unmeasured (and with -XX:UseAVX=0 they ran hundreds of times slower than scalar), so the
   *     scalar loops are kept there
   */
  VectorPath() {
    if (L < 4) {
      throw new UnsupportedOperationException("the preferred vector shape holds only " + L + " doubles ("
          + S.vectorBitSize() + "-bit); the vector kernels need 256-bit vectors or wider");
    }
  }

  @Override
  public String describe() {
    return "vector API, " + L + " lanes (" + S.vectorBitSize() + "-bit)";
  }

  @Override
  public int lanes() {
    return L;
  }

  private static DoubleVector load(double[] in, int i) {
    return DoubleVector.fromArray(S, in, i);
  }

  /** Every lane |v| &lt; bound (false for NaN). */
  private static boolean within(DoubleVector v, DoubleVector bound) {
    return v.abs().compare(LT, bound).allTrue();
  }

  /** No lane is NaN. */
  private static boolean noNaN(DoubleVector v) {
    return v.compare(EQ, v).allTrue();
  }

  @Override
  public void sigmoid(Sigmoid f, double[] in, double[] out) {
    int n = in.length;
    DoubleVector lambda = c(f.lambda());
    int i = 0;
    for (; i < S.loopBound(n); i += L) {
      DoubleVector t = load(in, i).mul(lambda);
      if (!within(t, VectorFastMath.C700)) {
        f.applyScalar(in, out, i, i + L);
        continue;
      }
      VectorFastMath.ONE.div(VectorFastMath.exp(t.neg()).add(VectorFastMath.ONE)).intoArray(out, i);
    }
    f.applyScalar(in, out, i, n);
  }

  @Override
  public void tanh(Tanh f, double[] in, double[] out) {
    int n = in.length;
    int i = 0;
    for (; i < S.loopBound(n); i += L) {
      DoubleVector x = load(in, i);
      if (!noNaN(x)) {
        f.applyScalar(in, out, i, i + L);
        continue;
      }
      VectorFastMath.tanh(x).intoArray(out, i);
    }
    f.applyScalar(in, out, i, n);
  }

  @Override
  public void bipolarSigmoid(BipolarSigmoid f, double[] in, double[] out) {
    int n = in.length;
    DoubleVector h = c(0.5 * f.lambda());
    int i = 0;
    for (; i < S.loopBound(n); i += L) {
      DoubleVector u = load(in, i).mul(h);
      if (!noNaN(u)) {
        f.applyScalar(in, out, i, i + L);
        continue;
      }
      VectorFastMath.tanh(u).intoArray(out, i);
    }
    f.applyScalar(in, out, i, n);
  }

  @Override
  public void elu(Elu f, double[] in, double[] out) {
    expLinear(f, in, out, 1.0, f.alpha(), 1.0);
  }

  @Override
  public void selu(Selu f, double[] in, double[] out) {
    expLinear(f, in, out, f.gamma(), f.gamma() * f.alpha(), 1.0);
  }

  @Override
  public void celu(Celu f, double[] in, double[] out) {
    expLinear(f, in, out, 1.0, f.alpha(), f.alpha());
  }

  /**
   * x &gt; 0 ? pos·x : neg·expm1(x/div), for f = elu, selu or celu (pos·x and x/div are skipped where
   * pos = 1, div = 1, as in their scalar code); f's scalar loop takes the NaN vectors and the tail.
   */
  private static void expLinear(ElementwiseActivation f, double[] in, double[] out, double pos, double neg,
      double div) {
    DoubleVector vpos = c(pos);
    DoubleVector vneg = c(neg);
    DoubleVector vdiv = c(div);
    int n = in.length;
    int i = 0;
    for (; i < S.loopBound(n); i += L) {
      DoubleVector x = load(in, i);
      if (!noNaN(x)) {
        expLinearScalar(f, in, out, i, i + L);
        continue;
      }
      DoubleVector e = VectorFastMath.expm1(div == 1.0 ? x : x.div(vdiv)).mul(vneg);
      e.blend(pos == 1.0 ? x : x.mul(vpos), x.compare(GT, VectorFastMath.ZERO)).intoArray(out, i);
    }
    expLinearScalar(f, in, out, i, n);
  }

  private static void expLinearScalar(ElementwiseActivation f, double[] in, double[] out, int from, int to) {
    if (f instanceof Elu e) {
      e.applyScalar(in, out, from, to);
    } else if (f instanceof Selu s) {
      s.applyScalar(in, out, from, to);
    } else {
      ((Celu) f).applyScalar(in, out, from, to);
    }
  }

  @Override
  public void silu(Silu f, double[] in, double[] out) {
    int n = in.length;
    int i = 0;
    for (; i < S.loopBound(n); i += L) {
      DoubleVector x = load(in, i);
      if (!within(x, VectorFastMath.C600)) { // Numerics.DEEP_TAIL and beyond
        f.applyScalar(in, out, i, i + L);
        continue;
      }
      x.div(VectorFastMath.exp(x.neg()).add(VectorFastMath.ONE)).intoArray(out, i);
    }
    f.applyScalar(in, out, i, n);
  }

  @Override
  public void swish(Swish f, double[] in, double[] out) {
    int n = in.length;
    DoubleVector alpha = c(f.alpha());
    int i = 0;
    for (; f.alpha() != 0.0 && i < S.loopBound(n); i += L) {
      DoubleVector x = load(in, i);
      DoubleVector t = x.mul(alpha);
      if (!within(t, VectorFastMath.C600)) {
        f.applyScalar(in, out, i, i + L);
        continue;
      }
      x.div(VectorFastMath.exp(t.neg()).add(VectorFastMath.ONE)).intoArray(out, i);
    }
    f.applyScalar(in, out, i, n);
  }

  @Override
  public void softplus(Softplus f, double[] in, double[] out) {
    int n = in.length;
    DoubleVector beta = c(f.beta());
    int i = 0;
    for (; i < S.loopBound(n); i += L) {
      DoubleVector t = load(in, i).mul(beta); // exact for β = 1
      if (!within(t, VectorFastMath.C600)) {
        f.applyScalar(in, out, i, i + L);
        continue;
      }
      VectorFastMath.softplus(t).div(beta).intoArray(out, i);
    }
    f.applyScalar(in, out, i, n);
  }

  @Override
  public void logSigmoid(LogSigmoid f, double[] in, double[] out) {
    int n = in.length;
    int i = 0;
    for (; i < S.loopBound(n); i += L) {
      DoubleVector x = load(in, i);
      if (!within(x, VectorFastMath.C700)) {
        f.applyScalar(in, out, i, i + L);
        continue;
      }
      VectorFastMath.softplus(x.neg()).neg().intoArray(out, i);
    }
    f.applyScalar(in, out, i, n);
  }

  @Override
  public void mish(Mish f, double[] in, double[] out) {
    int n = in.length;
    int i = 0;
    for (; i < S.loopBound(n); i += L) {
      DoubleVector x = load(in, i);
      if (!within(x, VectorFastMath.C600)) {
        f.applyScalar(in, out, i, i + L);
        continue;
      }
      x.mul(VectorFastMath.tanh(VectorFastMath.softplus(x))).intoArray(out, i);
    }
    f.applyScalar(in, out, i, n);
  }

  @Override
  public void gelu(Gelu f, double[] in, double[] out) {
    if (f.approximate() == Gelu.Approximate.NONE) {
      VectorGelu.exact(f, in, out);
    } else {
      VectorGelu.tanhForm(f, in, out);
    }
  }

  @Override
  public void softmax(double[] in, double[] out, double sign) {
    VectorSoftmax.softmax(in, out, sign);
  }

  @Override
  public void logSoftmax(double[] in, double[] out) {
    VectorSoftmax.logSoftmax(in, out, 1.0);
  }
}
