package io.github.sparkactivations.activation;

import java.util.Map;

/**
 * The parametric ReLU with a single scalar slope s (He et al. 2015, "Delving Deep into Rectifiers");
 * here the slope is a fixed parameter (PyTorch's initial value 0.25), not a trained weight.
 *
 * <pre>
 *   f(x)  = x if x > 0, else s·x
 *   f'(x) = 1 if x > 0, else s      (prelu'(0) = s, as PyTorch)
 * </pre>
 *
 * <p>Range ℝ; f(0) = 0 (sparse-safe); f(−0.0) = −0.0. Special values as {@link LeakyRelu}: NaN gives
 * NaN, f(+∞) = +∞, f(−∞) = −∞ for s > 0, +∞ for s &lt; 0 and 0 for s = 0.
 *
 * @param slope the slope s for x ≤ 0, any finite double (default: 0.25)
 */
public record Prelu(double slope) implements ElementwiseActivation {

  /** Canonical name: {@value}. */
  public static final String NAME = "prelu";
  /** Default slope s: {@value}. */
  public static final double DEFAULT_SLOPE = 0.25;

  /** @throws IllegalArgumentException if {@code slope} is NaN or infinite */
  public Prelu {
    Specs.finite(NAME, "slope", slope);
  }

  /** PReLU with s = 0.25. */
  public Prelu() {
    this(DEFAULT_SLOPE);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, Object> params() {
    return Specs.params("slope", slope);
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
    return LeakyRelu.leaky(x, slope);
  }

  @Override
  public double derivative(double x) {
    return LeakyRelu.leakyDerivative(x, slope);
  }
}
