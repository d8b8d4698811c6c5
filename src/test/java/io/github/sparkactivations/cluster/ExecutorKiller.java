package io.github.sparkactivations.cluster;

import com.fasterxml.jackson.databind.JsonNode;
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
 * <p>It watches the driver's REST status API ({@code /api/v1/applications/...} on the driver UI port)
 * and strikes when the write stage is active with at least {@link #MIN_COMPLETED_IN_STAGE} of its
 * tasks finished and at least {@link #MIN_PENDING_IN_STAGE} not yet started, and the victim
 * executor is running a task it started less than half a task's duration ago: so the kill loses a
 * running task, and the stage has work left for the scheduler to re-plan.
 */
final class ExecutorKiller {

  static final int MIN_COMPLETED_IN_STAGE = 3;
  static final int MIN_PENDING_IN_STAGE = 2;

  /** What was killed, and the state of the run at that moment. */
  record Kill(String executorId, long pid, String worker, int stageId, String stageName, int stageTasks,
      int stageCompleted, int stageActive, long appCompletedTasks, long epochMillis) {
    @Override
    public String toString() {
      return "executor " + executorId + " (pid " + pid + ", on " + worker + ") killed in stage " + stageId
          + " '" + stageName + "' with " + stageCompleted + "/" + stageTasks + " of its tasks finished and "
          + stageActive + " running; " + appCompletedTasks + " tasks finished in the application before";
    }
  }

  private ExecutorKiller() {}

  /** Whether a stage name is that of the job's output write ({@code DataFrameWriter.save/parquet}). */
  static boolean isWriteStage(String stageName) {
    return stageName.startsWith("save at ") || stageName.startsWith("parquet at ");
  }

  static Kill killDuringWrite(SparkSubmitRun run, SparkStandaloneCluster.Worker worker, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String lastSeen = "the driver's REST API never answered";
    while (run.isRunning() && System.nanoTime() < deadline) {
      Optional<String> appId = SparkStandaloneCluster.getJson(run.uiPort, "/api/v1/applications")
          .filter(a -> a.size() == 1).map(a -> a.get(0).path("id").asText());
      List<ProcessHandle> executors = SparkStandaloneCluster.executorProcesses(worker);
      if (appId.isPresent() && executors.size() == 1) {
        ProcessHandle victim = executors.get(0);
        String victimId = SparkStandaloneCluster.executorId(victim);
        String api = "/api/v1/applications/" + appId.get();
        Optional<JsonNode> execs = SparkStandaloneCluster.getJson(run.uiPort, api + "/executors");
        Optional<JsonNode> stages = SparkStandaloneCluster.getJson(run.uiPort, api + "/stages?status=active");
        if (execs.isPresent() && stages.isPresent()) {
          long completedInApp = 0;
          int victimActive = 0;
          for (JsonNode e : execs.get()) {
            if (!"driver".equals(e.path("id").asText())) {
              completedInApp += e.path("completedTasks").asLong();
            }
            if (victimId.equals(e.path("id").asText())) {
              victimActive = e.path("activeTasks").asInt();
            }
          }
          lastSeen = completedInApp + " tasks finished, executor " + victimId + " running " + victimActive;
          for (JsonNode s : stages.get()) {
            String name = s.path("name").asText();
            int total = s.path("numTasks").asInt();
            int done = s.path("numCompleteTasks").asInt();
            int active = s.path("numActiveTasks").asInt();
            int pending = total - done - active;
            lastSeen += "; active stage " + s.path("stageId").asInt() + " '" + name + "' " + done + "/" + total
                + " done, " + active + " running";
            if (isWriteStage(name) && done >= MIN_COMPLETED_IN_STAGE && pending >= MIN_PENDING_IN_STAGE
                && victimActive > 0 && victimTaskJustStarted(run, api, s, victimId)) {
              victim.destroyForcibly(); // SIGKILL: the executor dies as with a lost machine
              awaitExit(victim);
              return new Kill(victimId, victim.pid(), worker.process().name(), s.path("stageId").asInt(), name,
                  total, done, active, completedInApp, System.currentTimeMillis());
            }
          }
        }
      }
      SparkStandaloneCluster.sleep(50);
    }
    throw new AssertionError("no executor was killed: the run " + (run.isRunning() ? "timed out" : "ended")
        + " first (last seen: " + lastSeen + ")\n" + run.logTail(60));
  }

  /**
   * Whether the victim's running task of this stage started less than half the shortest finished
   * task's duration ago: then it is still running when the SIGKILL lands a few milliseconds later
   * (a kill between two tasks would lose no task, only the executor).
   */
  private static boolean victimTaskJustStarted(SparkSubmitRun run, String api, JsonNode stage, String victimId) {
    String path = api + "/stages/" + stage.path("stageId").asInt() + "/" + stage.path("attemptId").asInt()
        + "/taskList?length=1000";
    Optional<JsonNode> tasks = SparkStandaloneCluster.getJson(run.uiPort, path);
    if (tasks.isEmpty()) {
      return false;
    }
    long shortestDone = Long.MAX_VALUE;
    Long victimLaunch = null;
    for (JsonNode t : tasks.get()) {
      String status = t.path("status").asText();
      if ("SUCCESS".equals(status) && t.hasNonNull("duration")) {
        shortestDone = Math.min(shortestDone, t.path("duration").asLong());
      } else if ("RUNNING".equals(status) && victimId.equals(t.path("executorId").asText())) {
        victimLaunch = parseRestTime(t.path("launchTime").asText());
      }
    }
    return victimLaunch != null && shortestDone != Long.MAX_VALUE
        && System.currentTimeMillis() - victimLaunch < shortestDone / 2;
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
