package io.github.sparkactivations.activation;

import java.util.Map;

/**
 * Tanhshrink (PyTorch {@code nn.Tanhshrink}).
 *
 * <pre>
 *   f(x)  = x − tanh x
 *   f'(x) = tanh²x
 * </pre>
 *
 * <p>Range ℝ (odd, increasing); f(0) = 0 (sparse-safe); f(−0.0) = −0.0. For |x| &lt; 0.1 the value is the
 * Taylor series x³/3 − 2x⁵/15 + 17x⁷/315 − 62x⁹/2835 + 1382x¹¹/155925 − 21844x¹³/6081075 +
 * 929569x¹⁵/638512875 (relative truncation error 1.8e−17 at 0.1), because x − tanh x loses about
 * 2·log₁₀(1/|x|) digits there (it returns 0 at x = 1e−8). NaN gives NaN; f(±∞) = ±∞; f'(±∞) = 1.
 */
public record Tanhshrink() implements ElementwiseActivation {

  /** Canonical name: {@value}. */
  public static final String NAME = "tanhshrink";

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
    if (Math.abs(x) < 0.1) {
      double x2 = x * x;
      return x * x2 * (1.0 / 3 + x2 * (-2.0 / 15 + x2 * (17.0 / 315 + x2 * (-62.0 / 2835
          + x2 * (1382.0 / 155925 + x2 * (-21844.0 / 6081075 + x2 * (929569.0 / 638512875)))))));
    }
    return x - FastMath.tanh(x);
  }

  @Override
  public double derivative(double x) {
    double t = FastMath.tanh(x);
    return t * t;
  }
}
