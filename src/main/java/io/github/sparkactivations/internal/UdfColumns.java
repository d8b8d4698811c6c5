package io.github.sparkactivations.internal;

import io.github.sparkactivations.activation.ElementwiseActivation;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * The UDF execution of column functions: one typed Spark UDF per input kind ({@link ColumnKind}), each
 * capturing only the {@link CellFunction}, primitives and the {@link InputRef}, so a closure never drags
 * a stage or a session to the executors. Per row the work is one bulk call of the core over the stored
 * values and one output allocation. Reached through {@link ColumnEngine} only.
 */
final class UdfColumns {

  private UdfColumns() {}

  /** {@code f} over {@code input}, a column of kind {@code kind}, as a UDF named {@code name}. */
  static Column apply(
      CellFunction f, ColumnKind kind, Column input, HandleInvalid mode, InputRef in, String name) {
    UserDefinedFunction udf =
        switch (kind) {
          case VECTOR -> functions.udf(
              (UDF1<Vector, Vector>) v -> CellApply.vector(f, v, mode, in), kind.outputType());
          case DOUBLE_ARRAY -> functions.udf(
              (UDF1<scala.collection.Seq<?>, Object>) s -> CellApply.array(f, s, mode, in, false),
              kind.outputType());
          case FLOAT_ARRAY -> functions.udf(
              (UDF1<scala.collection.Seq<?>, Object>) s -> CellApply.array(f, s, mode, in, true),
              kind.outputType());
          case NUMBER -> functions.udf(
              (UDF1<Double, Double>) x -> CellApply.number(f, x, mode, in), kind.outputType());
        };
    udf = udf.withName(name);
    if (mode != HandleInvalid.KEEP) {
      // can throw (error) or feeds a null filter (skip): keep the optimizer from moving it around
      // user filters or duplicating it into a pushed-down predicate (SPARK-22446)
      udf = udf.asNondeterministic();
    }
    return udf.apply(kind == ColumnKind.NUMBER ? input.cast(DataTypes.DoubleType) : input);
  }

  /**
   * The elementwise function named per row by the string column {@code spec} (null spec gives null)
   * over {@code input}; see {@link ColumnEngine#elementwiseBySpec}.
   */
  static Column bySpec(
      Column spec,
      Column input,
      ColumnKind kind,
      boolean derivative,
      HandleInvalid mode,
      InputRef in,
      String specWhere) {
    SpecCache cache = new SpecCache(derivative, specWhere);
    UserDefinedFunction udf =
        functions.udf(
            (UDF2<String, Object, Object>)
                (s, x) -> s == null ? null : CellApply.any(cache.function(s), kind, x, mode, in),
            kind.outputType());
    // always nondeterministic: a bad spec in some row throws, whatever handleInvalid (SPARK-22446)
    udf = udf.withName(derivative ? "activation_derivative" : "activation").asNondeterministic();
    return udf.apply(spec, kind == ColumnKind.NUMBER ? input.cast(DataTypes.DoubleType) : input);
  }

  /** Parsed functions by spec string; one per task after deserialization (the map is transient). */
  static final class SpecCache implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private static final int MAX_SPECS = 1024;
    private final boolean derivative;
    private final String where;
    private transient ConcurrentHashMap<String, CellFunction> functions;

    SpecCache(boolean derivative, String where) {
      this.derivative = derivative;
      this.where = where;
    }

    CellFunction function(String spec) {
      if (functions == null) {
        functions = new ConcurrentHashMap<>();
      }
      CellFunction f = functions.get(spec);
      if (f == null) {
        if (functions.size() >= MAX_SPECS) {
          functions.clear();
        }
        ElementwiseActivation fn;
        try {
          fn = Rules.sqlElementwise(derivative, spec);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              where + ": the spec '" + spec + "' read from the spec column is invalid: " + e.getMessage(), e);
        }
        f = new CellFunction.Elementwise(fn, derivative);
        functions.put(spec, f);
      }
      return f;
    }
  }
}
