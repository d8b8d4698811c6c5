package io.github.sparkactivations.activation;

import java.util.Arrays;
import java.util.Map;

/**
 * The hardmax of a row (ONNX {@code Hardmax}): the one-hot vector of the first maximum.
 *
 * <pre>
 *   y = e_k,  k = the first index with x_k = max_j x_j
 *   ∂y/∂x = 0 (piecewise constant; undefined at ties)      backward: out = 0
 * </pre>
 *
 * <p>Shape: output length = input length; values in {0, 1}; an all-zero row gives e₀ (dense).
 * Special rows: the maximum is found with IEEE comparisons (not {@link Double#compare}, which
 * orders −0.0 below 0.0), so ties, −0.0 against 0.0 included, go to the first index; any NaN → NaN
 * row; all −∞ → e₀; several +∞ → the first; empty → empty.
 */
public record Hardmax() implements RowwiseActivation {

  /** Canonical name: {@value}. */
  public static final String NAME = "hardmax";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, Object> params() {
    return Map.of();
  }

  @Override
  public String toString() {
    return spec();
  }

  /**
   * {@code out = e_k}; allocation-free; {@code in} and {@code out} may be the same array.
   *
   * @throws IllegalArgumentException if {@code out.length < in.length}
   */
  @Override
  public void apply(double[] in, double[] out) {
    Specs.checkLengths(in, out);
    int n = in.length;
    if (n == 0) {
      return;
    }
    int k = firstMax(in);
    if (k < 0) {
      Arrays.fill(out, 0, n, Double.NaN);
      return;
    }
    Arrays.fill(out, 0, n, 0.0);
    out[k] = 1.0;
  }

  /**
   * The Jacobian is zero wherever it exists, so {@code out} is all zeros (whatever {@code upstream}
   * holds), or all NaN when {@code in} contains a NaN.
   *
   * @throws IllegalArgumentException if the three arrays do not have the same length
   */
  @Override
  public void backward(double[] in, double[] upstream, double[] out) {
    Specs.checkSameLengths(in, upstream, out);
    int n = in.length;
    if (n == 0) {
      return;
    }
    Arrays.fill(out, 0, n, firstMax(in) < 0 ? Double.NaN : 0.0);
  }

  /**
   * The first index of the maximum, or −1 if the row contains NaN. Requires a non-empty row. One test
   * per entry: {@code !(v <= m)} is true for a new maximum and for NaN, both rare, so the loop runs
   * on a well-predicted branch; −0.0 and 0.0 compare equal, so the first of a tie stays.
   */
  private static int firstMax(double[] in) {
    double m = in[0];
    if (m != m) {
      return -1;
    }
    int k = 0;
    for (int i = 1; i < in.length; i++) {
      double v = in[i];
      if (!(v <= m)) {
        if (v != v) {
          return -1;
        }
        m = v;
        k = i;
      }
    }
    return k;
  }
}
