package io.github.sparkactivations.activation;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The hard sigmoid in its ONNX form (also Keras 2 and DL4J): a clipped line. The PyTorch/Keras 3/JAX
 * function x/6 + ½ is the separate activation {@link HardsigmoidPytorch}.
 *
 * <pre>
 *   f(x)  = max(0, min(1, α·x + β))
 *   f'(x) = α where 0 &lt; α·x + β &lt; 1, else 0      (0 at both clip points)
 * </pre>
 *
 * <p>Range [0, 1]; f(0) = clamp(β), so it is sparse-safe only when β ≤ 0. αx + β is computed with one
 * rounding ({@link Math#fma}), so no digits are lost next to the lower clip point. NaN gives NaN
 * (value and derivative); f(±∞) is the limit (1 or 0 by the sign of α, clamp(β) when α = 0) and
 * f'(±∞) = 0.
 *
 * @param alpha the slope α, any finite double (default: 0.2)
 * @param beta the offset β, any finite double (default: 0.5)
 */
public record Hardsigmoid(double alpha, double beta) implements ElementwiseActivation {

  /** Canonical name: {@value}. */
  public static final String NAME = "hard_sigmoid";
  /** Default slope α: {@value}. */
  public static final double DEFAULT_ALPHA = 0.2;
  /** Default offset β: {@value}. */
  public static final double DEFAULT_BETA = 0.5;

  /** @throws IllegalArgumentException if {@code alpha} or {@code beta} is NaN or infinite */
  public Hardsigmoid {
    Specs.finite(NAME, "alpha", alpha);
    Specs.finite(NAME, "beta", beta);
  }

  /** The ONNX hard sigmoid, α = 0.2 and β = 0.5. */
  public Hardsigmoid() {
    this(DEFAULT_ALPHA, DEFAULT_BETA);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, Object> params() {
    return Specs.params("alpha", alpha, "beta", beta);
  }

  @Override
  public String toString() {
    return spec();
  }

  /** True iff β ≤ 0 (then f(0) = 0). */
  @Override
  public boolean preservesZero() {
    return beta <= 0;
  }

  @Override
  public double value(double x) {
    double t = (alpha == 0.0 && Double.isInfinite(x)) ? beta : Math.fma(alpha, x, beta);
    return Math.max(0.0, Math.min(1.0, t));
  }

  @Override
  public double derivative(double x) {
    if (x != x) {
      return x;
    }
    if (Double.isInfinite(x)) {
      return 0.0;
    }
    double t = Math.fma(alpha, x, beta);
    if (t == 0.0 || t == 1.0) {
      // The rounded alpha*x + beta landed on a clip point, but the exact value may lie just inside
      // (0, 1): e.g. alpha=0.25, x=nextDown(2.0) gives 1 - 2^-54, which rounds to 1.0. Decide exactly.
      BigDecimal exact = new BigDecimal(alpha).multiply(new BigDecimal(x))
          .add(new BigDecimal(beta));
      return exact.signum() > 0 && exact.compareTo(BigDecimal.ONE) < 0 ? alpha : 0.0;
    }
    return t > 0 && t < 1 ? alpha : 0.0;
  }
}
