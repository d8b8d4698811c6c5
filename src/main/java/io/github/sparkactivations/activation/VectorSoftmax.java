package io.github.sparkactivations.activation;

import static io.github.sparkactivations.activation.VectorFastMath.S;
import static io.github.sparkactivations.activation.VectorFastMath.c;
import static jdk.incubator.vector.VectorOperators.GT;

import jdk.incubator.vector.DoubleVector;

/**
 * The softmax-family rows of {@link VectorPath}: {@link SoftmaxRows}' algorithm with the exponentials
 * e^{sign·x_j − m} computed a vector at a time (entries below −700, where the scalar kernel calls
 * {@code Math.exp}, by the scalar kernel) and everything else as there: the same scan for the maximum
 * and the special rows, the sum in index order leaving out the maximum's own term, the same
 * division or log1p. So the results are {@link SoftmaxRows}' bit for bit.
 */
final class VectorSoftmax {

  private static final int L = S.length();
  private static final DoubleVector MINUS_700 = c(-700.0);

  private VectorSoftmax() {}

  /** {@link SoftmaxRows#softmax}. */
  static void softmax(double[] in, double[] out, double sign) {
    int k = SoftmaxRows.maxOrSpecialRow(in, out, sign, 0.0, 1.0);
    if (k < 0) {
      return;
    }
    int n = in.length;
    double m = sign * in[k];
    // out[j] = e^{sign·in[j] − m} (out[k] = e^0 = 1), each in[j] read before out[j] is written
    DoubleVector vs = c(sign);
    DoubleVector vm = c(m);
    int i = 0;
    for (; i < S.loopBound(n); i += L) {
      DoubleVector a = DoubleVector.fromArray(S, in, i).mul(vs).sub(vm);
      if (!a.compare(GT, MINUS_700).allTrue()) {
        scalarExp(in, out, i, i + L, sign, m);
        continue;
      }
      VectorFastMath.exp(a).intoArray(out, i);
    }
    scalarExp(in, out, i, n, sign, m);
    out[k] = 1.0;
    double s = 0.0;
    for (int j = 0; j < k; j++) {
      s += out[j];
    }
    for (int j = k + 1; j < n; j++) {
      s += out[j];
    }
    double d = 1.0 + s;
    for (int j = 0; j < n; j++) {
      out[j] /= d;
    }
  }

  /** {@link SoftmaxRows#logSoftmax}. */
  static void logSoftmax(double[] in, double[] out, double sign) {
    int k = SoftmaxRows.maxOrSpecialRow(in, out, sign, Double.NEGATIVE_INFINITY, 0.0);
    if (k < 0) {
      return;
    }
    int n = in.length;
    double m = sign * in[k];
    double l = Math.log1p(sumExpExceptMax(in, n, sign, m, k));
    for (int j = 0; j < n; j++) {
      out[j] = (sign * in[j] - m) - l;
    }
  }

  /** Σ_{j≠k} e^{sign·in[j] − m} in index order; the vector's exponentials pass through a scratch row. */
  private static double sumExpExceptMax(double[] in, int n, double sign, double m, int k) {
    DoubleVector vs = c(sign);
    DoubleVector vm = c(m);
    double[] e = new double[L];
    double s = 0.0;
    int i = 0;
    for (; i < S.loopBound(n); i += L) {
      DoubleVector a = DoubleVector.fromArray(S, in, i).mul(vs).sub(vm);
      if (!a.compare(GT, MINUS_700).allTrue()) {
        scalarExpInto(in, e, i, L, sign, m);
      } else {
        VectorFastMath.exp(a).intoArray(e, 0);
      }
      for (int t = 0; t < L; t++) {
        if (i + t != k) {
          s += e[t];
        }
      }
    }
    for (; i < n; i++) {
      if (i != k) {
        s += FastMath.exp(sign * in[i] - m);
      }
    }
    return s;
  }

  private static void scalarExp(double[] in, double[] out, int from, int to, double sign, double m) {
    for (int j = from; j < to; j++) {
      out[j] = FastMath.exp(sign * in[j] - m);
    }
  }

  /** e[t] = e^{sign·in[from + t] − m} for t &lt; count. */
  private static void scalarExpInto(double[] in, double[] e, int from, int count, double sign,
      double m) {
    for (int t = 0; t < count; t++) {
      e[t] = FastMath.exp(sign * in[from + t] - m);
    }
  }
}
