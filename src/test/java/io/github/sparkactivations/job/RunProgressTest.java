package io.github.sparkactivations.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sparkactivations.testing.SparkTestBase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.Test;

/**
 * The progress line counts rows in every phase. The job caches its input, and Spark counts a scan of
 * cached data in column batches (up to 10,000 rows each): the fit phase, which only scans the cache,
 * must still show rows.
 */
class RunProgressTest extends SparkTestBase {

  private static final long ROWS = 25_000;

  @Test
  void aScanOfTheCachedInputCountsRowsNotBatches() throws Exception {
    // 25,000 rows in 3 partitions, cached like the job's input: one cached batch per partition
    Dataset<Row> input = new VectorAssembler().setInputCols(new String[] {"x"}).setOutputCol("features")
        .transform(spark.range(0, ROWS, 1, 3).withColumn("x", functions.col("id").cast("double")))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      assertEquals(ROWS, input.count());
      StringWriter text = new StringWriter();
      try (RunProgress progress = RunProgress.start(spark.sparkContext(), new PrintWriter(text),
          RunProgress.Mode.LOG, System.nanoTime())) {
        progress.phase("fit");
        // what the job's fit does with standardize: true, an RDD aggregate over the cached rows
        Row any = input.select("features").javaRDD().reduce((a, b) -> a);
        assertEquals(1, any.size());
        awaitListenersUpTo(progress);
        String line = progress.line(System.nanoTime());
        // (the tasks part comes from Spark's status store, fed on another listener queue: it may still
        // show the marker job's stage)
        assertTrue(line.matches("progress: fit, (tasks \\d+/\\d+, )?25,000 rows, \\d+ s"), line);
        // and the first line of the phase, printed when it started, before any task ended
        String first = text.toString().lines().findFirst().orElse("");
        assertTrue(first.matches("progress: fit, (tasks \\d+/\\d+, )?0 rows, \\d+ s"), text.toString());
      }
      // the same for an estimator's fit that aggregates in SQL and then shuffles its partial results
      StringWriter text2 = new StringWriter();
      try (RunProgress progress = RunProgress.start(spark.sparkContext(), new PrintWriter(text2),
          RunProgress.Mode.LOG, System.nanoTime())) {
        progress.phase("fit");
        new StandardScaler().setInputCol("features").setOutputCol("z").setWithMean(true).fit(input);
        awaitListenersUpTo(progress);
        String line = progress.line(System.nanoTime());
        long shown = Long.parseLong(line.replaceAll("^progress: fit, (?:tasks \\d+/\\d+, )?([\\d,]+) rows, \\d+ s$", "$1")
            .replace(",", ""));
        // the 25,000 rows scanned, plus at most one partial result per partition read back from the shuffle
        assertTrue(shown >= ROWS && shown <= ROWS + 3, line);
      }
    } finally {
      input.unpersist(true);
    }
  }

  /**
   * Waits until the listener bus has delivered every event of the jobs run so far: a marker job's end
   * reaches a listener added after the progress's own, on the same queue, only after every earlier event.
   */
  private static void awaitListenersUpTo(RunProgress progress) throws InterruptedException {
    String group = "run-progress-test-marker-" + System.nanoTime();
    CountDownLatch done = new CountDownLatch(1);
    SparkListener marker = new SparkListener() {
      private volatile int job = -1;

      @Override
      public void onJobStart(SparkListenerJobStart start) {
        if (group.equals(start.properties().getProperty("spark.jobGroup.id"))) {
          job = start.jobId();
        }
      }

      @Override
      public void onJobEnd(SparkListenerJobEnd end) {
        if (end.jobId() == job) {
          done.countDown();
        }
      }
    };
    spark.sparkContext().addSparkListener(marker);
    try {
      JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      jsc.setJobGroup(group, "marker", false);
      try {
        assertEquals(1, jsc.parallelize(List.of(1), 1).count());
      } finally {
        jsc.clearJobGroup();
      }
      assertTrue(done.await(2, TimeUnit.MINUTES), "the marker job's end reached the listeners");
    } finally {
      spark.sparkContext().removeSparkListener(marker);
    }
  }
}
