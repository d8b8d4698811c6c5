package io.github.sparkactivations.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * DataFrame equality for the lines spark-testing-base is not published for (Scala 2.13, Spark 4): the
 * same checks as its {@code assertDataFrameEquals} (used by the default build, {@code
 * src/test/equality-stb}): equal schemas (metadata included), equal row counts, and rows equal in
 * order, where a double or float equals another when both are NaN or their difference is 0.
 */
final class DataFrameEquality {

  private DataFrameEquality() {}

  /** Nothing to wire: this helper takes the frames' own session. */
  static void useSession(SparkSession spark) {}

  /** Equal schemas (metadata included), equal row counts and equal rows, in order. */
  static void assertEqual(Dataset<Row> expected, Dataset<Row> actual) {
    assertEquals(expected.schema(), actual.schema(), "schema");
    List<Row> e = expected.collectAsList();
    List<Row> a = actual.collectAsList();
    assertEquals(e.size(), a.size(), "row count");
    for (int i = 0; i < e.size(); i++) {
      if (!e.get(i).equals(a.get(i)) && !same(e.get(i), a.get(i))) {
        fail("row " + i + ": expected " + e.get(i) + " but was " + a.get(i));
      }
    }
  }

  private static boolean same(Object x, Object y) {
    if (x == null || y == null) {
      return x == y;
    }
    if (x instanceof Double d && y instanceof Double f) {
      return (d.isNaN() && f.isNaN()) || d.doubleValue() == f.doubleValue();
    }
    if (x instanceof Float d && y instanceof Float f) {
      return (d.isNaN() && f.isNaN()) || d.floatValue() == f.floatValue();
    }
    if (x instanceof Row r && y instanceof Row s) {
      if (r.length() != s.length()) {
        return false;
      }
      for (int i = 0; i < r.length(); i++) {
        if (!same(r.get(i), s.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (x instanceof scala.collection.Seq<?> r && y instanceof scala.collection.Seq<?> s) {
      if (r.length() != s.length()) {
        return false;
      }
      for (int i = 0; i < r.length(); i++) {
        if (!same(r.apply(i), s.apply(i))) {
          return false;
        }
      }
      return true;
    }
    if (x instanceof byte[] r && y instanceof byte[] s) {
      return Arrays.equals(r, s);
    }
    return x.equals(y);
  }
}
