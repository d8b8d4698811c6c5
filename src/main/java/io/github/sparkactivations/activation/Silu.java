package io.github.sparkactivations.activation;

import java.util.Map;

/**
 * The sigmoid-weighted linear unit (Elfwing, Uchibe and Doya, "Sigmoid-Weighted Linear Units for
 * Neural Network Function Approximation in Reinforcement Learning", 2018); swish with α = 1.
 *
 * <pre>
 *   f(x)  = x·σ(x)
 *   f'(x) = σ(x)·(1 + x·σ(−x))
 * </pre>
 *
 * <p>Range [−0.2784645427610738, ∞) (minimum at x = −1.2784645427610738); f(0) = 0 (sparse-safe);
 * f(−0.0) = −0.0. NaN gives NaN; f(+∞) = +∞, f(−∞) = 0 (PyTorch's x/(1+e^{−x}) gives −∞/∞ = NaN);
 * f'(+∞) = 1, f'(−∞) = 0.
 */
public record Silu() implements ElementwiseActivation {

  /** Canonical name: {@value}. */
  public static final String NAME = "silu";

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
    if (x == Double.NEGATIVE_INFINITY) {
      return 0.0;
    }
    return Numerics.scaledSigmoid(x, x);
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
    KernelPath.PATH.silu(this, in, out);
  }

  /** The scalar loop over {@code [from, to)}: {@code out[i] = value(in[i])}, bit for bit. */
  void applyScalar(double[] in, double[] out, int from, int to) {
    for (int i = from; i < to; i++) {
      out[i] = value(in[i]);
    }
  }

  @Override
  public double derivative(double x) {
    if (Double.isInfinite(x)) {
      return x > 0 ? 1.0 : 0.0;
    }
    if (x < Numerics.DEEP_TAIL) {
      double h = Math.exp(0.5 * x); // σ(x)(1 + xσ(−x)) = (1 + x)·eˣ here
      return ((1.0 + x) * h) * h;
    }
    double s = FastMath.sigmoid(x);
    return s + x * s * FastMath.sigmoid(-x);
  }
}
