package io.github.sparkactivations.activation;

import java.util.Map;

/**
 * The hard sigmoid of PyTorch ({@code nn.Hardsigmoid}), Keras 3 and JAX: relu6(x + 3)/6. (The ONNX
 * form with α = 0.2 is {@link Hardsigmoid}.)
 *
 * <pre>
 *   f(x)  = 0 if x ≤ −3, 1 if x ≥ 3, else x/6 + ½
 *   f'(x) = 1/6 on (−3, 3), else 0      (0 at ±3, as PyTorch)
 * </pre>
 *
 * <p>Range [0, 1]; f(0) = ½, not sparse-safe. Evaluated as min(max(x + 3, 0), 6)/6: x + 3 is exact
 * near −3, where x/6 + ½ would cancel. NaN gives NaN (value and derivative); f(+∞) = 1, f(−∞) = 0.
 */
public record HardsigmoidPytorch() implements ElementwiseActivation {

  /** Canonical name: {@value}. */
  public static final String NAME = "hard_sigmoid_pytorch";

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

  /** Always false: f(0) = ½. */
  @Override
  public boolean preservesZero() {
    return false;
  }

  @Override
  public double value(double x) {
    return Math.min(Math.max(x + 3.0, 0.0), 6.0) / 6.0;
  }

  @Override
  public double derivative(double x) {
    if (x != x) {
      return x;
    }
    return x > -3.0 && x < 3.0 ? 1.0 / 6.0 : 0.0;
  }
}
