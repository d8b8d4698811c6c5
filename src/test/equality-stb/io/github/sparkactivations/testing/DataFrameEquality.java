package io.github.sparkactivations.testing;

import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import com.holdenkarau.spark.testing.SparkSessionProvider;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * DataFrame equality by spark-testing-base (default build: Spark 3.5, Scala 2.12, the only line it is
 * published for); {@code src/test/equality-own} has the same class for the other lines.
 */
final class DataFrameEquality {

  /** spark-testing-base's assertions, wired to the shared session; never call its {@code runBefore()}. */
  private static final JavaDataFrameSuiteBase STB = new JavaDataFrameSuiteBase();

  private DataFrameEquality() {}

  /** Makes {@code spark} the session spark-testing-base uses. */
  static void useSession(SparkSession spark) {
    SparkSessionProvider._sparkSession_$eq(spark);
  }

  /** Equal schemas (metadata included), equal row counts and equal rows, in order. */
  static void assertEqual(Dataset<Row> expected, Dataset<Row> actual) {
    STB.assertDataFrameEquals(expected, actual, STB.assertDataFrameEquals$default$3());
  }
}
