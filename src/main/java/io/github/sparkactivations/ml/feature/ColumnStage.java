package io.github.sparkactivations.ml.feature;

import io.github.sparkactivations.internal.HandleInvalid;
import io.github.sparkactivations.internal.Rules;
import io.github.sparkactivations.internal.StageColumns;
import io.github.sparkactivations.internal.StageColumns.ColumnFunction;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * What both stages share: the column params ({@code inputCol}/{@code outputCol} or
 * {@code inputCols}/{@code outputCols}) and {@code handleInvalid}; the schema checks and the
 * {@code transform}, one column per input column, are the engine's ({@link StageColumns}).
 *
 * @param <S> the concrete stage, so that setters return it
 */
abstract class ColumnStage<S extends ColumnStage<S>> extends Transformer
    implements DefaultParamsWritable {
  private static final long serialVersionUID = 1L;

  private final String uid;
  private final Param<String> inputCol;
  private final Param<String> outputCol;
  private final StringArrayParam inputCols;
  private final StringArrayParam outputCols;
  private final Param<String> handleInvalid;

  /** Creates the shared params; the uid must be assigned before any param is created. */
  ColumnStage(String uid) {
    this.uid = uid;
    inputCol = new Param<>(this, "inputCol", "input column name", new ParamChecks.ColumnName(uid, "inputCol"));
    outputCol = new Param<>(this, "outputCol", "output column name (default: <uid>__output)",
        new ParamChecks.ColumnName(uid, "outputCol"));
    inputCols =
        new StringArrayParam(
            this, "inputCols", "input column names (at least one)",
            new ParamChecks.NonEmptyNames(uid, "inputCols"));
    outputCols =
        new StringArrayParam(
            this, "outputCols", "output column names, one per input column",
            new ParamChecks.NonEmptyNames(uid, "outputCols"));
    handleInvalid =
        new Param<>(
            this,
            "handleInvalid",
            "how to handle invalid input rows, i.e. a null cell, a NaN entry or a null array element "
                + "(+-Infinity is valid): 'error' fails the job naming the column and the row problem, "
                + "'skip' drops the row (in multi-column mode, if any input column is invalid), "
                + "'keep' outputs null for null and lets NaN propagate (default: error)",
            new ParamChecks.HandleInvalidValue(uid));
    setDefault(outputCol, uid + "__output");
    setDefault(handleInvalid, HandleInvalid.DEFAULT.paramValue());
  }

  @Override
  public String uid() {
    return uid;
  }

  @SuppressWarnings("unchecked")
  private S self() {
    return (S) this;
  }

  /** Input column name (single-column mode). */
  public Param<String> inputCol() {
    return inputCol;
  }

  /** Output column name (single-column mode; default {@code <uid>__output}). */
  public Param<String> outputCol() {
    return outputCol;
  }

  /** Input column names (multi-column mode). */
  public StringArrayParam inputCols() {
    return inputCols;
  }

  /** Output column names (multi-column mode), one per input column. */
  public StringArrayParam outputCols() {
    return outputCols;
  }

  /**
   * {@code error} (default), {@code skip} or {@code keep}: what to do with a null cell, a NaN entry or
   * a null array element.
   */
  public Param<String> handleInvalid() {
    return handleInvalid;
  }

  public String getInputCol() {
    return $(inputCol);
  }

  public S setInputCol(String value) {
    set(inputCol, value);
    return self();
  }

  public String getOutputCol() {
    return $(outputCol);
  }

  public S setOutputCol(String value) {
    set(outputCol, value);
    return self();
  }

  public String[] getInputCols() {
    return $(inputCols);
  }

  /**
   * @throws IllegalArgumentException naming the stage and the param if {@code value} is empty or null
   */
  public S setInputCols(String... value) {
    set(inputCols, value);
    return self();
  }

  public String[] getOutputCols() {
    return $(outputCols);
  }

  /**
   * @throws IllegalArgumentException naming the stage and the param if {@code value} is empty or null
   */
  public S setOutputCols(String... value) {
    set(outputCols, value);
    return self();
  }

  public String getHandleInvalid() {
    return $(handleInvalid);
  }

  /**
   * @param value {@code error}, {@code skip} or {@code keep}, lower case (as Spark's own stages)
   * @throws IllegalArgumentException naming the param, the value and the allowed values otherwise
   */
  public S setHandleInvalid(String value) {
    set(handleInvalid, value);
    return self();
  }

  /** True if numeric scalar columns are accepted as input. */
  abstract boolean acceptsNumbers();

  /**
   * Why a numeric scalar column is refused when {@link #acceptsNumbers()} is false, for the error
   * message of {@link #transformSchema}.
   */
  String numbersRefused() {
    return Rules.ROWWISE_NUMBERS;
  }

  /**
   * Parses and validates the stage's function params once, returning the column function that all
   * input columns of one {@code transform} share.
   */
  abstract ColumnFunction prepare();

  /** The (input, output) column pairs, after checking that exactly one column mode is set. */
  final List<String[]> columnPairs() {
    boolean single = isSet(inputCol);
    boolean multi = isSet(inputCols);
    if (single == multi) {
      throw new IllegalArgumentException(
          uid + " requires exactly one of inputCol, inputCols to be set, but "
              + (single ? "both are set." : "neither is set."));
    }
    List<String[]> pairs = new ArrayList<>();
    if (single) {
      if (isSet(outputCols)) {
        throw new IllegalArgumentException(
            uid + ": outputCols is a multi-column param; with inputCol set, use outputCol.");
      }
      pairs.add(new String[] {getInputCol(), getOutputCol()});
      return pairs;
    }
    if (isSet(outputCol)) {
      throw new IllegalArgumentException(
          uid + ": outputCol is a single-column param; with inputCols set, use outputCols.");
    }
    String[] ins = getInputCols(); // never empty: the param's validator refuses an empty array
    String[] outs = isSet(outputCols) ? getOutputCols() : null;
    if (outs == null || outs.length != ins.length) {
      throw new IllegalArgumentException(
          uid + " has mismatched params for multi-column transform: inputCols has " + ins.length
              + " names but outputCols has " + (outs == null ? "none (not set)" : outs.length));
    }
    for (int i = 0; i < ins.length; i++) {
      pairs.add(new String[] {ins[i], outs[i]});
    }
    return pairs;
  }

  /**
   * Checks the params and the input columns and appends one output field per input column: same
   * kind as the input, nullable, and for vectors carrying the input's vector size
   * ({@code ml_attr.num_attrs}) when it is known.
   *
   * @throws IllegalArgumentException if a function param is invalid (e.g. {@code derivative=true}
   *     with a row-wise activation), the column params are inconsistent, an input column is missing
   *     or of an unsupported type (a numeric scalar for a row-wise function), or an output column
   *     already exists
   */
  @Override
  public StructType transformSchema(StructType schema) {
    prepare(); // fails fast on an invalid function param
    return StageColumns.outputSchema(
        uid, schema, columnPairs(), acceptsNumbers() ? null : numbersRefused());
  }

  /**
   * Adds the output columns. The function params are parsed once here, on the driver; the column
   * functions capture only the parsed function and primitives.
   */
  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    StructType outSchema = transformSchema(dataset.schema(), true);
    HandleInvalid mode = HandleInvalid.fromParam(getHandleInvalid());
    return StageColumns.transform(uid, dataset, outSchema, columnPairs(), prepare(), mode);
  }
}
