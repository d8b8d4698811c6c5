package io.github.sparkactivations.activation;

/**
 * An activation applied to each entry independently: {@code out[i] = f(in[i])}, so the output has the
 * same length as the input.
 *
 * <p>Contract shared by every implementation (written out in {@code docs/activations.md}):
 * NaN in gives NaN out for {@link #value} and {@link #derivative}; +-Infinity give the limit of f and
 * f'; -0.0 compares equal to 0.0 in every branch; the derivative at a kink follows current PyTorch;
 * every finite input is evaluated within 1e-12 relative of the correctly rounded result.
 */
public sealed interface ElementwiseActivation extends Activation
    permits BinaryStep, BipolarStep, Sigmoid, BipolarSigmoid, Tanh, Relu, LeakyRelu, Prelu, Elu, Selu, Celu,
    Hardsigmoid, HardsigmoidPytorch, Hardswish, Gelu, Mish, Swish, Silu, Softplus, Softsign,
    ThresholdedRelu, Relu6, Hardtanh, LogSigmoid, Tanhshrink, Softshrink, Hardshrink, Shrink {

  /** f(x). */
  double value(double x);

  /** f'(x), the derivative with respect to the input x (never expressed through the output). */
  double derivative(double x);

  /**
   * True iff f(0) == 0 (for both 0.0 and -0.0), so applying f to the stored entries of a sparse
   * vector alone gives the right result and the vector can stay sparse.
   */
  boolean preservesZero();

  /**
   * {@code out[i] = f(in[i])} for {@code i < in.length}. {@code in} and {@code out} may be the same
   * array.
   *
   * @throws IllegalArgumentException if {@code out.length < in.length}
   */
  default void apply(double[] in, double[] out) {
    Specs.checkLengths(in, out);
    for (int i = 0; i < in.length; i++) {
      out[i] = value(in[i]);
    }
  }

  /** {@code xs[i] = f(xs[i])}. */
  default void applyInPlace(double[] xs) {
    apply(xs, xs);
  }

  /**
   * {@code out[i] = f'(in[i])}; {@code in} and {@code out} may be the same array.
   *
   * @throws IllegalArgumentException if {@code out.length < in.length}
   */
  default void derivative(double[] in, double[] out) {
    Specs.checkLengths(in, out);
    for (int i = 0; i < in.length; i++) {
      out[i] = derivative(in[i]);
    }
  }

  /** {@code xs[i] = f'(xs[i])}. */
  default void derivativeInPlace(double[] xs) {
    derivative(xs, xs);
  }

  /**
   * f of a sparse vector written into a dense array: {@code denseOut} (length {@code size}) is filled
   * with f(0) once, then only the {@code nnz} stored entries {@code (indices[k], values[k])} are
   * computed. Use this when {@link #preservesZero()} is false; when it is true, apply
   * {@link #apply(double[], double[])} to the stored values and keep the vector sparse.
   *
   * @param derivative if true, writes f' instead of f (f'(0) fills the array)
   * @throws IllegalArgumentException if the arrays are shorter than {@code size}/{@code nnz} implies
   *     or an index lies outside {@code [0, size)}
   */
  default void applySparseToDense(
      int size, int[] indices, double[] values, int nnz, double[] denseOut, boolean derivative) {
    if (denseOut.length < size || indices.length < nnz || values.length < nnz || nnz < 0) {
      throw new IllegalArgumentException(
          "applySparseToDense: need denseOut.length >= size and indices/values.length >= nnz, but size="
              + size + ", nnz=" + nnz + ", denseOut.length=" + denseOut.length + ", indices.length="
              + indices.length + ", values.length=" + values.length);
    }
    double fill = derivative ? derivative(0.0) : value(0.0);
    java.util.Arrays.fill(denseOut, 0, size, fill);
    for (int k = 0; k < nnz; k++) {
      int i = indices[k];
      if (i < 0 || i >= size) {
        throw new IllegalArgumentException(
            "applySparseToDense: index " + i + " at position " + k + " is outside [0, " + size + ")");
      }
      double v = values[k];
      denseOut[i] = derivative ? derivative(v) : value(v);
    }
  }
}
