package io.github.sparkactivations.sql;

import io.github.sparkactivations.activation.Activation;
import io.github.sparkactivations.activation.Activations;
import io.github.sparkactivations.activation.ElementwiseActivation;
import io.github.sparkactivations.activation.RowwiseActivation;
import org.apache.spark.SparkException;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;

/**
 * Typed Spark UDFs that apply an already parsed activation to one column: the engine under
 * {@link ActivationFunctions} and the {@code ml.feature} stages.
 *
 * <p>One UDF per input kind ({@link Kind}); each captures only the activation object, primitives and
 * a message prefix, so a closure never drags a stage or a session to the executors. Per row the work
 * is one bulk call of the core over the stored values and one output allocation.
 *
 * <p>Input and output types:
 *
 * <table>
 *   <caption>type mapping</caption>
 *   <tr><th>input</th><th>output</th></tr>
 *   <tr><td>ML {@code Vector}, dense</td><td>dense vector</td></tr>
 *   <tr><td>ML {@code Vector}, sparse</td><td>elementwise: sparse (explicit zeros dropped) when
 *       g(0) == 0 for the computed g (f, or f' in derivative mode), else dense, filled with g(0) once;
 *       row-wise: dense</td></tr>
 *   <tr><td>{@code array<double>}</td><td>{@code array<double>}</td></tr>
 *   <tr><td>{@code array<float>}</td><td>{@code array<float>} (computed in double, rounded once)</td></tr>
 *   <tr><td>byte, short, int, long, float, double, decimal</td><td>{@code double}
 *       (elementwise only)</td></tr>
 * </table>
 *
 * <p>Invalid input is a null cell, a NaN entry, or a null element inside an array; +-Infinity is
 * valid. What happens to it is given by {@link HandleInvalid}; under {@code KEEP}, a null array
 * element stays null (elementwise) or makes the whole row null (row-wise).
 */
public final class ActivationUdfs {

  private ActivationUdfs() {}

  /** The supported kinds of input column. */
  public enum Kind {
    /** An ML {@code Vector} (dense or sparse). */
    VECTOR(SQLDataTypes.VectorType()),
    /** {@code array<double>}. */
    DOUBLE_ARRAY(DataTypes.createArrayType(DataTypes.DoubleType, true)),
    /** {@code array<float>}. */
    FLOAT_ARRAY(DataTypes.createArrayType(DataTypes.FloatType, true)),
    /** Any numeric scalar; the function runs on its value as a double. */
    NUMBER(DataTypes.DoubleType);

    private final DataType outputType;

    Kind(DataType outputType) {
      this.outputType = outputType;
    }

    /** The type of the output column (always nullable). */
    public DataType outputType() {
      return outputType;
    }

    /** The kind of a column of type {@code type}, or null if it is not supported. */
    public static Kind of(DataType type) {
      if (SQLDataTypes.VectorType().equals(type)) {
        return VECTOR;
      }
      if (type instanceof ArrayType a) {
        if (DataTypes.DoubleType.equals(a.elementType())) {
          return DOUBLE_ARRAY;
        }
        if (DataTypes.FloatType.equals(a.elementType())) {
          return FLOAT_ARRAY;
        }
        return null;
      }
      return type instanceof NumericType ? NUMBER : null;
    }
  }

  /**
   * {@code fn} (or its derivative f') applied to {@code input}, a column of type {@code inputType}.
   *
   * @param where names the input in error messages, e.g. {@code "ActivationTransformer_ab12: input
   *     column 'features'"}
   * @throws IllegalArgumentException if {@code inputType} is not a supported {@link Kind}
   */
  public static Column elementwise(
      Column input,
      DataType inputType,
      ElementwiseActivation fn,
      boolean derivative,
      HandleInvalid handleInvalid,
      String where) {
    CellFunction kernel = new CellFunction.Elementwise(fn, derivative);
    String name = (derivative ? "activation_derivative_" : "activation_") + fn.name();
    return apply(kernel, kind(inputType, true, where), input, handleInvalid, where, name);
  }

  /**
   * The row-wise {@code fn} of {@code input / temperature}, for a vector or array column.
   *
   * @throws IllegalArgumentException if {@code inputType} is not a vector or array type, or the
   *     temperature is not finite and > 0
   */
  public static Column rowwise(
      Column input,
      DataType inputType,
      RowwiseActivation fn,
      double temperature,
      HandleInvalid handleInvalid,
      String where) {
    CellFunction kernel = new CellFunction.Rowwise(fn, temperature);
    return apply(kernel, kind(inputType, false, where), input, handleInvalid, where, fn.name());
  }

