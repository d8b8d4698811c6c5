package io.github.sparkactivations.activation;

import java.util.Map;

/**
 * The scaled exponential linear unit (Klambauer, Unterthiner, Mayr and Hochreiter, "Self-Normalizing
 * Neural Networks", 2017), with the exact constants of the paper's closed form rounded once to double
 * (ONNX's defaults are float32 roundings, 3e−8 away).
 *
 * <pre>
 *   f(x)  = γ·x if x > 0, else γ·α·(eˣ − 1)
 *   f'(x) = γ if x > 0, else γ·α·eˣ      (selu'(0) = γα = 1.7580993408473766, as PyTorch)
 * </pre>
 *
 * <p>Range (−γα, ∞); f(0) = 0 (sparse-safe); f(−0.0) = −0.0. Numerics: expm1 ({@code FastMath.expm1}). NaN gives
 * NaN; f(+∞) = +∞, f(−∞) = −γα.
 *
 * @param alpha α, finite and > 0 (default: 1.6732632423543772)
 * @param gamma the scale γ (λ in the paper), finite and > 0 (default: 1.0507009873554805)
 */
public record Selu(double alpha, double gamma) implements ElementwiseActivation {

  /** Canonical name: {@value}. */
  public static final String NAME = "selu";
  /** Default α = 1.6732632423543772848170429916716520…, rounded to double. */
  public static final double DEFAULT_ALPHA = 1.6732632423543772;
  /** Default γ = 1.0507009873554804934193349852946063…, rounded to double. */
  public static final double DEFAULT_GAMMA = 1.0507009873554805;

  /** @throws IllegalArgumentException if {@code alpha} or {@code gamma} is NaN, infinite or ≤ 0 */
  public Selu {
    Specs.positive(NAME, "alpha", alpha);
    Specs.positive(NAME, "gamma", gamma);
  }

  /** SELU with the self-normalising constants. */
  public Selu() {
    this(DEFAULT_ALPHA, DEFAULT_GAMMA);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, Object> params() {
    return Specs.params("alpha", alpha, "gamma", gamma);
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
    return x > 0 ? gamma * x : (gamma * alpha) * FastMath.expm1(x);
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
    KernelPath.PATH.selu(this, in, out);
  }

  /** The scalar loop over {@code [from, to)}: {@code out[i] = value(in[i])}, bit for bit. */
  void applyScalar(double[] in, double[] out, int from, int to) {
    for (int i = from; i < to; i++) {
      out[i] = value(in[i]);
    }
  }

  @Override
  public double derivative(double x) {
    return x > 0 ? gamma : (gamma * alpha) * Math.exp(x);
  }
}
