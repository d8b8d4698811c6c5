package io.github.sparkactivations.testing;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;

/**
 * One {@link SparkSession} per test JVM (local[2], UI off, 2 shuffle partitions), shared by every test
 * class that extends this base. DataFrame equality comes from {@link DataFrameEquality}: spark-testing-base's
 * assertions where the build has that library, an equally strict copy of our own where it does not.
 *
 * <p>{@code ConvertToLocalRelation} is excluded, so a UDF over a small {@code createDataFrame} runs in
 * real, serialized tasks instead of being folded on the driver: a closure that captures something
 * non-serializable fails here as it would on a cluster.
 */
public abstract class SparkTestBase {

  /**
   * The conf that picks the native or the UDF path; the build's second test run sets the system
   * property of the same name to {@code udf}, so that every Spark test runs on both paths.
   */
  public static final String EXECUTION = "spark.activations.execution";

  /** The shared session; never stopped by tests (Spark's shutdown hook stops it with the JVM). */
  protected static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = session();
  }

  /** The shared session, created on first use. */
  public static synchronized SparkSession session() {
    SparkSession s =
        SparkSession.builder()
            .master("local[2]")
            .appName("spark-activations-tests")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config(
                "spark.sql.optimizer.excludedRules",
                "org.apache.spark.sql.catalyst.optimizer.ConvertToLocalRelation")
            .config(EXECUTION, System.getProperty(EXECUTION, "auto"))
            .getOrCreate();
    DataFrameEquality.useSession(s);
    return s;
  }

  /** Equal schemas (metadata included), equal row counts and equal rows, in order. */
  public static void assertDataFrameEquals(Dataset<Row> expected, Dataset<Row> actual) {
    DataFrameEquality.assertEqual(expected, actual);
  }
}