  /**
   * Like {@link #elementwise}, with the activation spec read from a string column per row (null spec
   * gives null). Each distinct spec is parsed once per task and cached, never once per row. An invalid
   * spec fails the task whatever {@code handleInvalid} says (it is a bad call, not bad data), with a
   * message naming {@code specWhere} (the spec argument), the spec and the reason; {@code where} (the
   * input argument) names the column in the data errors.
   */
  public static Column elementwiseBySpec(
      Column spec,
      Column input,
      DataType inputType,
      boolean derivative,
      HandleInvalid handleInvalid,
      String where,
      String specWhere) {
    Kind kind = kind(inputType, true, where);
    SpecCache cache = new SpecCache(derivative, specWhere);
    UserDefinedFunction udf =
        functions.udf(
            (UDF2<String, Object, Object>)
                (s, x) -> s == null ? null : applyAny(cache.kernel(s), kind, x, handleInvalid, where),
            kind.outputType());
    // always nondeterministic: a bad spec in some row throws, whatever handleInvalid (SPARK-22446)
    udf = udf.withName(derivative ? "activation_derivative" : "activation").asNondeterministic();
    return udf.apply(spec, kind == Kind.NUMBER ? input.cast(DataTypes.DoubleType) : input);
  }

  private static Object applyAny(CellFunction kernel, Kind kind, Object x, HandleInvalid mode, String where)
      throws SparkException {
    return switch (kind) {
      case VECTOR -> applyVector(kernel, (Vector) x, mode, where);
      case DOUBLE_ARRAY -> applyArray(kernel, (scala.collection.Seq<?>) x, mode, where, false);
      case FLOAT_ARRAY -> applyArray(kernel, (scala.collection.Seq<?>) x, mode, where, true);
      case NUMBER -> applyNumber(kernel, (Double) x, mode, where);
    };
  }

  /**
   * Parses the spec of the SQL function {@code activation} ({@code activation_derivative} if
   * {@code derivative}): like {@link Activations#parseElementwise}, but a row-wise spec is told which
   * SQL function refused it and where row-wise functions are applied instead.
   *
   * @throws IllegalArgumentException if the spec does not parse or names a row-wise activation
   */
  public static ElementwiseActivation parseSqlSpec(boolean derivative, String spec) {
    Activation parsed = Activations.parse(spec);
    if (parsed instanceof ElementwiseActivation e) {
      return e;
    }
    String function = derivative ? "activation_derivative" : "activation";
    throw new IllegalArgumentException(
        parsed.name() + " is a row-wise activation (it maps a whole row at once), but the SQL function "
            + function + " applies an elementwise activation to each entry"
            + (derivative
                ? " (a row-wise function's derivative is a Jacobian matrix per row). For gradients use "
                    + "RowwiseActivation.backward"
                : ". For a row-wise function of each row use the ML stage ActivationTransformer (setActivation(\""
                    + parsed.name() + "\")), or the SQL functions softmax(x [, temperature]) and "
                    + "log_softmax(x [, temperature])")
            + "; elementwise activations: " + String.join(", ", Activations.elementwiseNames()));
  }

  /** Parsed kernels by spec string; one per task after deserialization (the map is transient). */
  static final class SpecCache implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private static final int MAX_SPECS = 1024;
    private final boolean derivative;
    private final String where;
    private transient java.util.concurrent.ConcurrentHashMap<String, CellFunction> kernels;

    SpecCache(boolean derivative, String where) {
      this.derivative = derivative;
      this.where = where;
    }

