package io.github.sparkactivations.activation;

import java.util.Map;

/**
 * The softmax of a row: a probability vector with the row's ordering.
 *
 * <pre>
 *   y_i = e^(x_i) / Σ_j e^(x_j)
 *   ∂y_i/∂x_j = y_i·(δ_ij − y_j)       backward: out = y ⊙ (u − ⟨u, y⟩)
 * </pre>
 *
 * <p>Shape: output length = input length, and the whole row is normalised (Σ y = 1, y_i ∈ [0, 1]).
 * An all-zero row gives 1/n everywhere, so a sparse vector's softmax is dense.
 *
 * <p>Numerics ({@code docs/activations.md#row-wise-functions}): the row is shifted by its maximum m (always, also when
 * m &lt; 0, so [−1000, −1001, −1002] gives [0.665…, 0.245…, 0.090…] and not 0/0) and
 * y_i = e^{x_i−m}/(1 + Σ_{j≠k} e^{x_j−m}), k the first argmax. Special rows: any NaN → NaN row;
 * exactly one +∞ → one-hot at that entry (the limit; Spark's own softmax agrees, while PyTorch, TF,
 * JAX and ONNX return a NaN row); two or more +∞ → NaN row (∞ − ∞); all −∞ → NaN row (0/0); −∞ among
 * finite entries → exactly 0; empty row → empty row. Relative error ≤ about n·2⁻⁵³ per entry.
 */
public record Softmax() implements RowwiseActivation {

  /** Canonical name: {@value}. */
  public static final String NAME = "softmax";

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
   * {@code out = softmax(in)}; allocation-free; {@code in} and {@code out} may be the same array.
   *
   * @throws IllegalArgumentException if {@code out.length < in.length}
   */
  @Override
  public void apply(double[] in, double[] out) {
    KernelPath.PATH.softmax(in, out, 1.0); // SIMD exponentials when the JVM has them
  }

  /**
   * {@code out = y ⊙ (upstream − ⟨upstream, y⟩)} with y = softmax(in): the gradient with respect to the
   * logits given the gradient {@code upstream} with respect to the probabilities. Allocation-free unless
   * {@code out} is the same array as {@code in} or {@code upstream} (then one scratch row).
   *
   * @throws IllegalArgumentException if the three arrays do not have the same length
   */
  @Override
  public void backward(double[] in, double[] upstream, double[] out) {
    SoftmaxRows.softmaxBackward(in, upstream, out, 1.0);
  }
}
