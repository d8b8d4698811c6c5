package io.github.sparkactivations.activation;

import java.util.Map;

/**
 * The rectified linear unit.
 *
 * <pre>
 *   f(x)  = max(0, x)
 *   f'(x) = 1 if x > 0, else 0      (relu'(0) = 0, as PyTorch, TensorFlow and JAX)
 * </pre>
 *
 * <p>Range [0, ∞); f(0) = 0 (sparse-safe). NaN gives NaN (value and derivative: evaluated with
 * {@link Math#max}, not {@code x > 0 ? x : 0}, which would turn NaN into 0); f(+∞) = +∞, f(−∞) = 0;
 * f(−0.0) = +0.0 (the sign of a zero output is unspecified for relu).
 */
public record Relu() implements ElementwiseActivation {

  /** Canonical name: {@value}. */
  public static final String NAME = "relu";

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

  /** Always true: relu(0) = 0. */
  @Override
  public boolean preservesZero() {
    return true;
  }

  @Override
  public double value(double x) {
    return Math.max(x, 0.0);
  }

  @Override
  public double derivative(double x) {
    if (x > 0) {
      return 1.0;
    }
    return x != x ? x : 0.0;
  }

  @Override
  public void apply(double[] in, double[] out) {
    Specs.checkLengths(in, out);
    for (int i = 0; i < in.length; i++) {
      out[i] = Math.max(in[i], 0.0);
    }
  }

  @Override
  public void derivative(double[] in, double[] out) {
    Specs.checkLengths(in, out);
    for (int i = 0; i < in.length; i++) {
      double x = in[i];
      out[i] = x > 0 ? 1.0 : (x != x ? x : 0.0);
    }
  }
}