    CellFunction kernel(String spec) {
      if (kernels == null) {
        kernels = new java.util.concurrent.ConcurrentHashMap<>();
      }
      CellFunction k = kernels.get(spec);
      if (k == null) {
        if (kernels.size() >= MAX_SPECS) {
          kernels.clear();
        }
        try {
          k = new CellFunction.Elementwise(parseSqlSpec(derivative, spec), derivative);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              where + ": the spec '" + spec + "' read from the spec column is invalid: " + e.getMessage(), e);
        }
        kernels.put(spec, k);
      }
      return k;
    }
  }

  /** Names the types a column may have, for error messages. */
  public static String supportedTypes(boolean numbers) {
    return "vector, array<double> or array<float>" + (numbers ? ", or a numeric type" : "");
  }

  /**
   * For an unsupported type that has an obvious conversion, a sentence naming it (starting with a
   * space); otherwise the empty string.
   */
  public static String conversionHint(DataType type) {
    if (type instanceof org.apache.spark.sql.types.UserDefinedType<?> udt
        && udt.userClass().getName().startsWith("org.apache.spark.mllib.linalg.")) {
      return " (an old org.apache.spark.mllib.linalg vector: convert the column with "
          + "MLUtils.convertVectorColumnsToML)";
    }
    return "";
  }

  private static Kind kind(DataType type, boolean numbers, String where) {
    Kind kind = Kind.of(type);
    if (kind == null || (kind == Kind.NUMBER && !numbers)) {
      throw new IllegalArgumentException(
          where + " must be of type " + supportedTypes(numbers) + " but was " + type.catalogString()
              + conversionHint(type));
    }
    return kind;
  }

  private static Column apply(
      CellFunction kernel, Kind kind, Column input, HandleInvalid mode, String where, String name) {
    UserDefinedFunction udf =
        switch (kind) {
          case VECTOR -> functions.udf(
              (UDF1<Vector, Vector>) v -> applyVector(kernel, v, mode, where), kind.outputType());
          case DOUBLE_ARRAY -> functions.udf(
              (UDF1<scala.collection.Seq<?>, Object>) s -> applyArray(kernel, s, mode, where, false),
              kind.outputType());
          case FLOAT_ARRAY -> functions.udf(
              (UDF1<scala.collection.Seq<?>, Object>) s -> applyArray(kernel, s, mode, where, true),
              kind.outputType());
          case NUMBER -> functions.udf(
              (UDF1<Double, Double>) x -> applyNumber(kernel, x, mode, where), kind.outputType());
        };
    udf = udf.withName(name);
    if (mode != HandleInvalid.KEEP) {
      // can throw (error) or feeds a null filter (skip): keep the optimizer from moving it around
      // user filters or duplicating it into a pushed-down predicate (SPARK-22446)
      udf = udf.asNondeterministic();
    }
    return udf.apply(kind == Kind.NUMBER ? input.cast(DataTypes.DoubleType) : input);
  }

  static Vector applyVector(CellFunction kernel, Vector v, HandleInvalid mode, String where)
      throws SparkException {
    if (v == null) {
      return onNull(mode, where);
    }
    if (v instanceof DenseVector d) {
      double[] values = d.values();
      if (mode != HandleInvalid.KEEP) {
        int bad = firstNaN(values);
        if (bad >= 0) {
          return onNaN(mode, where, bad);
        }
      }
      return new DenseVector(kernel.dense(values)); // in place: values is our own deserialized copy
    }
    if (v instanceof SparseVector s) {
      if (mode != HandleInvalid.KEEP) {
        int bad = firstNaN(s.values());
        if (bad >= 0) {
          return onNaN(mode, where, s.indices()[bad]);
        }
      }
      return kernel.sparse(s);
    }
    throw new IllegalArgumentException(where + ": unsupported vector class " + v.getClass().getName());
  }

  static Object applyArray(
      CellFunction kernel, scala.collection.Seq<?> s, HandleInvalid mode, String where, boolean floats)
      throws SparkException {
    if (s == null) {
      return onNull(mode, where);
    }
    double[] in = new double[s.length()];
    int firstNull = -1;
    int firstNaN = -1;
    scala.collection.Iterator<?> it = s.iterator();
    for (int i = 0; i < in.length; i++) {
      Object o = it.next();
      if (o == null) {
        in[i] = Double.NaN;
        if (firstNull < 0) {
          firstNull = i;
        }
      } else {
        double x = ((Number) o).doubleValue();
        in[i] = x;
        if (x != x && firstNaN < 0) {
          firstNaN = i;
        }
      }
    }
    if (firstNull >= 0) {
      if (mode == HandleInvalid.ERROR) {
        throw new SparkException(
            where + " holds an array with a null element at index " + firstNull + ". " + fix("null"));
      }
      if (mode == HandleInvalid.SKIP || !kernel.elementwise()) {
        return null;
      }
    }
    if (firstNaN >= 0 && mode != HandleInvalid.KEEP) {
      return onNaN(mode, where, firstNaN);
    }
    double[] out = kernel.dense(in);
    if (firstNull >= 0) { // keep + elementwise: a null element stays null
      Object[] boxed = new Object[out.length];
      it = s.iterator();
      for (int i = 0; i < out.length; i++) {
        boxed[i] = it.next() == null ? null : floats ? (Object) (float) out[i] : (Object) out[i];
      }
      return boxed;
    }
    if (floats) {
      float[] f = new float[out.length];
      for (int i = 0; i < out.length; i++) {
        f[i] = (float) out[i];
      }
      return f;
    }
    return out;
  }

  static Double applyNumber(CellFunction kernel, Double x, HandleInvalid mode, String where)
      throws SparkException {
    if (x == null) {
      return onNull(mode, where);
    }
    double v = x;
    if (v != v && mode != HandleInvalid.KEEP) {
      return onNaN(mode, where, -1);
    }
    return kernel.scalar(v);
  }

  private static int firstNaN(double[] values) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] != values[i]) {
        return i;
      }
    }
    return -1;
  }

  private static <T> T onNull(HandleInvalid mode, String where) throws SparkException {
    if (mode == HandleInvalid.ERROR) {
      throw new SparkException(where + " holds a null value. " + fix("null"));
    }
    return null;
  }

  private static <T> T onNaN(HandleInvalid mode, String where, int index) throws SparkException {
    if (mode == HandleInvalid.ERROR) {
      String at = index >= 0 ? " at index " + index : "";
      throw new SparkException(
          where + " holds NaN" + at + " (+-Infinity is valid input, NaN is not). " + fix("NaN"));
    }
    return null;
  }

  private static String fix(String what) {
    return "Set handleInvalid to 'skip' to drop rows with "
        + what
        + " input, or to 'keep' to "
        + ("null".equals(what) ? "pass null through." : "let NaN propagate to the output.");
  }
}
