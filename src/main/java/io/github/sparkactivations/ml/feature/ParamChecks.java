package io.github.sparkactivations.ml.feature;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;
import scala.runtime.AbstractFunction1;

/**
 * Validators for the stages' params whose failure is an {@link IllegalArgumentException} naming the
 * stage, the param, the value and what is allowed, instead of Spark's generic "parameter X given
 * invalid value Y." Spark's {@code Param.validate} calls the validator on every path that sets a value
 * (the setters, {@code set(param, value)}, {@code ParamMap.put}, {@code copy(extra)} and
 * {@code load}), and an exception thrown by the validator propagates unchanged, so all of them get the
 * same message. Serializable, unlike a Java lambda, because the params travel with the stage.
 */
final class ParamChecks {
  private ParamChecks() {}

  /** A validator that returns true or throws with {@link #problem}'s message. */
  abstract static class Check<T> extends AbstractFunction1<T, Object> implements Serializable {
    private static final long serialVersionUID = 1L;
    final String uid;
    final String param;

    Check(String uid, String param) {
      this.uid = uid;
      this.param = param;
    }

    /** What is wrong with {@code value}, or null if it is valid. */
    abstract String problem(T value);

    @Override
    public final Object apply(T value) {
      String p = problem(value);
      if (p != null) {
        throw new IllegalArgumentException(uid + ": " + param + " " + p);
      }
      return Boolean.TRUE;
    }
  }

  /** A double that must be finite and > 0 (the value arrives boxed: DoubleParam is a Param[Double]). */
  static final class PositiveFinite extends Check<Object> {
    private static final long serialVersionUID = 1L;
    private final double defaultValue;

    PositiveFinite(String uid, String param, double defaultValue) {
      super(uid, param);
      this.defaultValue = defaultValue;
    }

    @Override
    String problem(Object value) {
      double v = (Double) value;
      return v > 0 && Double.isFinite(v)
          ? null
          : "must be > 0 and finite (default " + defaultValue + ") but was " + v;
    }
  }

  /** A string that must be one of the given values, exactly (case-sensitive, as Spark's stages). */
  static final class OneOf extends Check<String> {
    private static final long serialVersionUID = 1L;
    private final String[] allowed;
    private final String defaultValue;

    OneOf(String uid, String param, String[] allowed, String defaultValue) {
      super(uid, param);
      this.allowed = allowed.clone();
      this.defaultValue = defaultValue;
    }

    @Override
    String problem(String value) {
      if (value != null && Arrays.asList(allowed).contains(value)) {
        return null;
      }
      String message =
          "must be one of " + String.join(", ", allowed) + " (default " + defaultValue + ") but was "
              + (value == null ? "null" : "'" + value + "'");
      if (value != null) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (Arrays.asList(allowed).contains(lower)) {
          message += "; the values are lower case: use '" + lower + "'";
        }
      }
      return message;
    }
  }

  /** A column-name array that must hold at least one name. */
  static final class NonEmptyNames extends Check<String[]> {
    private static final long serialVersionUID = 1L;

    NonEmptyNames(String uid, String param) {
      super(uid, param);
    }

    @Override
    String problem(String[] value) {
      if (value == null) {
        return "must not be null; give at least one column name";
      }
      return value.length == 0 ? "must not be empty; give at least one column name" : null;
    }
  }
}
