package io.github.sparkactivations.ml.feature;

/**
 * A stage param given a value it does not allow, or two params that do not go together. Thrown when
 * the value is set (a setter, {@code set(param, value)}, {@code ParamMap}, {@code copy}, {@code load}),
 * or, for a combination of params, by {@link ActivationTransformer#validateParams()} and
 * {@code transformSchema}. The message names the stage, the param, the value and what is allowed;
 * code that reports the failure in its own terms (the job names its config key) reads the fields
 * instead of the message.
 */
public final class InvalidParamException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String stageUid;
  private final String param;
  private final String value;
  private final String problem;

  InvalidParamException(String message, String stageUid, String param, Object value, String problem,
      Throwable cause) {
    super(message, cause);
    this.stageUid = stageUid;
    this.param = param;
    this.value = value instanceof Object[] a ? java.util.Arrays.toString(a) : String.valueOf(value);
    this.problem = problem;
  }

  /** The uid of the stage whose param is at fault. */
  public String stageUid() {
    return stageUid;
  }

  /** The param's name, e.g. {@code temperature}. */
  public String param() {
    return param;
  }

  /** The value refused, as text ({@code "null"} for null). */
  public String value() {
    return value;
  }

  /**
   * What is wrong and what is allowed, without the stage or param name in front, e.g.
   * {@code must be > 0 and finite (default 1.0) but was -2.0}.
   */
  public String problem() {
    return problem;
  }
}
