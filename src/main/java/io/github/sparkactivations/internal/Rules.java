package io.github.sparkactivations.internal;

import io.github.sparkactivations.activation.Activation;
import io.github.sparkactivations.activation.Activations;
import io.github.sparkactivations.activation.ElementwiseActivation;

/**
 * The rules on function parameters that the stages, the SQL functions and the job all apply, written
 * once. Each returns the text of the problem (or throws), so that every caller can put its own name
 * for the setting in front: a stage its uid and param, a SQL function its call, the job its config key.
 */
public final class Rules {

  private Rules() {}

  /**
   * Why a numeric scalar column is refused for a row-wise function (a clause for
   * {@link ColumnKind#require}).
   */
  public static final String ROWWISE_NUMBERS = rowwiseNumbers("the function");

  /** {@link #ROWWISE_NUMBERS} naming the function, e.g. {@code softmin}. */
  public static String rowwiseNumbers(String function) {
    return function + " is row-wise: it normalises over the whole row, and a numeric column holds one value "
        + "per row";
  }

  /**
   * Why a row-wise function has no derivative mode: a clause completing "derivative=true is not
   * supported for the row-wise activation softmax: ...".
   */
  public static final String ROWWISE_DERIVATIVE =
      "every output entry depends on every input entry of the row, so its derivative is a Jacobian matrix "
          + "per row, not one value per entry";

  /** Where the gradients of a row-wise function are computed instead. */
  public static final String ROWWISE_GRADIENTS =
      "for gradients use the core's RowwiseActivation.backward (the vector-Jacobian product)";

  /** The default softmax temperature. */
  public static final double DEFAULT_TEMPERATURE = 1.0;

  /**
   * What is wrong with {@code t} as a softmax temperature, or null if it is finite and > 0. The text
   * completes "temperature ...".
   */
  public static String temperatureProblem(double t) {
    return t > 0.0 && Double.isFinite(t)
        ? null
        : "must be > 0 and finite (default " + DEFAULT_TEMPERATURE + ") but was " + t;
  }

  /**
   * @throws IllegalArgumentException if {@link #temperatureProblem} finds a problem with {@code t}
   */
  public static double requireTemperature(double t) {
    String p = temperatureProblem(t);
    if (p != null) {
      throw new IllegalArgumentException("temperature " + p);
    }
    return t;
  }

  /**
   * {@code parsed} as an elementwise activation, for a caller that applies one value per entry
   * ({@code function} names it, e.g. "the SQL function activation").
   *
   * @param derivative true if the caller computes f' (the message then says why a row-wise function
   *     has none)
   * @param rowwiseAlternative where the row-wise function can be applied instead (a sentence), used
   *     when {@code derivative} is false
   * @throws IllegalArgumentException if {@code parsed} is row-wise, naming it, why it is refused, and
   *     the elementwise names
   */
  public static ElementwiseActivation requireElementwise(
      Activation parsed, String function, boolean derivative, String rowwiseAlternative) {
    return Activations.requireElementwise(
        parsed,
        function + " applies an elementwise activation to each entry",
        derivative ? " (" + ROWWISE_DERIVATIVE + "). " + capitalised(ROWWISE_GRADIENTS) : ". " + rowwiseAlternative);
  }

  private static String capitalised(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /**
   * Parses the spec of the SQL function {@code activation} ({@code activation_derivative} if
   * {@code derivative}): like {@link Activations#parseElementwise}, but a row-wise spec is told which
   * SQL function refused it and where row-wise functions are applied instead.
   *
   * @throws IllegalArgumentException if the spec does not parse or names a row-wise activation
   */
  public static ElementwiseActivation sqlElementwise(boolean derivative, String spec) {
    Activation parsed = Activations.parse(spec);
    return requireElementwise(
        parsed,
        "the SQL function " + (derivative ? "activation_derivative" : "activation"),
        derivative,
        "For a row-wise function of each row use the ML stage ActivationTransformer (setActivation(\""
            + parsed.name() + "\")), or the SQL functions softmax(x [, temperature]) and "
            + "log_softmax(x [, temperature])");
  }
}
