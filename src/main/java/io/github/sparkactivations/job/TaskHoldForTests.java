package io.github.sparkactivations.job;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF0;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * A test-only hook in the output write, off unless both settings are given: with
 * {@code spark.sparkactivations.test.holdPartition=N} and
 * {@code spark.sparkactivations.test.releaseFile=/path}, the first attempt of the write task for
 * partition N waits, before its first row, until that file exists. A fault test uses it to kill the
 * executor running that task while the task certainly runs, whatever the machine's speed, and creates
 * the file once the executor is gone; the re-run attempt does not wait.
 */
final class TaskHoldForTests {

  static final String PARTITION = "spark.sparkactivations.test.holdPartition";
  static final String RELEASE_FILE = "spark.sparkactivations.test.releaseFile";

  private TaskHoldForTests() {}

  /** {@code written} unchanged, or with the hold when both settings are present. */
  static Dataset<Row> apply(SparkSession spark, Dataset<Row> written) {
    scala.Option<String> partition = spark.conf().getOption(PARTITION);
    scala.Option<String> release = spark.conf().getOption(RELEASE_FILE);
    if (partition.isEmpty() || release.isEmpty()) {
      return written;
    }
    int held = Integer.parseInt(partition.get().trim());
    String file = release.get().trim();
    UserDefinedFunction hold = functions.udf((UDF0<Boolean>) () -> {
      TaskContext task = TaskContext.get();
      if (task != null && task.partitionId() == held && task.attemptNumber() == 0) {
        while (!Files.exists(Path.of(file))) {
          Thread.sleep(50);
        }
      }
      return true;
    }, DataTypes.BooleanType).asNondeterministic();
    return written.filter(hold.apply());
  }
}
