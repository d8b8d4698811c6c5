package io.github.sparkactivations.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * A real Spark standalone cluster on 127.0.0.1: one {@code Master} and N {@code Worker} JVMs started
 * from a SPARK_HOME whose {@code jars/} the build filled with the Spark runtime, each worker
 * launching its executors as separate JVMs exactly as on a production cluster. Jobs are submitted
 * with {@code org.apache.spark.deploy.SparkSubmit} in a JVM of their own.
 *
 * <p>Ports are chosen free at run time, every address is 127.0.0.1, every process is recorded in a
 * {@link ManagedProcesses} and stopped by process id in {@link #close()}.
 */
final class SparkStandaloneCluster implements AutoCloseable {

  static final String LOOPBACK = "127.0.0.1";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2)).build();

  /** A worker JVM and its ports and work directory (where {@code <appId>/<execId>/} lands). */
  record Worker(ManagedProcesses.Started process, int port, int webUiPort, Path workDir) {}

  private final Path sparkHome;
  private final Path baseDir;
  private final ManagedProcesses processes = new ManagedProcesses();
  private ManagedProcesses.Started master;
  private int masterPort;
  private int masterWebUiPort;
  private final List<Worker> workers = new ArrayList<>();

  private SparkStandaloneCluster(Path sparkHome, Path baseDir) {
    this.sparkHome = sparkHome;
    this.baseDir = baseDir;
  }

  /**
   * Prepares {@code sparkHome} (a {@code RELEASE} marker so the launcher uses {@code jars/}, and
   * {@code conf/log4j2.properties}) and launches a master and {@code workerCount} workers of
   * {@code coresPerWorker} cores and {@code memoryPerWorker} memory, without waiting for them
   * ({@link #awaitReady()}). On a failure to launch everything already started is stopped.
   */
  static SparkStandaloneCluster launch(Path sparkHome, Path baseDir, int workerCount,
      int coresPerWorker, String memoryPerWorker) {
    SparkStandaloneCluster c = new SparkStandaloneCluster(sparkHome, baseDir);
    try {
      c.prepareSparkHome();
      c.startMaster();
      for (int i = 1; i <= workerCount; i++) {
        c.startWorker(i, coresPerWorker, memoryPerWorker);
      }
      return c;
    } catch (RuntimeException | Error e) {
      c.close();
      throw e;
    }
  }

  /** Returns once the master is ALIVE with every worker registered and ALIVE; fails on a dead JVM or timeout. */
  SparkStandaloneCluster awaitReady() {
    awaitAliveWorkers(workers.size());
    return this;
  }

  String masterUrl() {
    return "spark://" + LOOPBACK + ":" + masterPort;
  }

  List<Worker> workers() {
    return List.copyOf(workers);
  }

  ManagedProcesses processes() {
    return processes;
  }

  Path sparkHome() {
    return sparkHome;
  }

  /** A free TCP port on the loopback interface (bound, then released for the process that will use it). */
  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Environment of every Spark JVM started here: SPARK_HOME, loopback only, Scala 2.12 for the launcher. */
  Map<String, String> sparkEnv() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SPARK_HOME", sparkHome.toString());
    env.put("SPARK_CONF_DIR", sparkHome.resolve("conf").toString());
    env.put("SPARK_LOCAL_IP", LOOPBACK);
    env.put("SPARK_LOCAL_HOSTNAME", LOOPBACK);
    env.put("SPARK_SCALA_VERSION", "2.12");
    env.put("JAVA_HOME", System.getProperty("java.home"));
    return env;
  }

  /**
   * {@code java <opts> -cp SPARK_HOME/conf:SPARK_HOME/jars/* mainClass}: the command Spark's own
   * scripts build, with the Java 17 module options spark-submit would add (JavaModuleOptions).
   */
  List<String> javaCommand(String heap, List<String> extraJvmOptions, String mainClass) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx" + heap);
    cmd.addAll(Arrays.asList(JavaModuleOptions.defaultModuleOptions().split(" ")));
    cmd.addAll(extraJvmOptions);
    cmd.add("-cp");
    cmd.add(sparkHome.resolve("conf") + "/:" + sparkHome.resolve("jars") + "/*");
    cmd.add(mainClass);
    return cmd;
  }

  private void prepareSparkHome() {
    Path jars = sparkHome.resolve("jars");
    try (var list = Files.list(jars)) {
      if (list.noneMatch(p -> p.getFileName().toString().startsWith("spark-core_"))) {
        throw new IllegalStateException(jars + " holds no spark-core jar: run through `mvn verify`"
            + " (maven-dependency-plugin copies the provided Spark runtime there)");
      }
      Files.writeString(sparkHome.resolve("RELEASE"),
          "Spark runtime assembled by the spark-activations build from its provided-scope dependencies\n");
      Path conf = Files.createDirectories(sparkHome.resolve("conf"));
      Files.writeString(conf.resolve("log4j2.properties"), String.join("\n",
          "rootLogger.level = warn",
          "rootLogger.appenderRef.stderr.ref = console",
          "appender.console.type = Console",
          "appender.console.name = console",
          "appender.console.target = SYSTEM_ERR",
          "appender.console.layout.type = PatternLayout",
          "appender.console.layout.pattern = %d{HH:mm:ss.SSS} %p %c{1}: %m%n%ex",
          // what the cluster did: executors added/lost/relaunched, tasks started/finished/failed
          "logger.deploy.name = org.apache.spark.deploy",
          "logger.deploy.level = info",
          "logger.tsm.name = org.apache.spark.scheduler.TaskSetManager",
          "logger.tsm.level = info",
          "logger.dag.name = org.apache.spark.scheduler.DAGScheduler",
          "logger.dag.level = info",
          "logger.sched.name = org.apache.spark.scheduler.cluster",
          "logger.sched.level = info",
          "logger.hadoop.name = org.apache.hadoop",
          "logger.hadoop.level = error",
          "logger.parquet.name = org.apache.parquet",
          "logger.parquet.level = error",
          ""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void startMaster() {
    masterPort = freePort();
    masterWebUiPort = freePort();
    List<String> cmd = javaCommand("384m", daemonJvmOptions(), "org.apache.spark.deploy.master.Master");
    cmd.addAll(List.of("--host", LOOPBACK, "--port", Integer.toString(masterPort),
        "--webui-port", Integer.toString(masterWebUiPort)));
    Path dir = baseDir.resolve("master");
    master = processes.start("master", cmd, sparkEnv(), dir, baseDir.resolve("logs/master.log"));
  }

  private void startWorker(int index, int cores, String memory) {
    int port = freePort();
    int webUi = freePort();
    Path workDir = baseDir.resolve("worker-" + index);
    List<String> cmd = javaCommand("384m", daemonJvmOptions(), "org.apache.spark.deploy.worker.Worker");
    cmd.addAll(List.of("--host", LOOPBACK, "--port", Integer.toString(port),
        "--webui-port", Integer.toString(webUi), "--cores", Integer.toString(cores),
        "--memory", memory, "--work-dir", workDir.resolve("work").toString(), masterUrl()));
    ManagedProcesses.Started p = processes.start("worker-" + index, cmd, sparkEnv(), workDir,
        baseDir.resolve("logs/worker-" + index + ".log"));
    workers.add(new Worker(p, port, webUi, workDir.resolve("work")));
  }

  /** Master and workers are light: a small heap, serial GC and C1 only leave the 2 cores to the executors. */
  private static List<String> daemonJvmOptions() {
    return List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
  }

  private void awaitAliveWorkers(int expected) {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    String last = "no answer yet";
    while (System.nanoTime() < deadline) {
      checkAlive(master);
      workers.forEach(w -> checkAlive(w.process()));
      Optional<JsonNode> state = getJson(masterWebUiPort, "/json/");
      if (state.isPresent()) {
        long alive = 0;
        for (JsonNode w : state.get().path("workers")) {
          if ("ALIVE".equals(w.path("state").asText())) {
            alive++;
          }
        }
        last = "status " + state.get().path("status").asText() + ", " + alive + " ALIVE workers";
        if ("ALIVE".equals(state.get().path("status").asText()) && alive == expected) {
          return;
        }
      }
      sleep(250);
    }
    throw new IllegalStateException("standalone cluster not up after " + START_TIMEOUT + " (" + last
        + ")\n" + master.logTail(40));
  }

  /** The master's view of the cluster ({@code /json/} of its web UI). */
  JsonNode masterState() {
    return getJson(masterWebUiPort, "/json/").orElseThrow(
        () -> new IllegalStateException("master web UI not answering\n" + master.logTail(40)));
  }

  private static void checkAlive(ManagedProcesses.Started p) {
    if (!p.process().isAlive()) {
      throw new IllegalStateException(p.name() + " (pid " + p.pid() + ") exited with "
          + p.process().exitValue() + "\n" + p.logTail(60));
    }
  }

  /** GET {@code http://127.0.0.1:port/path} as JSON; empty while the server does not answer 200. */
  static Optional<JsonNode> getJson(int port, String path) {
    try {
      HttpResponse<String> r = HTTP.send(
          HttpRequest.newBuilder(URI.create("http://" + LOOPBACK + ":" + port + path))
              .timeout(Duration.ofSeconds(5)).GET().build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return r.statusCode() == 200 ? Optional.of(JSON.readTree(r.body())) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** Executor JVMs currently running under {@code worker} (its children running CoarseGrainedExecutorBackend). */
  static List<ProcessHandle> executorProcesses(Worker worker) {
    return worker.process().process().toHandle().descendants()
        .filter(ProcessHandle::isAlive)
        .filter(h -> commandLine(h).contains("org.apache.spark.executor.CoarseGrainedExecutorBackend"))
        .toList();
  }

  /** The executor id a CoarseGrainedExecutorBackend JVM was started with ({@code --executor-id N}). */
  static String executorId(ProcessHandle executor) {
    List<String> args = Arrays.asList(commandLine(executor).split("\u0000| "));
    int i = args.indexOf("--executor-id");
    if (i < 0 || i + 1 >= args.size()) {
      throw new IllegalStateException("no --executor-id in the command line of pid " + executor.pid());
    }
    return args.get(i + 1);
  }

  /** Full command line of a process, read from /proc (ProcessHandle.Info may truncate it). */
  static String commandLine(ProcessHandle h) {
    try {
      byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(h.pid()), "cmdline"));
      return new String(raw, StandardCharsets.UTF_8).replace('\u0000', ' ');
    } catch (IOException e) {
      return h.info().commandLine().orElse("");
    }
  }

  @Override
  public void close() {
    processes.close();
  }

  static void sleep(long millis) {
    try {
      TimeUnit.MILLISECONDS.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
