package io.github.sparkactivations.activation;

/**
 * An activation over a whole row (softmax, log_softmax, softmin, hardmax): every output entry depends
 * on every input entry of the row. Output length = input length; softmax normalises the whole row.
 *
 * <p>Special rows ({@code docs/activations.md#row-wise-functions}): any NaN gives a NaN row; one dominant
 * infinity gives its limit (a one-hot row); an empty row gives an empty row.
 */
public sealed interface RowwiseActivation extends Activation
    permits Softmax, LogSoftmax, Softmin, Hardmax {

  /**
   * {@code out = f(in)} over the first {@code in.length} entries; {@code in} and {@code out} may be the
   * same array.
   *
   * @throws IllegalArgumentException if {@code out.length < in.length}
   */
  void apply(double[] in, double[] out);

  /** {@code xs = f(xs)} in place. */
  default void applyInPlace(double[] xs) {
    apply(xs, xs);
  }

  /**
   * The vector-Jacobian product {@code out = J(in)^T upstream}, where {@code J[i][j] = d f_i / d x_j}
   * at {@code in}, computed without building J (O(n) time, no allocation beyond O(n) scratch).
   *
   * @throws IllegalArgumentException if the three arrays do not have the same length
   */
  void backward(double[] in, double[] upstream, double[] out);
}
