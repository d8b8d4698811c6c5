package io.github.sparkactivations.cluster;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
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

  /** {@code (id, row)}: each row's canonical text (for showing a difference). */
  static Dataset<Row> canonical(Dataset<Row> output, String idCol) {
    return output.select(col(idCol),
        udf((UDF1<Row, String>) ExactRows::encodeRow, DataTypes.StringType).apply(otherColumns(output, idCol))
            .as("row"));
  }

  /** {@code (id, digest)}: SHA-256 of each row's canonical text, compact enough to compare whole outputs. */
  static Dataset<Row> digests(Dataset<Row> output, String idCol) {
    return output.select(col(idCol),
        udf((UDF1<Row, String>) r -> sha256(encodeRow(r)), DataTypes.StringType).apply(otherColumns(output, idCol))
            .as("digest"));
  }

  private static Column otherColumns(Dataset<Row> output, String idCol) {
    return struct(Arrays.stream(output.columns()).filter(c -> !c.equals(idCol)).map(c -> col("`" + c + "`"))
        .toArray(Column[]::new));
  }

  /**
   * Everything that differs between two outputs, empty when they are identical: the schemas (names,
   * types, nullability, metadata), the row count, duplicated or missing ids and, as multisets, rows of
   * one output that are not in the other (the first few shown in full).
   */
  static List<String> differences(Dataset<Row> expected, Dataset<Row> actual, String idCol,
      long expectedRows) {
    List<String> diffs = new ArrayList<>();
    if (!expected.schema().equals(actual.schema())) {
      diffs.add("schemas differ:\n  expected " + expected.schema().treeString() + "\n  actual   "
          + actual.schema().treeString());
      return diffs;
    }
    long[] e = idStats(expected, idCol);
    long[] a = idStats(actual, idCol);
    for (var side : List.of(Map.entry("expected", e), Map.entry("actual", a))) {
      long[] st = side.getValue();
      if (st[0] != expectedRows || st[1] != expectedRows || st[2] != 0 || st[3] != expectedRows - 1) {
        diffs.add(side.getKey() + " output has " + st[0] + " rows, " + st[1] + " distinct ids in [" + st[2]
            + ", " + st[3] + "]; expected ids 0.." + (expectedRows - 1) + " once each");
      }
    }
    Dataset<Row> de = digests(expected, idCol).cache();
    Dataset<Row> da = digests(actual, idCol).cache();
    try {
      Dataset<Row> onlyExpected = de.exceptAll(da).cache();
      Dataset<Row> onlyActual = da.exceptAll(de).cache();
      long ne = onlyExpected.count();
      long na = onlyActual.count();
      if (ne + na > 0) {
        StringBuilder sb = new StringBuilder(ne + " expected rows missing from actual, " + na
            + " actual rows not in expected; first ids:");
        for (Row r : onlyExpected.union(onlyActual).select(idCol).distinct().orderBy(idCol).limit(3)
            .collectAsList()) {
          Object id = r.get(0);
          sb.append("\n  id ").append(id).append("\n    expected ")
              .append(rowsOf(expected, idCol, id)).append("\n    actual   ").append(rowsOf(actual, idCol, id));
        }
        diffs.add(sb.toString());
      }
      onlyExpected.unpersist();
      onlyActual.unpersist();
    } finally {
      de.unpersist();
      da.unpersist();
    }
    return diffs;
  }

  private static List<String> rowsOf(Dataset<Row> output, String idCol, Object id) {
    return canonical(output.filter(col(idCol).equalTo(id)), idCol).collectAsList().stream()
        .map(r -> r.getString(1)).toList();
  }

  /** {@code count, distinct ids, min id, max id} of an output. */
  static long[] idStats(Dataset<Row> output, String idCol) {
    Row r = output.agg(count(lit(1)), countDistinct(col(idCol)), min(col(idCol)), max(col(idCol))).first();
    return new long[] {r.getLong(0), r.getLong(1), r.isNullAt(2) ? -1 : ((Number) r.get(2)).longValue(),
        r.isNullAt(3) ? -1 : ((Number) r.get(3)).longValue()};
  }

  static String sha256(String text) {
    try {
      return Base64.getEncoder().encodeToString(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
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
