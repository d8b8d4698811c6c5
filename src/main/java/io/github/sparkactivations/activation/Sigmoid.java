package io.github.sparkactivations.activation;

import java.util.Map;

/**
 * The logistic (binary) sigmoid with steepness λ; aliases {@code binary_sigmoid}, {@code logistic}.
 *
 * <pre>
 *   f(x)  = 1 / (1 + e^(−λx))
 *   f'(x) = λ·σ(λx)·σ(−λx)
 * </pre>
 *
 * <p>Range (0, 1): exactly 1.0 once λx ≥ 36.74, subnormal below λx = −708.4, 0 below −745.13. f(0) = ½,
 * so the output of a sparse vector is dense. No kinks.
 *
 * <p>Numerics: evaluated as 1/(1+e^{−t}) for t = λx ≥ 0 and e^{t}/(1+e^{t}) otherwise, so nothing
 * overflows. The derivative is σ(t)σ(−t), never s(1−s), which is 0 as soon as s rounds to 1
 * (x ≳ 36.7) although the true value is e^{−x}. NaN gives NaN; f(+∞) = 1, f(−∞) = 0, f'(±∞) = 0.
 *
 * @param lambda the steepness λ, finite and > 0 (default: 1.0)
 */
public record Sigmoid(double lambda) implements ElementwiseActivation {

  /** Canonical name: {@value}. */
  public static final String NAME = "sigmoid";
  /** Default steepness λ: {@value}. */
  public static final double DEFAULT_LAMBDA = 1.0;

  /** @throws IllegalArgumentException if {@code lambda} is NaN, infinite or ≤ 0 */
  public Sigmoid {
    Specs.positive(NAME, "lambda", lambda);
  }

  /** The standard logistic function (λ = 1). */
  public Sigmoid() {
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

  /** Always false: f(0) = ½. */
  @Override
  public boolean preservesZero() {
    return false;
  }

  @Override
  public double value(double x) {
    return FastMath.sigmoid(lambda * x);
  }

  @Override
  public double derivative(double x) {
    return Numerics.scaledSigmoidDerivative(lambda * x, lambda);
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
    KernelPath.PATH.sigmoid(this, in, out);
  }

  /** The scalar loop over {@code [from, to)}: {@code out[i] = value(in[i])}, bit for bit. */
  void applyScalar(double[] in, double[] out, int from, int to) {
    double l = lambda;
    for (int i = from; i < to; i++) {
      out[i] = FastMath.sigmoid(l * in[i]);
    }
  }

  @Override
  public void derivative(double[] in, double[] out) {
    Specs.checkLengths(in, out);
    double l = lambda;
    for (int i = 0; i < in.length; i++) {
      out[i] = Numerics.scaledSigmoidDerivative(l * in[i], l);
    }
  }
}
