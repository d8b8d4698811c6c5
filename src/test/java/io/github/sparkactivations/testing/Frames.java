package io.github.sparkactivations.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Small DataFrame builders and numeric assertions shared by the Spark tests. */
public final class Frames {

  private Frames() {}

  /** Columns {@code id} (int, 0..n-1) and {@code name} of {@code type}, one row per value. */
  public static Dataset<Row> column(SparkSession spark, String name, DataType type, Object... values) {
    return column(spark, name, type, Metadata.empty(), values);
  }

  /** As {@link #column(SparkSession, String, DataType, Object...)}, with metadata on the column. */
  public static Dataset<Row> column(
      SparkSession spark, String name, DataType type, Metadata metadata, Object... values) {
    StructType schema =
        new StructType()
            .add("id", DataTypes.IntegerType, false)
            .add(new StructField(name, type, true, metadata));
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      rows.add(RowFactory.create(i, values[i]));
    }
    return spark.createDataFrame(rows, schema);
  }

  /** A vector column {@code features}. */
  public static Dataset<Row> vectors(SparkSession spark, Vector... values) {
    return column(spark, "features", SQLDataTypes.VectorType(), (Object[]) values);
  }

  /** The values of column {@code name}, ordered by {@code id}. */
  public static List<Object> values(Dataset<Row> df, String name) {
    List<Object> out = new ArrayList<>();
    for (Row r : df.orderBy("id").select(name).collectAsList()) {
      out.add(r.isNullAt(0) ? null : r.get(0));
    }
    return out;
  }

  /** Every message along the cause chain, joined: Spark wraps UDF failures twice. */
  public static String messages(Throwable t) {
    StringBuilder b = new StringBuilder();
    for (Throwable c : io.github.sparkactivations.internal.Causes.chain(t)) {
      b.append(c.getClass().getSimpleName()).append(": ").append(c.getMessage()).append('\n');
    }
    return b.toString();
  }
}
