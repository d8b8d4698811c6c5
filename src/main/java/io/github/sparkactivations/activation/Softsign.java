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
  public String spec() {
    return NAME;
  }

  @Override
  public String toString() {
    return NAME;
  }

  /** Always true: f(0) = 0. */
  @Override
  public boolean preservesZero() {
    return true;
  }

  @Override
  public double value(double x) {
    if (Double.isInfinite(x)) {
      return x > 0 ? 1.0 : -1.0;
    }
    return x / (1.0 + Math.abs(x));
  }

  @Override
  public double derivative(double x) {
    double r = 1.0 / (1.0 + Math.abs(x));
    return r * r;
  }
}
