package io.github.sparkactivations.activation;

import java.util.Map;

/**
 * The hard swish of MobileNetV3 (Howard et al., "Searching for MobileNetV3", 2019): x·relu6(x + 3)/6.
 *
 * <pre>
 *   f(x)  = 0 if x ≤ −3, x if x ≥ 3, else x·(x + 3)/6
 *   f'(x) = 0 if x ≤ −3, 1 if x ≥ 3, else (2x + 3)/6      (0 at −3 and 1 at +3, as PyTorch ≥ 2.7)
 * </pre>
 *
 * <p>Range [−0.375, ∞) (minimum at x = −1.5); f(0) = 0 (sparse-safe); f(−0.0) = −0.0; on x ≤ −3 the
 * zero may carry either sign (the sign of an exact zero on a flat branch is left open). The derivative
 * on (−3, 3) is computed as (2x + 3)/6, which is exact before the division near its zero at −1.5
 * (x/3 + ½ would cancel). NaN gives NaN (value and derivative); f(+∞) = +∞ and f(−∞) = −0.0 (the
 * framework formula x·gate gives −∞·0 = NaN there).
 */
public record Hardswish() implements ElementwiseActivation {

  /** Canonical name: {@value}. */
  public static final String NAME = "hard_swish";

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
    return hardSwish(x);
  }

  /** The same bits as {@link #value}, in a loop C2 compiles without branches (min/max keep NaN). */
  @Override
  public void apply(double[] in, double[] out) {
    Specs.checkLengths(in, out);
    for (int i = 0; i < in.length; i++) {
      out[i] = hardSwish(in[i]);
    }
  }

  /**
   * y·(min(y + 3, 6)/6) with y = max(x, −3): the gate is exactly 1 for x ≥ 3 (so f(x) = x, also for +∞
   * and near the largest double, where x·(x + 3) would overflow) and exactly 0 for x ≤ −3, where the
   * result is −3·0 = −0.0 (−∞ included, not −∞·0 = NaN); Math.max propagates NaN. Two min/max, like
   * the framework formula x·min(max(x + 3, 0), 6)/6, so C2 vectorizes the loop as it does that one.
   */
  private static double hardSwish(double x) {
    double y = Math.max(x, -3.0);
    return y * (Math.min(y + 3.0, 6.0) / 6.0);
  }

  @Override
  public double derivative(double x) {
    if (x != x) {
      return x;
    }
    if (x <= -3.0) {
      return 0.0;
    }
    if (x >= 3.0) {
      return 1.0;
    }
    return (2.0 * x + 3.0) / 6.0;
  }
}
