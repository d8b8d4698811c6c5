package io.github.sparkactivations.internal;

import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.UserDefinedType;

/**
 * The kinds of input column the engine reads, and the type of the column it writes for each:
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
 */
public enum ColumnKind {
  /** An ML {@code Vector} (dense or sparse). */
  VECTOR(SQLDataTypes.VectorType()),
  /** {@code array<double>}. */
  DOUBLE_ARRAY(DataTypes.createArrayType(DataTypes.DoubleType, true)),
  /** {@code array<float>}. */
  FLOAT_ARRAY(DataTypes.createArrayType(DataTypes.FloatType, true)),
  /** Any numeric scalar; the function runs on its value as a double. */
  NUMBER(DataTypes.DoubleType);

  private final DataType outputType;

  ColumnKind(DataType outputType) {
    this.outputType = outputType;
  }

  /** The type of the output column (always nullable). */
  public DataType outputType() {
    return outputType;
  }

  /** The kind of a column of type {@code type}, or null if it is not supported. */
  public static ColumnKind of(DataType type) {
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

  /**
   * The kind of {@code type}, which must be a vector or array type, or also a numeric type if
   * {@code numbers}.
   *
   * @param where names the input, e.g. {@code "ActivationTransformer_ab12: input column 'features'"}
   * @param numbersRefused why a numeric column is refused when {@code numbers} is false (a clause, e.g.
   *     {@link Rules#ROWWISE_NUMBERS}), or null to say nothing
   * @throws IllegalArgumentException naming the input, the type, the supported types and, where there
   *     is one, the conversion that fixes it
   */
  public static ColumnKind require(DataType type, boolean numbers, String where, String numbersRefused) {
    ColumnKind kind = of(type);
    if (kind != null && (kind != NUMBER || numbers)) {
      return kind;
    }
    String why = kind == NUMBER && numbersRefused != null
        ? " (" + numbersRefused + "; put the row's values in one vector column with VectorAssembler, or "
            + "in an array column)"
        : conversionHint(type);
    throw new IllegalArgumentException(
        where + " must be of type " + supportedTypes(numbers) + " but was " + type.catalogString() + why);
  }

  /** Names the types a column may have, for error messages. */
  static String supportedTypes(boolean numbers) {
    return "vector, array<double> or array<float>" + (numbers ? ", or a numeric type" : "");
  }

  /**
   * For an unsupported type that has an obvious conversion, a sentence naming it (starting with a
   * space); otherwise the empty string.
   */
  static String conversionHint(DataType type) {
    if (type instanceof UserDefinedType<?> udt
        && udt.userClass().getName().startsWith("org.apache.spark.mllib.linalg.")) {
      return " (an old org.apache.spark.mllib.linalg vector: convert the column with "
          + "MLUtils.convertVectorColumnsToML)";
    }
    return "";
  }
}
