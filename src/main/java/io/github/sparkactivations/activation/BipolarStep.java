package io.github.sparkactivations.activation;

import java.util.Map;

/**
 * The bipolar step of the perceptron, with an inclusive threshold θ (not {@link Math#signum}, which
 * is 0 at 0).
 *
 * <pre>
 *   f(x)  = +1 if x ≥ θ, else −1
 *   f'(x) = 0 everywhere, also at θ
 * </pre>
 *
 * <p>Range {−1, +1}; f(0) = ±1 ≠ 0, so it never keeps a vector sparse. NaN gives NaN (value and
 * derivative); ±∞ gives ±1; f(−0.0) = +1 for θ = 0.
 *
 * @param threshold θ, any finite double (default: 0.0)
 */
public record BipolarStep(double threshold) implements ElementwiseActivation {

  /** Canonical name: {@value}. */
  public static final String NAME = "bipolar_step";
  /** Default threshold θ: {@value}. */
  public static final double DEFAULT_THRESHOLD = 0.0;

  /** @throws IllegalArgumentException if {@code threshold} is NaN or infinite */
  public BipolarStep {
    Specs.finite(NAME, "threshold", threshold);
  }

  /** The step with the default threshold 0. */
  public BipolarStep() {
    this(DEFAULT_THRESHOLD);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, Object> params() {
    return Specs.params("threshold", threshold);
  }

  @Override
  public String toString() {
    return spec();
  }

  /** Always false: f(0) = ±1. */
  @Override
  public boolean preservesZero() {
    return false;
  }

  @Override
  public double value(double x) {
    if (x != x) {
      return x;
    }
    return x >= threshold ? 1.0 : -1.0;
  }

  /** 0 for every non-NaN x; NaN for NaN. */
  @Override
  public double derivative(double x) {
    return x != x ? x : 0.0;
  }
}
