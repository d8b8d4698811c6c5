package io.github.sparkactivations.activation;

import java.util.Map;

/**
 * The softmin of a row, softmax(−x): the smallest entry gets the largest weight.
 *
 * <pre>
 *   y_i = e^(−x_i) / Σ_j e^(−x_j)
 *   ∂y_i/∂x_j = −y_i·(δ_ij − y_j)       backward: out = −y ⊙ (u − ⟨u, y⟩)
 * </pre>
 *
 * <p>Shape and numerics as {@link Softmax}, on −x (shifted by the row minimum), with the roles of ±∞
 * swapped: exactly one −∞ → one-hot there; two or more −∞, all +∞, or any NaN → NaN row; +∞ among
 * finite entries → 0; empty → empty. An all-zero row gives 1/n (dense).
 */
public record Softmin() implements RowwiseActivation {

  /** Canonical name: {@value}. */
  public static final String NAME = "softmin";

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
   * {@code out = softmax(−in)}; allocation-free; {@code in} and {@code out} may be the same array.
   *
   * @throws IllegalArgumentException if {@code out.length < in.length}
   */
  @Override
  public void apply(double[] in, double[] out) {
    KernelPath.PATH.softmax(in, out, -1.0); // SIMD exponentials when the JVM has them
  }

  /**
   * {@code out = −y ⊙ (upstream − ⟨upstream, y⟩)} with y = softmin(in). Allocation-free unless {@code out}
   * is the same array as {@code in} or {@code upstream} (then one scratch row).
   *
   * @throws IllegalArgumentException if the three arrays do not have the same length
   */
  @Override
  public void backward(double[] in, double[] upstream, double[] out) {
    SoftmaxRows.softmaxBackward(in, upstream, out, -1.0);
  }
}
