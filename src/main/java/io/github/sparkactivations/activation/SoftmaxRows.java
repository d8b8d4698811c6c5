package io.github.sparkactivations.activation;

import java.util.Arrays;

/**
 * The row algorithms of the softmax family ({@code docs/activations.md#row-wise-functions}), forward and
 * vector-Jacobian product over one row, shared by {@link Softmax}, {@link LogSoftmax} and {@link Softmin}.
 * Each works on {@code sign·x} (sign = +1 for softmax,
 * −1 for softmin), so softmin never allocates a negated copy. Allocation-free except where
 * {@code backward} is called with {@code out} aliasing an input, which needs one scratch row.
 */
final class SoftmaxRows {

  /** {@link #scan} result: the row is NaN (a NaN entry, two or more +∞, or all −∞). */
  private static final int NAN_ROW = -1;

  private SoftmaxRows() {}

  /**
   * One pass over {@code sign·in}: returns {@link #NAN_ROW}; or {@code -2 - j} when exactly one entry j is
   * +∞ (one-hot at j); or the first index k of the maximum (compared with {@code >}, so −0.0 and 0.0
   * tie and the first wins).
   */
  private static int scan(double[] in, int n, double sign) {
    double m = Double.NEGATIVE_INFINITY;
    int k = -1;
    int inf = -1;
    int infCount = 0;
    for (int i = 0; i < n; i++) {
      double v = sign * in[i];
      if (v != v) {
        return NAN_ROW;
      }
      if (v == Double.POSITIVE_INFINITY) {
        if (infCount++ == 0) {
          inf = i;
        }
      } else if (v > m) {
        m = v;
        k = i;
      }
    }
    if (infCount >= 2) {
      return NAN_ROW;
    }
    if (infCount == 1) {
      return -2 - inf;
    }
    return k < 0 ? NAN_ROW : k; // k < 0: every entry is −∞
  }

  /** Σ_{j≠k} e^{sign·in[j] − m}: each term in [0, 1], the max's own term 1 left out. */
  private static double sumExpExceptMax(double[] in, int n, double sign, double m, int k) {
    double s = 0.0;
    for (int j = 0; j < k; j++) {
      s += FastMath.exp(sign * in[j] - m);
    }
    for (int j = k + 1; j < n; j++) {
      s += FastMath.exp(sign * in[j] - m);
    }
    return s;
  }

  /**
   * The start shared by {@link #softmax} and {@link #logSoftmax}: checks the lengths, then either
   * writes a row that needs no exponential and returns −1 (the special rows: an empty row;
   * a NaN row; the one-hot limit of a single +∞ entry of {@code sign·in}, {@code on} there and
   * {@code off} elsewhere), or returns the first index k of the maximum of {@code sign·in} and leaves
   * {@code out} untouched.
   */
  static int maxOrSpecialRow(double[] in, double[] out, double sign, double off, double on) {
    Specs.checkLengths(in, out);
    int n = in.length;
    if (n == 0) {
      return -1;
    }
    int k = scan(in, n, sign);
    if (k == NAN_ROW) {
      Arrays.fill(out, 0, n, Double.NaN);
      return -1;
    }
    if (k < 0) {
      Arrays.fill(out, 0, n, off);
      out[-2 - k] = on;
      return -1;
    }
    return k;
  }

  /** out = softmax(sign·in). */
  static void softmax(double[] in, double[] out, double sign) {
    int k = maxOrSpecialRow(in, out, sign, 0.0, 1.0);
    if (k < 0) {
      return;
    }
    int n = in.length;
    double m = sign * in[k];
    // one exp per entry: e_j stored in out (in may be out: each entry is read before it is written),
    // summed in index order leaving out the max's own term e_k = 1, then divided by 1 + s
    double s = 0.0;
    for (int j = 0; j < k; j++) {
      double e = FastMath.exp(sign * in[j] - m);
      out[j] = e;
      s += e;
    }
    out[k] = 1.0;
    for (int j = k + 1; j < n; j++) {
      double e = FastMath.exp(sign * in[j] - m);
      out[j] = e;
      s += e;
    }
    double d = 1.0 + s;
    for (int i = 0; i < n; i++) {
      out[i] /= d;
    }
  }

