package io.github.sparkactivations.activation;

import java.util.Map;

/**
 * Soft shrinkage (soft thresholding; PyTorch {@code nn.Softshrink}, ONNX {@code Shrink(bias=λ)}).
 *
 * <pre>
 *   f(x)  = x − λ if x > λ;  x + λ if x &lt; −λ;  0 otherwise
 *   f'(x) = 1 if |x| > λ, else 0      (0 at ±λ)
 * </pre>
 *
 * <p>Range ℝ; f(0) = 0 (sparse-safe). NaN gives NaN (value and derivative; old PyTorch and the ONNX
 * reference return 0); f(±∞) = ±∞.
 *
 * @param lambd the threshold λ, finite and ≥ 0 (default: 0.5)
 */
public record Softshrink(double lambd) implements ElementwiseActivation {

  /** Canonical name: {@value}. */
  public static final String NAME = "softshrink";
  /** Default λ: {@value}. */
  public static final double DEFAULT_LAMBD = 0.5;

  /** @throws IllegalArgumentException if {@code lambd} is NaN, infinite or negative */
  public Softshrink {
    Specs.nonNegative(NAME, "lambd", lambd);
  }

  /** Soft shrinkage with λ = 0.5. */
  public Softshrink() {
    this(DEFAULT_LAMBD);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, Object> params() {
    return Specs.params("lambd", lambd);
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
    if (x > lambd) {
      return x - lambd;
    }
    if (x < -lambd) {
      return x + lambd;
    }
    return x != x ? x : 0.0;
  }

  @Override
  public double derivative(double x) {
    if (x > lambd || x < -lambd) {
      return 1.0;
    }
    return x != x ? x : 0.0;
  }
}
