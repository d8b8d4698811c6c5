package io.github.sparkactivations.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The column half of a stage that maps input columns to output columns one to one: the output schema
 * (the checks, each output field's type and vector-size metadata) and the transform (one column
 * function per input column, the rows dropped under {@code skip}). The stages keep their params and
 * hand the resolved (input, output) pairs here.
 */
public final class StageColumns {

  private StageColumns() {}

  /** Builds the output column for one input column. */
  @FunctionalInterface
  public interface ColumnFunction {
    Column apply(Column input, DataType inputType, HandleInvalid handleInvalid, InputRef in);
  }

  /**
   * {@code schema} with one output field appended per (input, output) pair: of the input's
   * {@link ColumnKind}'s output type, nullable, and for vectors carrying the input's vector size
   * ({@code ml_attr.num_attrs}) when it is known.
   *
   * @param numbersRefused why numeric scalar columns are refused, or null if they are accepted
   * @throws IllegalArgumentException if an input column is missing or of an unsupported type, or an
   *     output column already exists (compared as the analyzer will: case-insensitively unless
   *     {@code spark.sql.caseSensitive})
   */
  public static StructType outputSchema(
      String uid, StructType schema, List<String[]> pairs, String numbersRefused) {
    boolean caseSensitive = SQLConf.get().caseSensitiveAnalysis();
    Map<String, String> names = new HashMap<>();
    for (String name : schema.fieldNames()) {
      names.putIfAbsent(caseSensitive ? name : name.toLowerCase(Locale.ROOT), name);
    }
    StructType out = schema;
    for (String[] pair : pairs) {
      String in = pair[0];
      String o = pair[1];
      if (!Arrays.asList(schema.fieldNames()).contains(in)) {
        throw new IllegalArgumentException(
            uid + ": input column '" + in + "' does not exist. Available columns: "
                + String.join(", ", schema.fieldNames()));
      }
      StructField field = schema.apply(in);
      ColumnKind kind = ColumnKind.require(
          field.dataType(), numbersRefused == null, InputRef.ofStage(uid, in).where(), numbersRefused);
      String existing = names.putIfAbsent(caseSensitive ? o : o.toLowerCase(Locale.ROOT), o);
      if (existing != null) {
        throw new IllegalArgumentException(
            uid + ": output column '" + o + "' already exists"
                + (existing.equals(o) ? "." : " as '" + existing + "' (column names are case-insensitive).")
                + " Choose another output column name.");
      }
      Metadata metadata = Metadata.empty();
      if (kind == ColumnKind.VECTOR) {
        int size = AttributeGroup.fromStructField(field).size();
        if (size >= 0) {
          metadata = new AttributeGroup(o, size).toMetadata();
        }
      }
      out = out.add(new StructField(o, kind.outputType(), true, metadata));
    }
    return out;
  }

  /**
   * {@code dataset} with one output column per (input, output) pair, computed by {@code function};
   * under {@code skip}, without the rows where any output is null (an invalid input in any column).
   *
   * @param outSchema the schema {@link #outputSchema} gave for {@code dataset}'s schema
   */
  public static Dataset<Row> transform(
      String uid,
      Dataset<?> dataset,
      StructType outSchema,
      List<String[]> pairs,
      ColumnFunction function,
      HandleInvalid mode) {
    Column[] columns = new Column[pairs.size() + 1];
    columns[0] = functions.col("*");
    Column allValid = null;
    for (int i = 0; i < pairs.size(); i++) {
      String in = pairs.get(i)[0];
      String o = pairs.get(i)[1];
      DataType type = dataset.schema().apply(in).dataType();
      Column result = function.apply(column(in), type, mode, InputRef.ofStage(uid, in));
      columns[i + 1] = result.as(o, outSchema.apply(o).metadata());
      Column valid = column(o).isNotNull();
      allValid = allValid == null ? valid : allValid.and(valid);
    }
    Dataset<Row> result = dataset.toDF().select(columns);
    return mode == HandleInvalid.SKIP ? result.filter(allValid) : result;
  }

  /** A column reference that takes the name literally (dots and backticks included). */
  private static Column column(String name) {
    return functions.col("`" + name.replace("`", "``") + "`");
  }
}
