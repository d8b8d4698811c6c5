package io.github.sparkactivations.sql;

import io.github.sparkactivations.activation.Activations;
import io.github.sparkactivations.activation.ElementwiseActivation;
import io.github.sparkactivations.activation.RowwiseActivation;
import io.github.sparkactivations.internal.ColumnEngine;
import io.github.sparkactivations.internal.HandleInvalid;
import io.github.sparkactivations.internal.InputRef;
import io.github.sparkactivations.internal.Rules;
import io.github.sparkactivations.internal.shim.SparkShim;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * Activations as DataFrame column functions and SQL functions.
 *
 * <p>After {@link #register(SparkSession)}, SQL text can call:
 *
 * <pre>
 * activation(spec, x)              -- f(x), e.g. activation('leaky_relu(alpha=0.2)', features)
 * activation_derivative(spec, x)   -- f'(x)
 * softmax(x [, temperature])       -- softmax(x / T), row-wise
 * log_softmax(x [, temperature])   -- log_softmax(x / T), row-wise
 * </pre>
 *
 * <p>Each function is polymorphic in {@code x}, like Spark's built-ins: the result has the type of the
 * input: a vector gives a vector (a sparse vector stays
 * sparse when f(0) == 0), {@code array<double>} gives {@code array<double>}, {@code array<float>}
 * gives {@code array<float>}, and for {@code activation}/{@code activation_derivative} any numeric
 * scalar gives a {@code double}. A constant spec (the usual case) is parsed once, when the query is
 * analysed, so a bad spec fails before any job runs; a spec read from a column is parsed once per
 * distinct value per task, and an invalid value fails the task naming the call and the spec. Invalid
 * input is always kept, as by the stages under {@code handleInvalid=keep} (there is no
 * {@code handleInvalid} argument): as with SQL functions generally, a null input gives null (an untyped
 * {@code NULL} literal gives a null {@code double} from {@code activation}, a null {@code array<double>}
 * from {@code softmax}); a NaN entry propagates (NaN at that entry from {@code activation}, a NaN row
 * from {@code softmax}); a null array element gives a null element from {@code activation} and
 * {@code activation_derivative}, a null row from {@code softmax} and {@code log_softmax}. A NULL spec, a
 * temperature that is not a constant finite number > 0, or a wrong number of arguments fails at
 * analysis with an {@code IllegalArgumentException} naming the function.
 *
 * <p>The DataFrame methods below build the same calls ({@code functions.call_function}), registering
 * the functions on the active session the first time they are used.
 */
public final class ActivationFunctions {

  private ActivationFunctions() {}

  /** SQL name of f(x) by spec. */
  public static final String ACTIVATION = "activation";
  /** SQL name of f'(x) by spec. */
  public static final String ACTIVATION_DERIVATIVE = "activation_derivative";
  /** SQL name of the row-wise softmax. */
  public static final String SOFTMAX = "softmax";
  /** SQL name of the row-wise log-softmax. */
  public static final String LOG_SOFTMAX = "log_softmax";

  /** f(x) for the elementwise activation {@code spec} (e.g. {@code "elu(alpha=0.5)"}). */
  public static Column activation(String spec, Column x) {
    return call(ACTIVATION, functions.lit(spec), x);
  }

  /** f(x) with the spec taken per row from a string column. */
  public static Column activation(Column spec, Column x) {
    return call(ACTIVATION, spec, x);
  }

  /** f'(x), the derivative at the input, for the elementwise activation {@code spec}. */
  public static Column activationDerivative(String spec, Column x) {
    return call(ACTIVATION_DERIVATIVE, functions.lit(spec), x);
  }

  /** Row-wise softmax of a vector or array column. */
  public static Column softmax(Column x) {
    return call(SOFTMAX, x);
  }

  /** Row-wise softmax of {@code x / temperature} (temperature finite and > 0). */
  public static Column softmax(Column x, double temperature) {
    return call(SOFTMAX, x, functions.lit(temperature));
  }

  /** Row-wise log-softmax of a vector or array column. */
  public static Column logSoftmax(Column x) {
    return call(LOG_SOFTMAX, x);
  }

  /** Row-wise log-softmax of {@code x / temperature}. */
  public static Column logSoftmax(Column x, double temperature) {
    return call(LOG_SOFTMAX, x, functions.lit(temperature));
  }

  /**
   * Registers {@code activation}, {@code activation_derivative}, {@code softmax} and
   * {@code log_softmax} as temporary functions of {@code spark} (replacing functions of the same
   * names), so that SQL text can use them.
   */
  public static void register(SparkSession spark) {
    SparkShim.createOrReplaceTempFunction(spark, ACTIVATION, new ElementwiseBuilder(ACTIVATION, false));
    SparkShim.createOrReplaceTempFunction(
        spark, ACTIVATION_DERIVATIVE, new ElementwiseBuilder(ACTIVATION_DERIVATIVE, true));
    SparkShim.createOrReplaceTempFunction(spark, SOFTMAX, new RowwiseBuilder(SOFTMAX));
    SparkShim.createOrReplaceTempFunction(spark, LOG_SOFTMAX, new RowwiseBuilder(LOG_SOFTMAX));
  }

  private static Column call(String name, Column... args) {
    SparkSession spark = SparkSession.active();
    if (!SparkShim.functionExists(spark, name)) {
      register(spark);
    }
    return functions.call_function(name, args);
  }

  private static List<Expression> args(List<Expression> list, String name, int min, int max, String usage) {
    if (list.size() < min || list.size() > max) {
      throw new IllegalArgumentException(
          name + " takes " + usage + " but was given " + list.size() + " argument(s)");
    }
    return list;
  }

  /** True for an untyped NULL argument (SQL {@code NULL}, {@code lit(null)}). */
  private static boolean isNull(Expression e) {
    return DataTypes.NullType.equals(e.dataType());
  }

  private static String describe(String name, List<Expression> args) {
    StringBuilder b = new StringBuilder(name).append('(');
    for (int i = 0; i < args.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(args.get(i).sql());
    }
    return b.append(')').toString();
  }

  /** Builds activation(spec, x) / activation_derivative(spec, x) once the argument types are known. */
  private static final class ElementwiseBuilder implements Function<List<Expression>, Expression> {
    private final String name;
    private final boolean derivative;

    ElementwiseBuilder(String name, boolean derivative) {
      this.name = name;
      this.derivative = derivative;
    }

    @Override
    public Expression apply(List<Expression> arguments) {
      List<Expression> a = args(arguments, name, 2, 2, "(spec, x)");
      Expression spec = a.get(0);
      Expression x = a.get(1);
      InputRef where = InputRef.ofSql(describe(name, a), "x");
      if (DataTypes.NullType.equals(spec.dataType())) {
        throw new IllegalArgumentException(name + ": spec must not be null");
      }
      if (!DataTypes.StringType.equals(spec.dataType())) {
        throw new IllegalArgumentException(
            name + ": spec must be a string such as 'relu' but was " + spec.dataType().catalogString());
      }
      // NULL typed as void: like Spark's built-ins, give a null of the scalar result type
      Column input = isNull(x) ? SparkShim.column(x).cast(DataTypes.DoubleType) : SparkShim.column(x);
      DataType type = isNull(x) ? DataTypes.DoubleType : x.dataType();
      if (spec.foldable()) {
        Object value = spec.eval(InternalRow.empty());
        if (value == null) {
          throw new IllegalArgumentException(name + ": spec must not be null");
        }
        ElementwiseActivation fn;
        try {
          fn = Rules.sqlElementwise(derivative, value.toString());
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(describe(name, a) + ": " + e.getMessage(), e);
        }
        return SparkShim.expression(
            ColumnEngine.elementwise(input, type, fn, derivative, HandleInvalid.KEEP, where));
      }
      return SparkShim.expression(ColumnEngine.elementwiseBySpec(
          SparkShim.column(spec), input, type, derivative, HandleInvalid.KEEP, where,
          describe(name, a) + ": argument spec"));
    }
  }

  /** Builds softmax(x [, temperature]) / log_softmax(x [, temperature]). */
  private static final class RowwiseBuilder implements Function<List<Expression>, Expression> {
    private final String name;

    RowwiseBuilder(String name) {
      this.name = name;
    }

    @Override
    public Expression apply(List<Expression> arguments) {
      List<Expression> a = args(arguments, name, 1, 2, "(x) or (x, temperature)");
      Expression x = a.get(0);
      double temperature = Rules.DEFAULT_TEMPERATURE;
      if (a.size() == 2) {
        Expression t = a.get(1);
        Object value = t.foldable() ? t.eval(InternalRow.empty()) : null;
        if (value instanceof org.apache.spark.sql.types.Decimal d) { // SQL's 2.5 is a decimal literal
          temperature = d.toDouble();
        } else if (value instanceof Number n) {
          temperature = n.doubleValue();
        } else {
          throw new IllegalArgumentException(
              name + ": temperature must be a constant number but was " + t.sql());
        }
        String problem = Rules.temperatureProblem(temperature);
        if (problem != null) {
          throw new IllegalArgumentException(name + ": temperature " + problem);
        }
      }
      RowwiseActivation fn = Activations.parseRowwise(name);
      // NULL typed as void: like Spark's built-ins, give a null (of type array<double>)
      DataType doubles = DataTypes.createArrayType(DataTypes.DoubleType);
      Column input = isNull(x) ? SparkShim.column(x).cast(doubles) : SparkShim.column(x);
      return SparkShim.expression(ColumnEngine.rowwise(
          input, isNull(x) ? doubles : x.dataType(), fn, temperature, HandleInvalid.KEEP,
          InputRef.ofSql(describe(name, a), "x")));
    }
  }
}
