package io.github.sparkactivations.activation;

import java.util.Map;

/**
 * The general shrinkage of ONNX {@code Shrink} (opset 9): hardshrink with the default bias 0,
 * softshrink with bias = λ.
 *
 * <pre>
 *   f(x)  = x + bias if x &lt; −λ;  x − bias if x > λ;  0 otherwise
 *   f'(x) = 1 if |x| > λ, else 0      (0 at ±λ; f jumps by λ − bias there)
 * </pre>
 *
 * <p>Range ℝ; f(0) = 0 (sparse-safe). NaN gives NaN (value and derivative; the ONNX reference returns
 * 0); f(±∞) = ±∞.
 *
 * @param lambd the threshold λ, finite and ≥ 0 (default: 0.5)
 * @param bias the shift applied outside [−λ, λ], any finite double (default: 0.0)
 */
public record Shrink(double lambd, double bias) implements ElementwiseActivation {

  /** Canonical name: {@value}. */
  public static final String NAME = "shrink";
  /** Default λ: {@value}. */
  public static final double DEFAULT_LAMBD = 0.5;
  /** Default bias: {@value}. */
  public static final double DEFAULT_BIAS = 0.0;

  /** @throws IllegalArgumentException if {@code lambd} is NaN, infinite or negative, or {@code bias} is not finite */
  public Shrink {
    Specs.nonNegative(NAME, "lambd", lambd);
    Specs.finite(NAME, "bias", bias);
  }

  /** ONNX Shrink with λ = 0.5 and bias 0. */
  public Shrink() {
    this(DEFAULT_LAMBD, DEFAULT_BIAS);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, Object> params() {
    return Specs.params("lambd", lambd, "bias", bias);
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
    return shrink(x, lambd, bias);
  }

  /** The same bits as {@link #value}, branch-free (see {@link FastMath#keepOrZero}). */
  @Override
  public void apply(double[] in, double[] out) {
    Specs.checkLengths(in, out);
    double l = lambd;
    double b = bias;
    for (int i = 0; i < in.length; i++) {
      out[i] = shrink(in[i], l, b);
    }
  }

  /**
   * x − sign(x)·bias outside [−λ, λ], else +0.0. sign(x)·bias is bias with its sign bit flipped by
   * x's (exact, branch-free; not {@code copySign(bias, x)}, which is |bias|·sign(x) and gets a
   * negative bias wrong on both sides), so x − sign(x)·bias is x − bias for x > λ and exactly x + bias
   * for x < −λ (IEEE subtraction is addition of the negation); NaN is kept.
   */
  private static double shrink(double x, double lambd, double bias) {
    double signedBias = Double.longBitsToDouble(
        Double.doubleToRawLongBits(bias) ^ (Double.doubleToRawLongBits(x) & Long.MIN_VALUE));
    return FastMath.keepOrZero(!(Math.abs(x) <= lambd), x - signedBias);
  }

  @Override
  public double derivative(double x) {
    if (x > lambd || x < -lambd) {
      return 1.0;
    }
    return x != x ? x : 0.0;
  }
}
