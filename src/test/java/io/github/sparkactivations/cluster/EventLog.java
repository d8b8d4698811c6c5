package io.github.sparkactivations.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a finished application did, read from its Spark event log (one JSON event per line): which
 * executors came and went, every task attempt and how it ended, every job's result.
 */
final class EventLog {

  record ExecutorAdded(String id, String host, long time) {}

  record ExecutorRemoved(String id, String reason, long time) {}

  /** One task attempt's end: {@code reason} is "Success" or the failure kind (e.g. ExecutorLostFailure). */
  record TaskEnd(int stageId, int stageAttempt, int partition, int attempt, long taskId,
      String executorId, String reason, long launchTime, long finishTime) {
    boolean successful() {
      return "Success".equals(reason);
    }
  }

  record JobEnd(int jobId, String result) {}

  final String appId;
  final List<ExecutorAdded> executorsAdded = new ArrayList<>();
  final List<ExecutorRemoved> executorsRemoved = new ArrayList<>();
  final List<TaskEnd> taskEnds = new ArrayList<>();
  final List<JobEnd> jobEnds = new ArrayList<>();

  private EventLog(String appId) {
    this.appId = appId;
  }

  static EventLog read(Path file) {
    ObjectMapper json = new ObjectMapper();
    String appId = null;
    List<JsonNode> events = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          events.add(json.readTree(line));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read event log " + file, e);
    }
    for (JsonNode e : events) {
      if ("SparkListenerApplicationStart".equals(e.path("Event").asText())) {
        appId = e.path("App ID").asText();
      }
    }
    EventLog log = new EventLog(appId);
    for (JsonNode e : events) {
      switch (e.path("Event").asText()) {
        case "SparkListenerExecutorAdded" -> log.executorsAdded.add(new ExecutorAdded(
            e.path("Executor ID").asText(), e.path("Executor Info").path("Host").asText(),
            e.path("Timestamp").asLong()));
        case "SparkListenerExecutorRemoved" -> log.executorsRemoved.add(new ExecutorRemoved(
            e.path("Executor ID").asText(), e.path("Removed Reason").asText(),
            e.path("Timestamp").asLong()));
        case "SparkListenerTaskEnd" -> {
          JsonNode info = e.path("Task Info");
          log.taskEnds.add(new TaskEnd(e.path("Stage ID").asInt(), e.path("Stage Attempt ID").asInt(),
              info.path("Partition ID").asInt(info.path("Index").asInt()), info.path("Attempt").asInt(),
              info.path("Task ID").asLong(), info.path("Executor ID").asText(),
              e.path("Task End Reason").path("Reason").asText(), info.path("Launch Time").asLong(),
              info.path("Finish Time").asLong()));
        }
        case "SparkListenerJobEnd" -> log.jobEnds.add(new JobEnd(e.path("Job ID").asInt(),
            e.path("Job Result").path("Result").asText()));
        default -> { }
      }
    }
    return log;
  }

  List<TaskEnd> failedTasks() {
    return taskEnds.stream().filter(t -> !t.successful()).toList();
  }

  /** Distinct executor ids that finished at least one task successfully. */
  List<String> executorsThatRanTasks() {
    return taskEnds.stream().filter(TaskEnd::successful).map(TaskEnd::executorId).distinct().sorted()
        .toList();
  }
}
