package io.github.sparkactivations.activation;

import java.util.Map;

/**
 * The hard tanh: a closed clamp to [min, max] (PyTorch {@code nn.Hardtanh}; ONNX {@code Clip}).
 *
 * <pre>
 *   f(x)  = max(min, min(max, x))
 *   f'(x) = 1 on (min, max), else 0      (0 at both bounds, as PyTorch)
 * </pre>
 *
 * <p>Range [min, max]; f(0) = 0 iff min ≤ 0 ≤ max (then sparse-safe); f(−0.0) = −0.0 inside the
 * interval. NaN gives NaN (value and derivative); f(+∞) = max, f(−∞) = min.
 *
 * @param min the lower bound, finite and {@code < max} (default: −1.0)
 * @param max the upper bound, finite and {@code > min} (default: 1.0)
 */
public record Hardtanh(double min, double max) implements ElementwiseActivation {

  /** Canonical name: {@value}. */
  public static final String NAME = "hardtanh";
  /** Default lower bound: {@value}. */
  public static final double DEFAULT_MIN = -1.0;
  /** Default upper bound: {@value}. */
  public static final double DEFAULT_MAX = 1.0;

  /** @throws IllegalArgumentException if a bound is NaN or infinite, or {@code min >= max} */
  public Hardtanh {
    Specs.finite(NAME, "min", min);
    Specs.finite(NAME, "max", max);
    if (!(min < max)) {
      throw new IllegalArgumentException(
          NAME + ": min must be < max but min was " + min + " and max was " + max);
    }
  }

  /** The hard tanh on [−1, 1]. */
  public Hardtanh() {
    this(DEFAULT_MIN, DEFAULT_MAX);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, Object> params() {
    return Specs.params("min", min, "max", max);
  }

  @Override
  public String toString() {
    return spec();
  }

  /** True iff min ≤ 0 ≤ max. */
  @Override
  public boolean preservesZero() {
    return min <= 0 && max >= 0;
  }

  @Override
  public double value(double x) {
    return Math.max(min, Math.min(max, x));
  }

  @Override
  public double derivative(double x) {
    if (x != x) {
      return x;
    }
    return x > min && x < max ? 1.0 : 0.0;
  }
}
