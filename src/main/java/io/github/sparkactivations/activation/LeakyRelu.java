package io.github.sparkactivations.activation;

import java.util.Map;

/**
 * The leaky rectified linear unit (ONNX, PyTorch, JAX and DL4J default slope 0.01).
 *
 * <pre>
 *   f(x)  = x if x > 0, else α·x
 *   f'(x) = 1 if x > 0, else α      (leaky_relu'(0) = α, as PyTorch)
 * </pre>
 *
 * <p>Range ℝ for α > 0; f(0) = 0 (sparse-safe); odd-signed zero, f(−0.0) = −0.0. NaN gives NaN;
 * f(+∞) = +∞; f(−∞) = −∞ for α > 0, +∞ for α &lt; 0 and 0 for α = 0 (the limit; the product α·x would be
 * NaN). Evaluated as a branch, not max(αx, x), which is wrong for α > 1 or α &lt; 0.
 *
 * @param alpha the slope α for x ≤ 0, any finite double (default: 0.01)
 */
public record LeakyRelu(double alpha) implements ElementwiseActivation {

  /** Canonical name: {@value}. */
  public static final String NAME = "leaky_relu";
  /** Default slope α: {@value}. */
  public static final double DEFAULT_ALPHA = 0.01;

  /** @throws IllegalArgumentException if {@code alpha} is NaN or infinite */
  public LeakyRelu {
    Specs.finite(NAME, "alpha", alpha);
  }

  /** Leaky ReLU with α = 0.01. */
  public LeakyRelu() {
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

  /** Always true: f(0) = 0. */
  @Override
  public boolean preservesZero() {
    return true;
  }

  @Override
  public double value(double x) {
    return leaky(x, alpha);
  }

  @Override
  public double derivative(double x) {
    return leakyDerivative(x, alpha);
  }

  @Override
  public void apply(double[] in, double[] out) {
    Specs.checkLengths(in, out);
    double a = alpha;
    if (a == 0.0) {
      for (int i = 0; i < in.length; i++) {
        out[i] = leaky(in[i], 0.0);
      }
      return;
    }
    for (int i = 0; i < in.length; i++) {
      double x = in[i];
      out[i] = x > 0 ? x : a * x; // NaN: a*NaN = NaN; -Inf: a*-Inf = ∓Inf (a != 0)
    }
  }

  @Override
  public void derivative(double[] in, double[] out) {
    Specs.checkLengths(in, out);
    double a = alpha;
    for (int i = 0; i < in.length; i++) {
      double x = in[i];
      out[i] = x > 0 ? 1.0 : (x != x ? x : a);
    }
  }

  /** x if x > 0, else a·x, with the −∞ limit for a = 0 and NaN kept (shared with prelu). */
  static double leaky(double x, double a) {
    if (x > 0) {
      return x;
    }
    if (x == Double.NEGATIVE_INFINITY && a == 0.0) {
      return 0.0;
    }
    return a * x;
  }

  /** 1 if x > 0, NaN for NaN, else a. */
  static double leakyDerivative(double x, double a) {
    if (x > 0) {
      return 1.0;
    }
    return x != x ? x : a;
  }
}