  /** out = log_softmax(sign·in) = (sign·in − m) − log1p(Σ_{j≠k} e^{sign·in[j] − m}). */
  static void logSoftmax(double[] in, double[] out, double sign) {
    int k = maxOrSpecialRow(in, out, sign, Double.NEGATIVE_INFINITY, 0.0);
    if (k < 0) {
      return;
    }
    int n = in.length;
    double m = sign * in[k];
    double l = Math.log1p(sumExpExceptMax(in, n, sign, m, k));
    for (int i = 0; i < n; i++) {
      out[i] = (sign * in[i] - m) - l;
    }
  }

  /**
   * y = softmax(sign·in) for a backward pass: written into {@code out} unless {@code out} aliases
   * {@code in} or {@code upstream}, which the backward pass still reads (then into a scratch row).
   */
  private static double[] forward(double[] in, double[] upstream, double[] out, double sign) {
    double[] y = (out == in || out == upstream) ? new double[in.length] : out;
    softmax(in, y, sign);
    return y;
  }

  /** The first index of the largest probability (0 for a NaN row, whose gradient is NaN anyway). */
  private static int firstMax(double[] y) {
    int k = 0;
    for (int i = 1; i < y.length; i++) {
      if (y[i] > y[k]) {
        k = i;
      }
    }
    return k;
  }

  /**
   * The vector-Jacobian product of x ↦ softmax(sign·x): with y = softmax(sign·in),
   * {@code out = sign · y ⊙ (upstream − ⟨upstream, y⟩)} (the softmax Jacobian is symmetric). At the
   * largest entry k, u_k − ⟨u, y⟩ is evaluated as u_k·(1 − y_k) − Σ_{j≠k} u_j y_j with 1 − y_k taken
   * as Σ_{j≠k} y_j (a sum of non-negative terms), so a dominant y_k ≈ 1 does not cancel away the
   * digits of its gradient.
   */
  static void softmaxBackward(double[] in, double[] upstream, double[] out, double sign) {
    Specs.checkSameLengths(in, upstream, out);
    int n = in.length;
    if (n == 0) {
      return;
    }
    double[] y = forward(in, upstream, out, sign);
    int k = firstMax(y);
    double yk = y[k];
    double uk = upstream[k];
    double dotRest = 0.0; // Σ_{j≠k} u_j y_j
    double rest = 0.0; // Σ_{j≠k} y_j = 1 − y_k
    for (int j = 0; j < n; j++) {
      if (j != k) {
        dotRest += upstream[j] * y[j];
        rest += y[j];
      }
    }
    double dot = uk * yk + dotRest;
    for (int i = 0; i < n; i++) {
      if (i != k) {
        out[i] = sign * (y[i] * (upstream[i] - dot));
      }
    }
    out[k] = sign * (yk * (uk * rest - dotRest));
  }

  /**
   * The vector-Jacobian product of log_softmax: with y = softmax(in),
   * {@code out = upstream − y · Σ upstream}; at the largest entry k as u_k·Σ_{j≠k} y_j − y_k·Σ_{j≠k} u_j,
   * for the same reason as {@link #softmaxBackward}.
   */
  static void logSoftmaxBackward(double[] in, double[] upstream, double[] out) {
    Specs.checkSameLengths(in, upstream, out);
    int n = in.length;
    if (n == 0) {
      return;
    }
    double[] y = forward(in, upstream, out, 1.0);
    int k = firstMax(y);
    double yk = y[k];
    double uk = upstream[k];
    double sumRest = 0.0; // Σ_{j≠k} u_j
    double rest = 0.0; // Σ_{j≠k} y_j = 1 − y_k
    for (int i = 0; i < n; i++) {
      if (i != k) {
        sumRest += upstream[i];
        rest += y[i];
      }
    }
    double sum = uk + sumRest;
    for (int i = 0; i < n; i++) {
      if (i != k) {
        out[i] = upstream[i] - y[i] * sum;
      }
    }
    out[k] = uk * rest - yk * sumRest;
  }
}
