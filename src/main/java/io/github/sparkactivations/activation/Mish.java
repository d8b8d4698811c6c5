package io.github.sparkactivations.activation;

import java.util.Map;

/**
 * Mish (Misra, "Mish: A Self Regularized Non-Monotonic Activation Function", 2019).
 *
 * <pre>
 *   f(x)  = x·tanh(softplus(x)),   softplus(x) = ln(1 + eˣ)
 *   f'(x) = tanh(sp) + x·σ(x)·sech²(sp),   sp = softplus(x)
 * </pre>
 *
 * <p>Range [−0.30884341301725041, ∞) (minimum at x = −1.1924312145154952); f(0) = 0 (sparse-safe);
 * f(−0.0) = −0.0. Softplus is max(x,0) + log1p(e^{−|x|}) and sech² is evaluated without cancellation.
 * NaN gives NaN; f(+∞) = +∞, f(−∞) = 0 (the limit; frameworks compute −∞·0 = NaN); f'(+∞) = 1,
 * f'(−∞) = 0.
 */
public record Mish() implements ElementwiseActivation {

  /** Canonical name: {@value}. */
  public static final String NAME = "mish";

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
    if (x < Numerics.DEEP_TAIL) {
      double h = Math.exp(0.5 * x); // tanh(softplus(x)) = eˣ to double precision here
      return (x * h) * h;
    }
    return x * FastMath.tanh(FastMath.softplus(x));
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
    KernelPath.PATH.mish(this, in, out);
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
      double h = Math.exp(0.5 * x); // tanh(sp) + xσ(x)sech²(sp) = (1 + x)·eˣ here
      return ((1.0 + x) * h) * h;
    }
    double sp = FastMath.softplus(x);
    return FastMath.tanh(sp) + x * FastMath.sigmoid(x) * Numerics.sech2(sp);
  }
}
