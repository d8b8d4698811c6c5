package io.github.sparkactivations.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The shaded job jar on a real Spark standalone cluster: a master and two workers on 127.0.0.1, each
 * worker launching its executor as a JVM of its own, the job submitted with {@code SparkSubmit} in
 * client mode on the shipped {@code conf/vectors.yaml} over a generated parquet dataset (dense and
 * sparse vector columns, 16 files, so each executor runs several tasks of every stage).
 *
 * <ol>
 *   <li>The cluster output equals, row for row and bit for bit, the output of the same jar and config
 *       in local mode.
 *   <li>Killing one executor JVM in the middle of the output write changes nothing: the job succeeds,
 *       the lost tasks are re-run, and the output is identical to the clean run, no row missing or
 *       duplicated. The kill cannot race the job: the job's test hook holds one write task until the
 *       executor running it has been killed (see {@link ExecutorKiller}).
 * </ol>
 *
 * <p>Every process is started by the test and stopped by process id, also when a test fails; every
 * port is chosen free at run time; all traffic stays on 127.0.0.1. Logs, event logs and outputs stay
 * under {@code target/cluster-it/<run>/} for inspection.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ActivationJobClusterIT {

  private static final String JOB_CLASS = "io.github.sparkactivations.job.ActivationJob";
  private static final long ROWS = 96_000;
  private static final int FILES = 16;
  private static final int DIM = 16;
  /**
   * Generous: under a load of ~50 on 2 cores (two `yes` plus other builds) a clean cluster run took over
   * 10 minutes and the fault run 10; the timeout only bounds a hung run, it asserts no speed.
   */
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(30);
  /** The write task the fault run holds until its executor is killed (one of the 16, not the first). */
  private static final int HELD_PARTITION = 5;

  private static Path base;
  private static Path input;
  private static Path jobJar;
  private static Path config;
  private static SparkSession spark;
  private static SparkStandaloneCluster cluster;
  private static SparkSubmitRun reference;
  private static final Map<String, Double> timings = new LinkedHashMap<>();

  @BeforeAll
  static void startClusterAndReference() throws IOException {
    long t0 = System.nanoTime();
    base = Path.of(System.getProperty("cluster.workDir", "target/cluster-it")).toAbsolutePath()
        .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")));
    Files.createDirectories(base);
    jobJar = Path.of(System.getProperty("cluster.jobJar", "target/spark-activations-spark3.5_2.12.jar")).toAbsolutePath();
    assertTrue(Files.isRegularFile(jobJar), "no job jar at " + jobJar + ": run `mvn verify` (package first)");
    config = Path.of("conf/vectors.yaml").toAbsolutePath();
    assertTrue(Files.isRegularFile(config), "no shipped config at " + config);

    // the master and workers start while the data is generated
    cluster = SparkStandaloneCluster.launch(
        Path.of(System.getProperty("cluster.sparkHome", "target/spark-home")).toAbsolutePath(),
        base.resolve("cluster"), 2, 1, "1g");
    spark = SparkSession.builder().master("local[2]").appName("cluster-it-data")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.bindAddress", SparkStandaloneCluster.LOOPBACK)
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate();
    input = base.resolve("input");
    VectorDataset.write(spark, input.toString(), ROWS, FILES, DIM);
    timings.put("data", seconds(t0));

    // the local-mode reference runs while the cluster test starts
    reference = submitJob("local", "local[2]");
    cluster.awaitReady();
    timings.put("setup", seconds(t0));
  }

  @AfterAll
  static void stopEverything() {
    if (cluster != null) {
      cluster.close(); // every JVM started here, by pid, with its descendants
    }
    System.out.println("cluster IT wall times (s): " + timings + "; CPU time (s): " + cpuSeconds()
        + "; files under " + base);
  }

  @Test
  @Order(1)
  void clusterOutputEqualsLocalModeOutputRowForRow() {
    long t0 = System.nanoTime();
    SparkSubmitRun run = submitJob("cluster", cluster.masterUrl());
    run.awaitSuccess(RUN_TIMEOUT);
    timings.put("clusterRun", seconds(run.elapsed()));
    reference.awaitSuccess(RUN_TIMEOUT);
    timings.put("localRun", seconds(reference.elapsed()));

    // the reference ran in the driver JVM only; the cluster run in two executor JVMs, several tasks each
    EventLog local = EventLog.read(reference.eventLogFile());
    assertEquals(Set.of("driver"), Set.copyOf(local.executorsThatRanTasks()), "local mode ran on executors");
    EventLog ev = EventLog.read(run.eventLogFile());
    assertTrue(ev.appId.startsWith("app-"), "not a standalone application: " + ev.appId);
    Map<String, Long> tasksPerExecutor = successfulTasksPerExecutor(ev);
    assertEquals(Set.of("0", "1"), tasksPerExecutor.keySet(), "executors that ran tasks: " + tasksPerExecutor);
    tasksPerExecutor.forEach((id, n) -> assertTrue(n >= 3 * 2, "executor " + id + " ran only " + n + " tasks"));
    assertEquals(List.of(), ev.failedTasks(), "a clean run had failed tasks");
    assertEquals(2, cluster.workers().stream().filter(w -> Files.isDirectory(w.workDir().resolve(ev.appId))).count(),
        "each worker launched an executor for " + ev.appId);

    assertEquals(List.of(), ExactRows.differences(read(outputOf("local")), read(outputOf("cluster")), "id", ROWS));
    spotCheckValues(read(outputOf("cluster")));
    timings.put("clusterTest", seconds(t0));
  }

  @Test
  @Order(2)
  void losingAnExecutorMidWriteLeavesTheOutputIdentical() {
    long t0 = System.nanoTime();
    Path release = base.resolve("run-fault-release");
    Map<String, String> hold = new LinkedHashMap<>();
    hold.put("spark.sparkactivations.test.holdPartition", Integer.toString(HELD_PARTITION));
    hold.put("spark.sparkactivations.test.releaseFile", release.toString());
    SparkSubmitRun run = submitJob("fault", cluster.masterUrl(), hold);
    ExecutorKiller.Kill kill = ExecutorKiller.killExecutorOfHeldTask(run, cluster, HELD_PARTITION, release, RUN_TIMEOUT);
    System.out.println("fault injected: " + kill);
    run.awaitSuccess(RUN_TIMEOUT);
    timings.put("faultRun", seconds(run.elapsed()));

    EventLog ev = EventLog.read(run.eventLogFile());
    assertTrue(ev.executorsRemoved.stream().anyMatch(r -> r.id().equals(kill.executorId())),
        "the driver never noticed the loss of executor " + kill.executorId() + ": " + ev.executorsRemoved);
    List<EventLog.TaskEnd> lost = ev.failedTasks().stream()
        .filter(t -> t.executorId().equals(kill.executorId()) && t.reason().equals("ExecutorLostFailure"))
        .toList();
    assertFalse(lost.isEmpty(), "no task of executor " + kill.executorId() + " failed: " + ev.failedTasks());
    // every failed task was re-run to success by a later attempt on a live executor
    for (EventLog.TaskEnd failed : ev.failedTasks()) {
      assertTrue(ev.taskEnds.stream().anyMatch(t -> t.successful() && t.stageId() == failed.stageId()
              && t.partition() == failed.partition() && !t.executorId().equals(kill.executorId())
              && t.launchTime() >= failed.launchTime()),
          "failed task never re-run: " + failed);
    }
    assertTrue(ev.jobEnds.stream().allMatch(j -> j.result().equals("JobSucceeded")), "jobs: " + ev.jobEnds);
    System.out.println("fault run: " + lost.size() + " task(s) lost with executor " + kill.executorId()
        + ", " + ev.failedTasks().size() + " failed attempt(s) in all, re-run on "
        + ev.taskEnds.stream().filter(t -> t.successful() && t.attempt() > 0).map(EventLog.TaskEnd::executorId)
            .distinct().sorted().toList()
        + "; executors added " + ev.executorsAdded.stream().map(EventLog.ExecutorAdded::id).toList()
        + ", removed " + ev.executorsRemoved.stream().map(r -> r.id() + " (" + r.reason() + ")").toList());

    Path clean = outputOf("cluster");
    Path expected = Files.isDirectory(clean) ? clean : outputOf("local");
    assertEquals(List.of(), ExactRows.differences(read(expected), read(outputOf("fault")), "id", ROWS));
    timings.put("faultTest", seconds(t0));
  }

  @Test
  @Order(3)
  void invalidDataOnAnExecutorIsMappedToItsConfigKeyFromTheTypedFailure() throws IOException {
    // a NaN stored at index 3 of one sparse vector: stages[2] (relu) and stages[3] (sigmoid) read it on an
    // executor JVM; the driver maps the failure from the fields of the exception the executor threw
    Path bad = base.resolve("input-nan");
    spark.range(0, 64, 1, 4).toDF("id")
        .withColumn("dense", org.apache.spark.sql.functions.udf(
            (org.apache.spark.sql.api.java.UDF1<Long, Vector>) id -> VectorDataset.denseRow(id, DIM),
            org.apache.spark.ml.linalg.SQLDataTypes.VectorType()).apply(org.apache.spark.sql.functions.col("id")))
        .withColumn("sparse", org.apache.spark.sql.functions.udf(
            (org.apache.spark.sql.api.java.UDF1<Long, Vector>) id -> id == 37
                ? org.apache.spark.ml.linalg.Vectors.sparse(DIM, new int[] {3, 7}, new double[] {Double.NaN, 1.0})
                : VectorDataset.sparseRow(id, DIM),
            org.apache.spark.ml.linalg.SQLDataTypes.VectorType()).apply(org.apache.spark.sql.functions.col("id")))
        .write().parquet(bad.toString());
    SparkSubmitRun run = SparkSubmitRun.start(cluster, "invalid", cluster.masterUrl(), JOB_CLASS, jobJar,
        List.of("run", config.toString(), "--set", "input.path=" + bad, "--set", "output.path=" + outputOf("invalid")),
        Map.of(), base.resolve("run-invalid"));
    assertEquals(1, run.await(RUN_TIMEOUT), run.logTail(80));
    String log = Files.readString(run.log);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(
        "error: run failed: \\S+: stages\\[([23])\\]\\.handleInvalid: input column 'sparse' holds NaN at index 3 in a row of partition \\d+ "
            + "\\(\\+-Infinity is valid input, NaN is not\\)\\. Set stages\\[([23])\\]\\.handleInvalid to 'skip' to drop "
            + "rows with NaN input, or to 'keep' to let NaN propagate to the output\\.").matcher(log);
    assertTrue(m.find(), "no mapped failure line in the driver log:\n" + run.logTail(80));
    assertEquals(m.group(1), m.group(2), "the key named and the key to set are the same stage");
    EventLog ev = EventLog.read(run.eventLogFile());
    assertTrue(ev.failedTasks().stream().anyMatch(t -> !t.executorId().equals("driver")),
        "the failure happened on an executor JVM: " + ev.failedTasks());
    assertFalse(Files.exists(outputOf("invalid")), "no output written by a failed run");
  }

  // ---------------------------------------------------------------------------------------------

  private static SparkSubmitRun submitJob(String name, String master) {
    return submitJob(name, master, Map.of());
  }

  private static SparkSubmitRun submitJob(String name, String master, Map<String, String> extraConf) {
    Map<String, String> conf = new LinkedHashMap<>(extraConf);
    // one task per input file (16), whatever the parallelism: several tasks per executor and stage
    conf.put("spark.sql.files.minPartitionNum", Integer.toString(FILES));
    return SparkSubmitRun.start(cluster, name, master, JOB_CLASS, jobJar,
        List.of("run", config.toString(), "--set", "input.path=" + input, "--set", "output.path=" + outputOf(name)),
        conf, base.resolve("run-" + name));
  }

  private static Path outputOf(String run) {
    return base.resolve("out-" + run);
  }

  private static Dataset<Row> read(Path output) {
    return spark.read().parquet(output.toString());
  }

  private static Map<String, Long> successfulTasksPerExecutor(EventLog ev) {
    return ev.taskEnds.stream().filter(EventLog.TaskEnd::successful)
        .collect(Collectors.groupingBy(EventLog.TaskEnd::executorId, TreeMap::new, Collectors.counting()));
  }

  /**
   * The output is right, not only the same twice: the first rows recomputed here from the input with
   * textbook formulas (elu alpha 0.5, softmax, relu, sigmoid), to 1e-12 relative.
   */
  private static void spotCheckValues(Dataset<Row> output) {
    Map<Long, Row> in = new TreeMap<>();
    for (Row r : spark.read().parquet(input.toString()).filter("id < 25").collectAsList()) {
      in.put(r.getLong(r.fieldIndex("id")), r);
    }
    List<Row> out = output.filter("id < 25").collectAsList();
    assertEquals(25, out.size());
    for (Row o : out) {
      Row i = in.get(o.getLong(o.fieldIndex("id")));
      double[] dense = ((Vector) i.getAs("dense")).toArray();
      double[] elu = new double[dense.length];
      for (int k = 0; k < dense.length; k++) {
        elu[k] = dense[k] > 0 ? dense[k] : 0.5 * Math.expm1(dense[k]);
      }
      assertClose(elu, o.getAs("dense_elu"), "dense_elu");
      double max = Double.NEGATIVE_INFINITY;
      for (double e : elu) {
        max = Math.max(max, e);
      }
      double sum = 0;
      double[] softmax = new double[elu.length];
      for (int k = 0; k < elu.length; k++) {
        softmax[k] = Math.exp(elu[k] - max);
        sum += softmax[k];
      }
      for (int k = 0; k < softmax.length; k++) {
        softmax[k] /= sum;
      }
      assertClose(softmax, o.getAs("dense_softmax"), "dense_softmax");

      SparseVector sparse = (SparseVector) i.getAs("sparse");
      Vector relu = o.getAs("sparse_relu");
      assertInstanceOf(SparseVector.class, relu, "relu keeps sparse vectors sparse");
      double[] x = sparse.toArray();
      double[] expectedRelu = new double[x.length];
      double[] expectedSigmoid = new double[x.length];
      for (int k = 0; k < x.length; k++) {
        expectedRelu[k] = Math.max(0.0, x[k]);
        expectedSigmoid[k] = 1.0 / (1.0 + Math.exp(-x[k]));
      }
      assertClose(expectedRelu, relu, "sparse_relu");
      assertInstanceOf(DenseVector.class, o.getAs("sparse_sigmoid"), "sigmoid(0) = 0.5 densifies");
      assertClose(expectedSigmoid, o.getAs("sparse_sigmoid"), "sparse_sigmoid");
    }
  }

  private static void assertClose(double[] expected, Vector actual, String what) {
    double[] a = actual.toArray();
    assertEquals(expected.length, a.length, what + " size");
    for (int k = 0; k < a.length; k++) {
      double tol = 1e-12 * Math.abs(expected[k]);
      assertTrue(a[k] == expected[k] || Math.abs(a[k] - expected[k]) <= tol,
          what + "[" + k + "] = " + a[k] + ", expected " + expected[k]);
    }
  }

  /**
   * CPU seconds of this test JVM and of the processes it started and has reaped (master, workers,
   * drivers, and through the workers the executors), from /proc/self/stat; empty off Linux.
   */
  private static Map<String, Double> cpuSeconds() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // fields 14-17 of proc(5), counted from the state field (3) here: utime, stime, cutime, cstime
      double tick = 100.0;
      Map<String, Double> cpu = new LinkedHashMap<>();
      cpu.put("testJvm", Math.round((Long.parseLong(f[11]) + Long.parseLong(f[12])) / tick * 10) / 10.0);
      cpu.put("startedProcesses", Math.round((Long.parseLong(f[13]) + Long.parseLong(f[14])) / tick * 10) / 10.0);
      return cpu;
    } catch (IOException | RuntimeException e) {
      return Map.of();
    }
  }

  private static double seconds(long sinceNanos) {
    return Math.round((System.nanoTime() - sinceNanos) / 1e8) / 10.0;
  }

  private static double seconds(Duration d) {
    return Math.round(d.toMillis() / 100.0) / 10.0;
  }
}
