package io.github.sparkactivations.activation;

import java.util.Map;

/**
 * The exponential linear unit (Clevert, Unterthiner and Hochreiter, "Fast and Accurate Deep Network
 * Learning by Exponential Linear Units (ELUs)", 2015). A common textbook variant uses α = 0.5:
 * {@code elu(alpha=0.5)}.
 *
 * <pre>
 *   f(x)  = x if x > 0, else α·(eˣ − 1)
 *   f'(x) = 1 if x > 0, else α·eˣ      (elu'(0) = α, as PyTorch, TF and JAX; discontinuous when α ≠ 1)
 * </pre>
 *
 * <p>Range (−α, ∞) for α > 0; f(0) = 0 (sparse-safe); f(−0.0) = −0.0 (expm1 keeps the sign).
 *
 * <p>Numerics: α·expm1(x) ({@code FastMath.expm1}) for x ≤ 0; eˣ − 1 would return 0 for tiny |x|. NaN gives NaN;
 * f(+∞) = +∞, f(−∞) = −α, f'(+∞) = 1, f'(−∞) = 0.
 *
 * @param alpha the saturation value α, any finite double (default: 1.0)
 */
public record Elu(double alpha) implements ElementwiseActivation {

  /** Canonical name: {@value}. */
  public static final String NAME = "elu";
  /** Default α: {@value}. */
  public static final double DEFAULT_ALPHA = 1.0;

  /** @throws IllegalArgumentException if {@code alpha} is NaN or infinite */
  public Elu {
    Specs.finite(NAME, "alpha", alpha);
  }

  /** ELU with α = 1. */
  public Elu() {
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
    return x > 0 ? x : alpha * FastMath.expm1(x);
  }

  @Override
  public double derivative(double x) {
    return x > 0 ? 1.0 : alpha * Math.exp(x);
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
    KernelPath.PATH.elu(this, in, out);
  }

  /** The scalar loop over {@code [from, to)}: {@code out[i] = value(in[i])}, bit for bit. */
  void applyScalar(double[] in, double[] out, int from, int to) {
    double a = alpha;
    for (int i = from; i < to; i++) {
      double x = in[i];
      out[i] = x > 0 ? x : a * FastMath.expm1(x);
    }
  }

  @Override
  public void derivative(double[] in, double[] out) {
    Specs.checkLengths(in, out);
    double a = alpha;
    for (int i = 0; i < in.length; i++) {
      double x = in[i];
      out[i] = x > 0 ? 1.0 : a * Math.exp(x);
    }
  }
}
