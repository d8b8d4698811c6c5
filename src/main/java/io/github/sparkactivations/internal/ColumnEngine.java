package io.github.sparkactivations.internal;

import io.github.sparkactivations.activation.ElementwiseActivation;
import io.github.sparkactivations.activation.RowwiseActivation;
import io.github.sparkactivations.internal.codegen.ActivationExpression;
import io.github.sparkactivations.internal.codegen.Execution;
import io.github.sparkactivations.internal.shim.SparkShim;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * The one factory of activation columns: for an activation, the type of its input column and a
 * {@link HandleInvalid} mode, the Spark {@code Column} that computes it. The stages and the SQL functions
 * build every output column here, and here alone is decided how it executes: as the
 * {@link ActivationExpression} in whole-stage generated code, or as the typed UDFs of
 * {@link UdfColumns}, as {@link Execution} says ({@link #execute}); a spec read per row always runs as
 * a UDF.
 *
 * <p>Each method checks the input type first ({@link ColumnKind#require}), so a bad column fails on the
 * driver, before any job runs; invalid rows under {@code ERROR} fail the task with an
 * {@link InvalidInputException} naming {@code in}.
 */
public final class ColumnEngine {

  private ColumnEngine() {}

  /**
   * {@code fn} (or its derivative f') applied to each entry of {@code input}, a column of type
   * {@code inputType}: a vector, {@code array<double>}, {@code array<float>} or numeric column.
   *
   * @throws IllegalArgumentException if {@code inputType} is not one of those
   */
  public static Column elementwise(
      Column input,
      DataType inputType,
      ElementwiseActivation fn,
      boolean derivative,
      HandleInvalid handleInvalid,
      InputRef in) {
    ColumnKind kind = ColumnKind.require(inputType, true, in.where(), null);
    CellFunction f = new CellFunction.Elementwise(fn, derivative);
    String name = (derivative ? "activation_derivative_" : "activation_") + fn.name();
    return execute(f, kind, input, handleInvalid, in, name);
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
      InputRef in) {
    ColumnKind kind = ColumnKind.require(inputType, false, in.where(), null);
    CellFunction f = new CellFunction.Rowwise(fn, temperature);
    return execute(f, kind, input, handleInvalid, in, fn.name());
  }

  /**
   * Like {@link #elementwise}, with the activation spec read per row from the string column
   * {@code spec} (a null spec gives null). Each distinct spec is parsed once per task and cached, never
   * once per row. An invalid spec fails the task whatever {@code handleInvalid} says (it is a bad call,
   * not bad data), with a message naming {@code specWhere} (the spec argument), the spec and the reason.
   */
  public static Column elementwiseBySpec(
      Column spec,
      Column input,
      DataType inputType,
      boolean derivative,
      HandleInvalid handleInvalid,
      InputRef in,
      String specWhere) {
    ColumnKind kind = ColumnKind.require(inputType, true, in.where(), null);
    return UdfColumns.bySpec(spec, input, kind, derivative, handleInvalid, in, specWhere);
  }

  /** The execution choice: the one place that decides how a column function runs. */
  private static Column execute(
      CellFunction f, ColumnKind kind, Column input, HandleInvalid mode, InputRef in, String name) {
    if (Execution.useNative()) {
      Column x = kind == ColumnKind.NUMBER ? input.cast(DataTypes.DoubleType) : input;
      return SparkShim.column(
          new ActivationExpression(SparkShim.expression(x), kind, f, mode, in, name));
    }
    return UdfColumns.apply(f, kind, input, mode, in, name);
  }
}
