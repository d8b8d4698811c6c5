package io.github.sparkactivations.activation;

import java.util.Map;

/**
 * The continuously differentiable exponential linear unit (Barron, "Continuously Differentiable
 * Exponential Linear Units", 2017).
 *
 * <pre>
 *   f(x)  = max(0, x) + min(0, α·(e^(x/α) − 1))
 *   f'(x) = 1 if x > 0, else e^(x/α)      (celu'(0) = 1: the function is C¹)
 * </pre>
 *
 * <p>Range (−α, ∞); f(0) = 0 (sparse-safe); f(−0.0) = −0.0. Numerics: α·expm1(x/α) ({@code FastMath.expm1}). NaN
 * gives NaN; f(+∞) = +∞, f(−∞) = −α.
 *
 * @param alpha α, finite and > 0 (default: 1.0)
 */
public record Celu(double alpha) implements ElementwiseActivation {

  /** Canonical name: {@value}. */
  public static final String NAME = "celu";
  /** Default α: {@value}. */
  public static final double DEFAULT_ALPHA = 1.0;

  /** @throws IllegalArgumentException if {@code alpha} is NaN, infinite or ≤ 0 */
  public Celu {
    Specs.positive(NAME, "alpha", alpha);
  }

  /** CELU with α = 1 (then equal to ELU with α = 1). */
  public Celu() {
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
    return x > 0 ? x : alpha * FastMath.expm1(x / alpha);
  }

  /**
   * {@inheritDoc}
   *
   * <p>On the SIMD kernels when the JVM has {@code jdk.incubator.vector} ({@link KernelPath}); the
   * same bits as {@link #value} either way.
   */
  @Override
  public void apply(double[] in, double[] out) {
    Specs.checkLengths(in, out);
    KernelPath.PATH.celu(this, in, out);
  }

  /** The scalar loop over {@code [from, to)}: {@code out[i] = value(in[i])}, bit for bit. */
  void applyScalar(double[] in, double[] out, int from, int to) {
    for (int i = from; i < to; i++) {
      out[i] = value(in[i]);
    }
  }

  @Override
  public double derivative(double x) {
    return x > 0 ? 1.0 : Math.exp(x / alpha);
  }
}
