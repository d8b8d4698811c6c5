package io.github.sparkactivations.activation;

import java.util.Map;

/**
 * Hard shrinkage (hard thresholding; PyTorch {@code nn.Hardshrink}, ONNX {@code Shrink(bias=0)}).
 *
 * <pre>
 *   f(x)  = x if |x| > λ, else 0
 *   f'(x) = 1 if |x| > λ, else 0      (0 at ±λ)
 * </pre>
 *
 * <p>Range {0} ∪ {|x| > λ}; f(0) = 0 (sparse-safe). NaN gives NaN (value and derivative; a PyTorch
 * SIMD path once returned 0); f(±∞) = ±∞.
 *
 * @param lambd the threshold λ, finite and ≥ 0 (default: 0.5)
 */
public record Hardshrink(double lambd) implements ElementwiseActivation {

  /** Canonical name: {@value}. */
  public static final String NAME = "hardshrink";
  /** Default λ: {@value}. */
  public static final double DEFAULT_LAMBD = 0.5;

  /** @throws IllegalArgumentException if {@code lambd} is NaN, infinite or negative */
  public Hardshrink {
    Specs.nonNegative(NAME, "lambd", lambd);
  }

  /** Hard shrinkage with λ = 0.5. */
  public Hardshrink() {
    this(DEFAULT_LAMBD);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, Object> params() {
    return Specs.params("lambd", lambd);
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
    return FastMath.keepOrZero(!(Math.abs(x) <= lambd), x); // NaN: the test is true, NaN is kept
  }

  /** The same bits as {@link #value}, branch-free (see {@link FastMath#keepOrZero}). */
  @Override
  public void apply(double[] in, double[] out) {
    Specs.checkLengths(in, out);
    double l = lambd;
    for (int i = 0; i < in.length; i++) {
      double x = in[i];
      out[i] = FastMath.keepOrZero(!(Math.abs(x) <= l), x);
    }
  }

  @Override
  public double derivative(double x) {
    if (x > lambd || x < -lambd) {
      return 1.0;
    }
    return x != x ? x : 0.0;
  }
}
