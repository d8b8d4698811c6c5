package io.github.sparkactivations.activation;

import java.util.Map;

/**
 * The logarithm of the softmax of a row, computed without forming the softmax.
 *
 * <pre>
 *   y_i = x_i − ln Σ_j e^(x_j)
 *   ∂y_i/∂x_j = δ_ij − softmax_j       backward: out = u − softmax(x)·Σ_i u_i
 * </pre>
 *
 * <p>Shape: output length = input length; range (−∞, 0]; an all-zero row gives −ln n everywhere (dense).
 *
 * <p>Numerics ({@code docs/activations.md#row-wise-functions}): y_i = (x_i − m) − log1p(Σ_{j≠k} e^{x_j−m}) with m the max
 * and k its first index. Never log(softmax(x)), which gives −∞ for [750, −750] instead of −1500, and
 * never x − (m + log Σ), which rounds the normaliser away for large equal logits. log_softmax([0, −40])[0]
 * = −log1p(e^{−40}) = −4.248354255291589e−18, not 0. Special rows: any NaN → NaN row; exactly one +∞ →
 * 0 there and −∞ elsewhere; two or more +∞ or all −∞ → NaN row; −∞ entries → −∞; empty → empty.
 */
public record LogSoftmax() implements RowwiseActivation {

  /** Canonical name: {@value}. */
  public static final String NAME = "log_softmax";

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
   * {@code out = log_softmax(in)}; allocation-free; {@code in} and {@code out} may be the same array.
   *
   * @throws IllegalArgumentException if {@code out.length < in.length}
   */
  @Override
  public void apply(double[] in, double[] out) {
    KernelPath.PATH.logSoftmax(in, out); // SIMD exponentials when the JVM has them
  }

  /**
   * {@code out = upstream − softmax(in)·Σ upstream}. Allocation-free unless {@code out} is the same array
   * as {@code in} or {@code upstream} (then one scratch row).
   *
   * @throws IllegalArgumentException if the three arrays do not have the same length
   */
  @Override
  public void backward(double[] in, double[] upstream, double[] out) {
    SoftmaxRows.logSoftmaxBackward(in, upstream, out);
  }
}
