package io.github.sparkactivations.activation;

import java.util.Map;

/**
 * Swish with a fixed β, here called α as in ONNX {@code Swish(alpha)} (Ramachandran, Zoph and Le,
 * "Searching for Activation Functions", 2017). With α = 1 it equals {@link Silu}.
 *
 * <pre>
 *   f(x)  = x·σ(α·x)
 *   f'(x) = σ(αx) + αx·σ(αx)·σ(−αx)
 * </pre>
 *
 * <p>Range [−0.2784645427610738/α, ∞) for α > 0; f(0) = 0 (sparse-safe); f(−0.0) = −0.0. The sigmoid
 * is the overflow-free split form. NaN gives NaN; ±∞ give the limits with α fixed: for α > 0
 * f(+∞) = +∞, f(−∞) = 0; for α = 0 f(x) = x/2; for α &lt; 0 f(+∞) = 0, f(−∞) = −∞. f'(±∞) is σ(α·(±∞)).
 *
 * @param alpha the gate steepness α, any finite double (default: 1.0)
 */
public record Swish(double alpha) implements ElementwiseActivation {

  /** Canonical name: {@value}. */
  public static final String NAME = "swish";
  /** Default α: {@value}. */
  public static final double DEFAULT_ALPHA = 1.0;

  /** @throws IllegalArgumentException if {@code alpha} is NaN or infinite */
  public Swish {
    Specs.finite(NAME, "alpha", alpha);
  }

  /** Swish with α = 1 (equal in value to silu). */
  public Swish() {
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
    if (alpha == 0.0) {
      return 0.5 * x; // σ(0) = ½ for every x, also ±∞ (where 0·∞ would be NaN)
    }
    double t = alpha * x;
    if (Double.isInfinite(x) && t == Double.NEGATIVE_INFINITY) {
      return 0.0; // x·e^{αx} → 0
    }
    return Numerics.scaledSigmoid(t, x);
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
    KernelPath.PATH.swish(this, in, out);
  }

  /** The scalar loop over {@code [from, to)}: {@code out[i] = value(in[i])}, bit for bit. */
  void applyScalar(double[] in, double[] out, int from, int to) {
    for (int i = from; i < to; i++) {
      out[i] = value(in[i]);
    }
  }

  @Override
  public double derivative(double x) {
    if (alpha == 0.0) {
      return x != x ? x : 0.5;
    }
    double t = alpha * x;
    if (Double.isInfinite(t)) {
      return FastMath.sigmoid(t);
    }
    if (t < Numerics.DEEP_TAIL) {
      double h = Math.exp(0.5 * t); // σ(t)(1 + tσ(−t)) = (1 + t)·e^t here
      return ((1.0 + t) * h) * h;
    }
    double s = FastMath.sigmoid(t);
    return s + t * s * FastMath.sigmoid(-t);
  }
}
