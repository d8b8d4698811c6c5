package io.github.sparkactivations.activation;

import java.util.Locale;
import java.util.Map;

/**
 * The Gaussian error linear unit (Hendrycks and Gimpel, "Gaussian Error Linear Units (GELUs)", 2016),
 * exact or in its tanh approximation.
 *
 * <pre>
 *   approximate=none:  f(x)  = x·Φ(x) = ½·x·erfc(−x/√2)
 *                      f'(x) = Φ(x) + x·φ(x),   φ(x) = e^(−x²/2)/√(2π)
 *   approximate=tanh:  f(x)  = ½·x·(1 + tanh u),  u = √(2/π)·(x + 0.044715·x³)
 *                      f'(x) = ½(1 + tanh u) + ½·x·sech²u·√(2/π)·(1 + 0.134145·x²)
 * </pre>
 *
 * <p>Range [−0.16997120747990366, ∞) (exact; minimum at x = −0.7517915246935645) or
 * [−0.17004075057125405, ∞) (tanh); the two forms differ by at most 4.73e−4. f(0) = 0 (sparse-safe),
 * f'(0) = ½; f(−0.0) = −0.0. NaN gives NaN; f(+∞) = +∞, f(−∞) = 0 (the framework formula gives
 * −∞·0 = NaN); f'(+∞) = 1, f'(−∞) = 0.
 *
 * <p>Numerics. Exact form: Φ is evaluated through W. J. Cody's rational Chebyshev approximation of
 * erfc (Math. Comp. 23 (1969) 631-637), never as 1 + erf, which loses the whole negative tail; the
 * Gaussian factor is computed from x with an exactly split x² and the product x·Φ(x) is rounded once,
 * so the value keeps full accuracy down to x ≈ −38.5, where it underflows to −0.0; no intermediate
 * overflows for x up to {@link Double#MAX_VALUE}. Tanh form: ½(1 + tanh u) is computed as σ(2u), which
 * does not cancel for x ≪ 0, and |x| > 1e10 returns x or −0.0 directly (x³ would overflow).
 *
 * @param approximate {@link Approximate#NONE} (default) or {@link Approximate#TANH}
 */
public record Gelu(Approximate approximate) implements ElementwiseActivation {

  /** Canonical name: {@value}. */
  public static final String NAME = "gelu";
  /** Default: the exact form. */
  public static final Approximate DEFAULT_APPROXIMATE = Approximate.NONE;

  static final double TANH_CUBIC = 0.044715;
  private static final double TANH_CUBIC_DERIV = 0.134145; // 3 × 0.044715

  /** Which GELU: the exact x·Φ(x) or the tanh approximation. Spec values {@code none}, {@code tanh}. */
  public enum Approximate {
    /** x·Φ(x), exact. */
    NONE,
    /** ½·x·(1 + tanh(√(2/π)(x + 0.044715x³))). */
    TANH;

    /** The spec value, lower case: {@code "none"} or {@code "tanh"}. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** @throws IllegalArgumentException if {@code approximate} is null */
  public Gelu {
    if (approximate == null) {
      throw new IllegalArgumentException("gelu: approximate must be one of none, tanh but was null");
    }
  }

  /** The exact GELU. */
  public Gelu() {
    this(DEFAULT_APPROXIMATE);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, Object> params() {
    return Specs.params("approximate", approximate.key());
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
    return approximate == Approximate.NONE ? exact(x) : tanhForm(x);
  }

  @Override
  public double derivative(double x) {
    return approximate == Approximate.NONE ? exactDerivative(x) : tanhFormDerivative(x);
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
    KernelPath.PATH.gelu(this, in, out);
  }

  /** The scalar loop over {@code [from, to)}: {@code out[i] = value(in[i])}, bit for bit. */
  void applyScalar(double[] in, double[] out, int from, int to) {
    if (approximate == Approximate.NONE) {
      for (int i = from; i < to; i++) {
        out[i] = exact(in[i]);
      }
    } else {
      for (int i = from; i < to; i++) {
        out[i] = tanhForm(in[i]);
      }
    }
  }

  @Override
  public void derivative(double[] in, double[] out) {
    Specs.checkLengths(in, out);
    if (approximate == Approximate.NONE) {
      for (int i = 0; i < in.length; i++) {
        out[i] = exactDerivative(in[i]);
      }
    } else {
      for (int i = 0; i < in.length; i++) {
        out[i] = tanhFormDerivative(in[i]);
      }
    }
  }

  private static double exact(double x) {
    if (Double.isInfinite(x)) {
      return x > 0 ? x : 0.0;
    }
    if (x != x) {
      return x;
    }
    return FastMath.gelu(x);
  }

  private static double exactDerivative(double x) {
    if (Double.isInfinite(x)) {
      return x > 0 ? 1.0 : 0.0;
    }
    if (x != x) {
      return x;
    }
    return Numerics.scaledNormalCdf(x, 1.0) + Numerics.scaledNormalPdf(x, x);
  }

  private static double tanhForm(double x) {
    if (x != x) {
      return x;
    }
    if (x > 1e10) {
      return x;
    }
    if (x < -1e10) {
      return -0.0;
    }
    double u = Numerics.SQRT_2_OVER_PI * x * (1.0 + TANH_CUBIC * x * x);
    return Numerics.scaledSigmoid(2.0 * u, x);
  }

  private static double tanhFormDerivative(double x) {
    if (x != x) {
      return x;
    }
    if (x > 1e10) {
      return 1.0;
    }
    if (x < -1e10) {
      return 0.0;
    }
    double x2 = x * x;
    double u = Numerics.SQRT_2_OVER_PI * x * (1.0 + TANH_CUBIC * x2);
    double c = Numerics.SQRT_2_OVER_PI * (1.0 + TANH_CUBIC_DERIV * x2);
    if (2.0 * u < Numerics.DEEP_TAIL) {
      double h = Math.exp(u); // σ(2u) = e^{2u} and σ(−2u) = 1 here
      return ((1.0 + 2.0 * x * c) * h) * h;
    }
    double s = FastMath.sigmoid(2.0 * u); // ½(1 + tanh u)
    double sm = FastMath.sigmoid(-2.0 * u); // ½(1 − tanh u); sech²u = 4·s·sm
    return s + 2.0 * x * s * sm * c;
  }
}
