package io.github.sparkactivations.cluster;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;

/**
 * Bit-exact, row-for-row comparison of two job outputs keyed by an id column.
 *
 * <p>Every row becomes {@code (id, canonical text)} where the text spells out, per column, the vector
 * kind (dense or sparse: {@code Vector.equals} would call a dense and a sparse vector with the same
 * values equal), size, indices and the raw IEEE-754 bits of each double (so -0.0 differs from 0.0 and
 * NaN payloads count). Two outputs are identical when both differences, as multisets, are empty.
 */
final class ExactRows {

  private ExactRows() {}

  /** The outputs' {@code (id, canonical row text)}. */
  static Dataset<Row> canonical(Dataset<Row> output, String idCol) {
    Column[] others = Arrays.stream(output.columns()).filter(c -> !c.equals(idCol)).map(c -> col("`" + c + "`"))
        .toArray(Column[]::new);
    return output.select(col(idCol),
        udf((UDF1<Row, String>) ExactRows::encodeRow, DataTypes.StringType)
            .apply(struct(others)).as("row"));
  }

  /** Rows of {@code a} (as a multiset) that are not in {@code b}. */
  static Dataset<Row> missingFrom(Dataset<Row> a, Dataset<Row> b) {
    return a.exceptAll(b);
  }

  /** {@code count, distinct ids, min id, max id} of an output. */
  static long[] idStats(Dataset<Row> output, String idCol) {
    Row r = output.agg(org.apache.spark.sql.functions.count("*"), countDistinct(col(idCol)),
        min(col(idCol)), max(col(idCol))).first();
    return new long[] {r.getLong(0), r.getLong(1), ((Number) r.get(2)).longValue(),
        ((Number) r.get(3)).longValue()};
  }

  static String encodeRow(Row row) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < row.length(); i++) {
      sb.append(row.schema().fields()[i].name()).append('=');
      encode(row.get(i), sb);
      sb.append(';');
    }
    return sb.toString();
  }

  private static void encode(Object v, StringBuilder sb) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof DenseVector d) {
      sb.append("dense[").append(d.size()).append("]");
      bits(d.values(), sb);
    } else if (v instanceof SparseVector s) {
      sb.append("sparse[").append(s.size()).append("]").append(Arrays.toString(s.indices()));
      bits(s.values(), sb);
    } else if (v instanceof Double d) {
      sb.append("d").append(Long.toHexString(Double.doubleToRawLongBits(d)));
    } else if (v instanceof Float f) {
      sb.append("f").append(Integer.toHexString(Float.floatToRawIntBits(f)));
    } else if (v instanceof Row r) {
      sb.append('{').append(encodeRow(r)).append('}');
    } else if (v instanceof scala.collection.Seq<?> seq) {
      sb.append('[');
      List<?> items = scala.collection.JavaConverters.seqAsJavaList(seq);
      for (Object o : items) {
        encode(o, sb);
        sb.append(',');
      }
      sb.append(']');
    } else {
      sb.append(v.getClass().getSimpleName()).append(':').append(v);
    }
  }

  private static void bits(double[] values, StringBuilder sb) {
    sb.append('(');
    for (double x : values) {
      sb.append(Long.toHexString(Double.doubleToRawLongBits(x))).append(' ');
    }
    sb.append(')');
  }
}
