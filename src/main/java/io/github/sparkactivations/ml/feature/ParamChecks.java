package io.github.sparkactivations.ml.feature;

import io.github.sparkactivations.internal.HandleInvalid;
import io.github.sparkactivations.internal.Rules;
import java.io.Serializable;
import scala.runtime.AbstractFunction1;

/**
 * Validators for the stages' params whose failure is an {@link InvalidParamException} naming the
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
        throw new InvalidParamException(uid + ": " + param + " " + p, uid, param, value, p, null);
      }
      return Boolean.TRUE;
    }
  }

  /** The softmax temperature, checked by the engine's one rule ({@link Rules#temperatureProblem}). */
  static final class Temperature extends Check<Object> {
    private static final long serialVersionUID = 1L;

    Temperature(String uid) {
      super(uid, "temperature");
    }

    @Override
    String problem(Object value) {
      return Rules.temperatureProblem((Double) value); // DoubleParam is a Param[Double]: boxed
    }
  }

  /** The {@code handleInvalid} value, checked by the engine's one rule ({@link HandleInvalid#problem}). */
  static final class HandleInvalidValue extends Check<String> {
    private static final long serialVersionUID = 1L;

    HandleInvalidValue(String uid) {
      super(uid, "handleInvalid");
    }

    @Override
    String problem(String value) {
      return HandleInvalid.problem(value);
    }
  }

  /** A column name: not null, not blank. */
  static final class ColumnName extends Check<String> {
    private static final long serialVersionUID = 1L;

    ColumnName(String uid, String param) {
      super(uid, param);
    }

    @Override
    String problem(String value) {
      return nameProblem(value);
    }
  }

  static String nameProblem(String name) {
    if (name == null) {
      return "must be a column name but was null";
    }
    return name.isBlank() ? "must be a column name but was '" + name + "' (blank)" : null;
  }

  /** A column-name array that must hold at least one name, each a {@link ColumnName}. */
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
      if (value.length == 0) {
        return "must not be empty; give at least one column name";
      }
      for (int i = 0; i < value.length; i++) {
        String p = nameProblem(value[i]);
        if (p != null) {
          return "element " + i + " " + p;
        }
      }
      return null;
    }
  }
}
