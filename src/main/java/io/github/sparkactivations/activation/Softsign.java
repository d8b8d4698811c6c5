package io.github.sparkactivations.activation;

import java.util.Map;

/**
 * Softsign.
 *
 * <pre>
 *   f(x)  = x / (1 + |x|)
 *   f'(x) = 1 / (1 + |x|)²
 * </pre>
 *
 * <p>Range (−1, 1), rounding to ±1.0 for |x| > 2⁵³; f(0) = 0 (sparse-safe); f(−0.0) = −0.0. NaN gives
 * NaN; f(±∞) = ±1 (PyTorch, JAX and ONNX compute ∞/∞ = NaN); f'(±∞) = 0. The derivative squares
 * 1/(1+|x|), so it stays finite and accurate until the true value underflows.
 */
public record Softsign() implements ElementwiseActivation {

  /** Canonical name: {@value}. */
  public static final String NAME = "softsign";

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

  /** Always true: f(0) = 0. */
  @Override
  public boolean preservesZero() {
    return true;
  }

  @Override
  public double value(double x) {
    return softsign(x);
  }

  @Override
  public void apply(double[] in, double[] out) {
    Specs.checkLengths(in, out);
    for (int i = 0; i < in.length; i++) {
      out[i] = softsign(in[i]);
    }
  }

  /**
   * x/(1+|x|) on x clamped to [-1e300, 1e300]: the same double for every finite x (beyond 1e300 both
   * give +-1), +-1 for +-Inf instead of Inf/Inf = NaN, NaN and -0.0 kept by Math.min/max. Branch-free
   * (min, max, abs, add, divide), so the bulk loop vectorizes like the textbook formula.
   */
  private static double softsign(double x) {
    double c = Math.max(-1e300, Math.min(x, 1e300));
    return c / (1.0 + Math.abs(c));
  }

  @Override
  public double derivative(double x) {
    double r = 1.0 / (1.0 + Math.abs(x));
    return r * r;
  }
}
