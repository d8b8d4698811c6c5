package io.github.sparkactivations.activation.reference;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;

/**
 * Reference softmax, log_softmax, softmin and hardmax of one row, with the special rows of
 * docs/activations.md#row-wise-functions written out as rules and the finite part evaluated in
 * BigDecimal (x_j - m is exact, e^{x_j - m} and log at {@link #DIGITS} digits, rounded once).
 */
public final class RefRowwise {

  static final int DIGITS = 50;

  private RefRowwise() {}

  public static double[] apply(String name, double[] x) {
    switch (name) {
      case "softmax":
        return softmax(x, false);
      case "log_softmax":
        return softmax(x, true);
      case "softmin":
        return softmax(negate(x), false);
      case "hardmax":
        return hardmax(x);
      default:
        throw new IllegalArgumentException("no row-wise reference for " + name);
    }
  }

  static double[] negate(double[] x) {
    double[] n = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      n[i] = -x[i];
    }
    return n;
  }

  private static double[] filled(int n, double v) {
    double[] out = new double[n];
    Arrays.fill(out, v);
    return out;
  }

  /** softmax (log = false) or log_softmax (log = true) of a row. */
  static double[] softmax(double[] x, boolean log) {
    int n = x.length;
    if (n == 0) {
      return new double[0];
    }
    int posInf = 0;
    int posInfAt = -1;
    boolean allNegInf = true;
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(x[i])) {
        return filled(n, Double.NaN);
      }
      if (x[i] == Double.POSITIVE_INFINITY) {
        posInf++;
        posInfAt = i;
      }
      if (x[i] != Double.NEGATIVE_INFINITY) {
        allNegInf = false;
      }
    }
    if (posInf >= 2 || allNegInf) {
      return filled(n, Double.NaN);
    }
    if (posInf == 1) {
      double[] out = filled(n, log ? Double.NEGATIVE_INFINITY : 0.0);
      out[posInfAt] = log ? 0.0 : 1.0;
      return out;
    }
    MathContext mc = Ref.mc(DIGITS);
    BigDecimal m = null;
    for (double v : x) {
      if (v != Double.NEGATIVE_INFINITY) {
        BigDecimal b = new BigDecimal(v);
        m = m == null || b.compareTo(m) > 0 ? b : m;
      }
    }
    BigDecimal[] d = new BigDecimal[n];
    BigDecimal[] e = new BigDecimal[n];
    BigDecimal s = BigDecimal.ZERO;
    for (int i = 0; i < n; i++) {
      if (x[i] == Double.NEGATIVE_INFINITY) {
        continue;
      }
      d[i] = new BigDecimal(x[i]).subtract(m);
      e[i] = Ref.exp(d[i], mc);
      s = s.add(e[i], mc);
    }
    double[] out = new double[n];
    BigDecimal logS = log ? Ref.log(s, mc) : null;
    for (int i = 0; i < n; i++) {
      if (x[i] == Double.NEGATIVE_INFINITY) {
        out[i] = log ? Double.NEGATIVE_INFINITY : 0.0;
      } else {
        out[i] = Ref.round(log ? d[i].subtract(logS, mc) : e[i].divide(s, mc));
      }
    }
    return out;
  }

  /** One-hot at the first maximum (-0.0 ties 0.0); NaN row if any NaN; all -Inf gives e_0. */
  static double[] hardmax(double[] x) {
    int n = x.length;
    if (n == 0) {
      return new double[0];
    }
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(x[i])) {
        return filled(n, Double.NaN);
      }
      if (x[i] > x[k]) {
        k = i;
      }
    }
    double[] out = new double[n];
    out[k] = 1.0;
    return out;
  }

  /** Softmax probabilities of a finite row in BigDecimal. */
  static BigDecimal[] probabilities(double[] x, MathContext mc) {
    BigDecimal m = new BigDecimal(x[0]);
    for (double v : x) {
      BigDecimal b = new BigDecimal(v);
      m = b.compareTo(m) > 0 ? b : m;
    }
    BigDecimal[] e = new BigDecimal[x.length];
    BigDecimal s = BigDecimal.ZERO;
    for (int i = 0; i < x.length; i++) {
      e[i] = Ref.exp(new BigDecimal(x[i]).subtract(m), mc);
      s = s.add(e[i], mc);
    }
    for (int i = 0; i < x.length; i++) {
      e[i] = e[i].divide(s, mc);
    }
    return e;
  }

  /**
   * The full Jacobian J[i][j] = d f_i / d x_j of a finite row, from the analytic formulas: softmax y_i(delta_ij - y_j); log_softmax delta_ij - y_j; softmin -y_i(delta_ij - y_j)
   * with y = softmax(-x); hardmax 0.
   */
  public static BigDecimal[][] jacobian(String name, double[] x) {
    MathContext mc = Ref.mc(DIGITS);
    int n = x.length;
    BigDecimal[][] j = new BigDecimal[n][n];
    if ("hardmax".equals(name)) {
      for (BigDecimal[] row : j) {
        Arrays.fill(row, BigDecimal.ZERO);
      }
      return j;
    }
    BigDecimal[] y = probabilities("softmin".equals(name) ? negate(x) : x, mc);
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < n; c++) {
        BigDecimal delta = r == c ? BigDecimal.ONE : BigDecimal.ZERO;
        BigDecimal dm = delta.subtract(y[c]);
        switch (name) {
          case "softmax":
            j[r][c] = y[r].multiply(dm, mc);
            break;
          case "log_softmax":
            j[r][c] = dm;
            break;
          case "softmin":
            j[r][c] = y[r].multiply(dm, mc).negate();
            break;
          default:
            throw new IllegalArgumentException(name);
        }
      }
    }
    return j;
  }
}
