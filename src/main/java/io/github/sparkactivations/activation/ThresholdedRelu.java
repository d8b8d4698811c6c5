package io.github.sparkactivations.activation;

import java.util.Map;

/**
 * The thresholded ReLU (ONNX {@code ThresholdedRelu}, Keras 2 {@code ThresholdedReLU}): strict
 * threshold α.
 *
 * <pre>
 *   f(x)  = x if x > α, else 0
 *   f'(x) = 1 if x > α, else 0      (0 at α)
 * </pre>
 *
 * <p>Range {0} ∪ (α, ∞); f(0) = 0 for every α (sparse-safe). NaN gives NaN (value and derivative;
 * the ONNX reference returns 0); f(+∞) = +∞, f(−∞) = 0.
 *
 * @param alpha the threshold α, any finite double (default: 1.0)
 */
public record ThresholdedRelu(double alpha) implements ElementwiseActivation {

  /** Canonical name: {@value}. */
  public static final String NAME = "thresholded_relu";
  /** Default threshold α: {@value}. */
  public static final double DEFAULT_ALPHA = 1.0;

  /** @throws IllegalArgumentException if {@code alpha} is NaN or infinite */
  public ThresholdedRelu {
    Specs.finite(NAME, "alpha", alpha);
  }

  /** Thresholded ReLU with α = 1. */
  public ThresholdedRelu() {
    this(DEFAULT_ALPHA);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, Object> params() {
    return Specs.params("alpha", alpha);
  }

  @Override
  public String toString() {
    return spec();
  }

  /** Always true: f(0) = 0 whatever α. */
  @Override
  public boolean preservesZero() {
    return true;
  }

  @Override
  public double value(double x) {
    return FastMath.keepOrZero(!(x <= alpha), x); // NaN: the test is true, NaN is kept
  }

  /** The same bits as {@link #value}, branch-free (see {@link FastMath#keepOrZero}). */
  @Override
  public void apply(double[] in, double[] out) {
    Specs.checkLengths(in, out);
    double a = alpha;
    for (int i = 0; i < in.length; i++) {
      double x = in[i];
      out[i] = FastMath.keepOrZero(!(x <= a), x);
    }
  }

  @Override
  public double derivative(double x) {
    if (x > alpha) {
      return 1.0;
    }
    return x != x ? x : 0.0;
  }
}
