package io.github.sparkactivations.activation;

import java.util.Map;

/**
 * The bipolar sigmoid, with steepness λ; it equals tanh(λx/2) = 2σ(λx) − 1.
 *
 * <pre>
 *   f(x)  = (1 − e^(−λx)) / (1 + e^(−λx)) = tanh(λx/2)
 *   f'(x) = (λ/2)·(1 − f(x)²) = (λ/2)·sech²(λx/2)
 * </pre>
 *
 * <p>Range (−1, 1); f(0) = 0, so it keeps a sparse vector sparse. Odd: f(−0.0) = −0.0.
 *
 * <p>Numerics: evaluated as tanh((λ/2)·x) ({@code FastMath.tanh}); the literal quotient gives ∞/∞ = NaN for
 * λx &lt; −709.78 and loses six digits at |λx| = 1e−10. The derivative uses sech² in the non-cancelling
 * form 4e^{−2|u|}/(1+e^{−2|u|})², never 1 − f², which is 0 once f has rounded to ±1. NaN gives NaN;
 * f(±∞) = ±1, f'(±∞) = 0.
 *
 * @param lambda the steepness λ, finite and > 0 (default: 1.0)
 */
public record BipolarSigmoid(double lambda) implements ElementwiseActivation {

  /** Canonical name: {@value}. */
  public static final String NAME = "bipolar_sigmoid";
  /** Default steepness λ: {@value}. */
  public static final double DEFAULT_LAMBDA = 1.0;

  /** @throws IllegalArgumentException if {@code lambda} is NaN, infinite or ≤ 0 */
  public BipolarSigmoid {
    Specs.positive(NAME, "lambda", lambda);
  }

  /** The bipolar sigmoid with λ = 1. */
  public BipolarSigmoid() {
    this(DEFAULT_LAMBDA);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, Object> params() {
    return Specs.params("lambda", lambda);
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
    return FastMath.tanh((0.5 * lambda) * x);
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
    KernelPath.PATH.bipolarSigmoid(this, in, out);
  }

  /** The scalar loop over {@code [from, to)}: {@code out[i] = value(in[i])}, bit for bit. */
  void applyScalar(double[] in, double[] out, int from, int to) {
    for (int i = from; i < to; i++) {
      out[i] = value(in[i]);
    }
  }

  @Override
  public double derivative(double x) {
    double h = 0.5 * lambda;
    return h * Numerics.sech2(h * x);
  }
}
