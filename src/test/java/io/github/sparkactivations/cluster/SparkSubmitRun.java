package io.github.sparkactivations.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One {@code spark-submit} of an application jar, in client deploy mode, as its own driver JVM:
 * {@code java -cp SPARK_HOME/jars/* org.apache.spark.deploy.SparkSubmit --master ... jar args}.
 *
 * <p>The driver's UI (and so its REST status API) listens on a free loopback port, and its event
 * log is kept, so a test can watch the run while it happens and read what happened afterwards.
 */
final class SparkSubmitRun {

  final String name;
  final int uiPort;
  final Path eventLogDir;
  final Path log;
  final List<String> command;
  private final ManagedProcesses.Started process;
  private final long startNanos = System.nanoTime();
  private long endNanos;

  private SparkSubmitRun(String name, int uiPort, Path eventLogDir, Path log, List<String> command,
      ManagedProcesses.Started process) {
    this.name = name;
    this.uiPort = uiPort;
    this.eventLogDir = eventLogDir;
    this.log = log;
    this.command = command;
    this.process = process;
  }

  /**
   * Starts the submission. {@code master} is {@code spark://127.0.0.1:P} or {@code local[N]};
   * {@code conf} entries become {@code --conf key=value} and override the defaults set here.
   */
  static SparkSubmitRun start(SparkStandaloneCluster cluster, String name, String master,
      String mainClass, Path jar, List<String> appArgs, Map<String, String> conf, Path runDir) {
    int uiPort = SparkStandaloneCluster.freePort();
    Path eventLogDir = runDir.resolve("event-log");
    try {
      Files.createDirectories(eventLogDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> all = new LinkedHashMap<>();
    all.put("spark.driver.host", SparkStandaloneCluster.LOOPBACK);
    all.put("spark.driver.bindAddress", SparkStandaloneCluster.LOOPBACK);
    all.put("spark.driver.memory", "1g");
    all.put("spark.executor.memory", "512m");
    all.put("spark.ui.enabled", "true");
    all.put("spark.ui.port", Integer.toString(uiPort));
    all.put("spark.port.maxRetries", "0"); // the chosen port, or fail loudly (never a silent other port)
    all.put("spark.ui.showConsoleProgress", "false");
    all.put("spark.eventLog.enabled", "true");
    all.put("spark.eventLog.dir", eventLogDir.toUri().toString());
    // one plain file: Spark 4 by default rolls the log into a directory and compresses it (zstd)
    all.put("spark.eventLog.rolling.enabled", "false");
    all.put("spark.eventLog.compress", "false");
    all.putAll(conf);

    // The driver JVM is started here, not by the spark-submit script, so its heap and the Java 17
    // module options go on its own command line; SparkContext adds the same options for executors.
    List<String> cmd = cluster.javaCommand(all.get("spark.driver.memory"), List.of(),
        "org.apache.spark.deploy.SparkSubmit");
    cmd.addAll(List.of("--master", master, "--deploy-mode", "client", "--name", name,
        "--class", mainClass));
    all.forEach((k, v) -> cmd.addAll(List.of("--conf", k + "=" + v)));
    cmd.add(jar.toString());
    cmd.addAll(appArgs);

    Path log = runDir.resolve("driver.log");
    ManagedProcesses.Started p = cluster.processes().start("driver-" + name, cmd, cluster.sparkEnv(),
        runDir, log);
    return new SparkSubmitRun(name, uiPort, eventLogDir, log, List.copyOf(cmd), p);
  }

  boolean isRunning() {
    return process.process().isAlive();
  }

  long pid() {
    return process.pid();
  }

  /** Waits for the driver to exit; returns its exit code (the driver is stopped on timeout). */
  int await(Duration timeout) {
    try {
      if (!process.process().waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        ManagedProcesses.stopTree(process.process().toHandle());
        throw new AssertionError(name + " did not finish within " + timeout + "\n" + logTail(80));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    endNanos = System.nanoTime();
    return process.process().exitValue();
  }

  /** Waits and asserts exit code 0, with the driver's log in the message otherwise. */
  void awaitSuccess(Duration timeout) {
    int code = await(timeout);
    if (code != 0) {
      throw new AssertionError(name + " exited with " + code + "\ncommand: " + String.join(" ", command)
          + "\n" + logTail(120));
    }
  }

  Duration elapsed() {
    return Duration.ofNanos((endNanos == 0 ? System.nanoTime() : endNanos) - startNanos);
  }

  String logTail(int lines) {
    return ManagedProcesses.tail(log, lines);
  }

  /** The event log file this run wrote (exactly one application per run). */
  Path eventLogFile() {
    try (var files = Files.list(eventLogDir)) {
      List<Path> all = new ArrayList<>(files.filter(Files::isRegularFile).toList());
      if (all.size() != 1) {
        throw new IllegalStateException("expected one event log in " + eventLogDir + ", found " + all);
      }
      return all.get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
