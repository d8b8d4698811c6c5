package io.github.sparkactivations.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Kills one executor JVM of a running application, by its process id, in the middle of the job's
 * output-writing stage: a crash of the kind a lost machine causes (SIGKILL, no shutdown hook, cached
 * blocks and shuffle files gone).
 *
 * <p>The kill cannot race the job: the job is submitted with its test hook on (see
 * {@code TaskHoldForTests}), so the first attempt of one chosen write task waits until a release file
 * exists. This watches the driver's REST status API ({@code /api/v1/applications/...} on the driver UI
 * port) until that task is running, kills the executor that runs it, waits for the JVM to be gone, and
 * only then creates the release file. However slow the machine, the task is running when the executor
 * dies, and the stage has that task (at least) left to re-run.
 */
final class ExecutorKiller {

  /** What was killed, and the state of the run at that moment. */
  record Kill(String executorId, long pid, String worker, int stageId, String stageName, int partition,
      int stageTasks, int stageCompleted, int stageActive, long epochMillis) {
    @Override
    public String toString() {
      return "executor " + executorId + " (pid " + pid + ", on " + worker + ") killed in stage " + stageId
          + " '" + stageName + "' while running the held task of partition " + partition + ", with "
          + stageCompleted + "/" + stageTasks + " of the stage's tasks finished and " + stageActive + " running";
    }
  }

  private ExecutorKiller() {}

  /** Whether a stage name is that of the job's output write ({@code DataFrameWriter.save/parquet}). */
  static boolean isWriteStage(String stageName) {
    return stageName.startsWith("save at ") || stageName.startsWith("parquet at ");
  }

  /**
   * Waits until the held write task of {@code partition} runs, kills its executor, then creates
   * {@code releaseFile}.
   */
  static Kill killExecutorOfHeldTask(SparkSubmitRun run, SparkStandaloneCluster cluster, int partition,
      Path releaseFile, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String lastSeen = "the driver's REST API never answered";
    while (run.isRunning() && System.nanoTime() < deadline) {
      Optional<String> appId = SparkStandaloneCluster.getJson(run.uiPort, "/api/v1/applications")
          .filter(a -> a.size() == 1).map(a -> a.get(0).path("id").asText());
      if (appId.isPresent()) {
        String api = "/api/v1/applications/" + appId.get();
        Optional<JsonNode> stages = SparkStandaloneCluster.getJson(run.uiPort, api + "/stages?status=active");
        for (JsonNode s : stages.orElse(MISSING)) {
          String name = s.path("name").asText();
          lastSeen = "active stage " + s.path("stageId").asInt() + " '" + name + "'";
          if (!isWriteStage(name)) {
            continue;
          }
          String held = heldTaskExecutor(run, api, s, partition);
          if (held == null) {
            continue;
          }
          for (SparkStandaloneCluster.Worker w : cluster.workers()) {
            for (ProcessHandle victim : SparkStandaloneCluster.executorProcesses(w)) {
              if (held.equals(SparkStandaloneCluster.executorId(victim))) {
                victim.destroyForcibly(); // SIGKILL: the executor dies as with a lost machine
                awaitExit(victim);
                release(releaseFile);
                return new Kill(held, victim.pid(), w.process().name(), s.path("stageId").asInt(), name, partition,
                    s.path("numTasks").asInt(), s.path("numCompleteTasks").asInt(), s.path("numActiveTasks").asInt(),
                    System.currentTimeMillis());
              }
            }
          }
          lastSeen += "; the held task runs on executor " + held + ", whose process was not found";
        }
      }
      SparkStandaloneCluster.sleep(100);
    }
    release(releaseFile);   // let the run end whatever happened
    throw new AssertionError("no executor was killed: the run " + (run.isRunning() ? "timed out" : "ended")
        + " first, which the held task should have prevented (last seen: " + lastSeen + ")\n" + run.logTail(60));
  }

  private static final JsonNode MISSING = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();

  /** The executor running the first attempt of this stage's task for {@code partition}, or null. */
  private static String heldTaskExecutor(SparkSubmitRun run, String api, JsonNode stage, int partition) {
    String path = api + "/stages/" + stage.path("stageId").asInt() + "/" + stage.path("attemptId").asInt()
        + "/taskList?length=1000";
    for (JsonNode t : SparkStandaloneCluster.getJson(run.uiPort, path).orElse(MISSING)) {
      if (t.path("index").asInt(-1) == partition && t.path("attempt").asInt(-1) == 0
          && "RUNNING".equals(t.path("status").asText())) {
        return t.path("executorId").asText();
      }
    }
    return null;
  }

  private static void release(Path releaseFile) {
    try {
      Files.createDirectories(releaseFile.getParent());
      if (!Files.exists(releaseFile)) {
        Files.writeString(releaseFile, "executor killed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Spark's REST dates: {@code 2026-01-31T12:34:56.789GMT}. */
  static long parseRestTime(String text) {
    return LocalDateTime.parse(text.replace("GMT", ""), DateTimeFormatter.ISO_LOCAL_DATE_TIME)
        .toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  private static void awaitExit(ProcessHandle victim) {
    try {
      victim.onExit().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("executor pid " + victim.pid() + " still alive 10 s after SIGKILL", e);
    }
  }
}
