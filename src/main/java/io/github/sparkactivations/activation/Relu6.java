package io.github.sparkactivations.activation;

import java.util.Map;

/**
 * ReLU capped at 6 (Krizhevsky 2010; MobileNet), a closed clamp.
 *
 * <pre>
 *   f(x)  = min(max(x, 0), 6)
 *   f'(x) = 1 on (0, 6), else 0      (0 at 0 and at 6, as PyTorch)
 * </pre>
 *
 * <p>Range [0, 6]; f(0) = 0 (sparse-safe). NaN gives NaN (value and derivative); f(+∞) = 6,
 * f(−∞) = 0.
 */
public record Relu6() implements ElementwiseActivation {

  /** Canonical name: {@value}. */
  public static final String NAME = "relu6";

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
    return Math.min(Math.max(x, 0.0), 6.0);
  }

  @Override
  public double derivative(double x) {
    if (x != x) {
      return x;
    }
    return x > 0.0 && x < 6.0 ? 1.0 : 0.0;
  }
}
