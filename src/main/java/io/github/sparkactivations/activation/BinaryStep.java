package io.github.sparkactivations.activation;

import java.util.Map;

/**
 * The binary (Heaviside) step of the perceptron, with an inclusive threshold θ.
 *
 * <pre>
 *   f(x)  = 1 if x ≥ θ, else 0
 *   f'(x) = 0 everywhere, also at θ (the true derivative there is a Dirac delta)
 * </pre>
 *
 * <p>Range {0, 1}. f(0) = 1 when θ ≤ 0, so the step keeps a sparse vector sparse only when θ > 0
 * ({@link #preservesZero()}). NaN gives NaN (value and derivative; a bare {@code x >= θ ? 1 : 0} would
 * return 0); +∞ gives 1, −∞ gives 0; −0.0 equals 0.0, so f(−0.0) = 1 for θ = 0.
 *
 * @param threshold θ, any finite double (default: 0.0)
 */
public record BinaryStep(double threshold) implements ElementwiseActivation {

  /** Canonical name: {@value}. */
  public static final String NAME = "binary_step";
  /** Default threshold θ: {@value}. */
  public static final double DEFAULT_THRESHOLD = 0.0;

  /** @throws IllegalArgumentException if {@code threshold} is NaN or infinite */
  public BinaryStep {
    Specs.finite(NAME, "threshold", threshold);
  }

  /** The step with the default threshold 0. */
  public BinaryStep() {
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

  /** True iff θ > 0 (then f(0) = 0). */
  @Override
  public boolean preservesZero() {
    return threshold > 0;
  }

  @Override
  public double value(double x) {
    if (x != x) {
      return x;
    }
    return x >= threshold ? 1.0 : 0.0;
  }

  /** 0 for every non-NaN x (including θ and ±∞); NaN for NaN. */
  @Override
  public double derivative(double x) {
    return x != x ? x : 0.0;
  }
}
