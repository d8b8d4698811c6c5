package io.github.sparkactivations.activation;

import java.util.Map;

/**
 * The logarithm of the logistic sigmoid, −softplus(−x).
 *
 * <pre>
 *   f(x)  = ln σ(x) = −ln(1 + e^(−x))
 *   f'(x) = σ(−x)
 * </pre>
 *
 * <p>Range (−∞, 0); f(0) = −ln 2, not sparse-safe; f'(0) = ½. Evaluated as −softplus(−x) =
 * min(x, 0) − log1p(e^{−|x|}) (the PyTorch kernel), never log(sigmoid(x)),
 * which gives 0 for x > 36.7 and −∞ for x &lt; −745. NaN gives NaN; f(+∞) = −0.0 (the value approaches 0
 * from below), f(−∞) = −∞; f'(+∞) = 0, f'(−∞) = 1.
 */
public record LogSigmoid() implements ElementwiseActivation {

  /** Canonical name: {@value}. */
  public static final String NAME = "log_sigmoid";

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

  /** Always false: f(0) = −ln 2. */
  @Override
  public boolean preservesZero() {
    return false;
  }

  @Override
  public double value(double x) {
    return -FastMath.softplus(-x); // min(x, 0) − log1p(e^{−|x|}); NaN stays NaN, +∞ gives −0.0
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
    KernelPath.PATH.logSigmoid(this, in, out);
  }

  /** The scalar loop over {@code [from, to)}: {@code out[i] = value(in[i])}, bit for bit. */
  void applyScalar(double[] in, double[] out, int from, int to) {
    for (int i = from; i < to; i++) {
      out[i] = value(in[i]);
    }
  }

  @Override
  public double derivative(double x) {
    return FastMath.sigmoid(-x);
  }
}
