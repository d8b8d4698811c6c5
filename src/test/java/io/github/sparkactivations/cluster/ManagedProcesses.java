package io.github.sparkactivations.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Every JVM a cluster test starts, recorded by process id and stopped by process id.
 *
 * <p>{@link #close()} (and a JVM shutdown hook, for a test JVM that is itself being torn down) stops
 * each recorded process together with the descendants it had at that moment (a worker's executor
 * JVMs), newest first: SIGTERM, a grace period, then SIGKILL. Nothing is ever looked up or killed by
 * name, so a run never touches processes it did not start.
 */
final class ManagedProcesses implements AutoCloseable {

  private static final Duration GRACE = Duration.ofSeconds(10);

  /** A started process, its name and where its output goes. */
  record Started(String name, Process process, Path log) {
    long pid() {
      return process.pid();
    }

    /** The last {@code maxLines} lines of the process's output, for failure messages. */
    String logTail(int maxLines) {
      return tail(log, maxLines);
    }
  }

  private final List<Started> started = Collections.synchronizedList(new ArrayList<>());
  private final Thread shutdownHook = new Thread(this::stopAll, "cluster-it-process-cleanup");

  ManagedProcesses() {
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Starts {@code command} with {@code env} added to this JVM's environment, output (both streams) to {@code log}. */
  Started start(String name, List<String> command, Map<String, String> env, Path workDir, Path log) {
    try {
      Files.createDirectories(log.getParent());
      Files.createDirectories(workDir);
      ProcessBuilder pb = new ProcessBuilder(command)
          .directory(workDir.toFile())
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      pb.environment().putAll(env);
      Started s = new Started(name, pb.start(), log);
      started.add(s);
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + command, e);
    }
  }

  /** Stops one recorded process (and its descendants) now. */
  void stop(Started s) {
    stopTree(s.process().toHandle());
    started.remove(s);
  }

  @Override
  public void close() {
    stopAll();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook is running or has run: nothing left to do
    }
  }

  private void stopAll() {
    List<Started> snapshot;
    synchronized (started) {
      snapshot = new ArrayList<>(started);
      started.clear();
    }
    Collections.reverse(snapshot); // newest first: the driver before the workers before the master
    for (Started s : snapshot) {
      stopTree(s.process().toHandle());
    }
  }

  /**
   * SIGTERM to a process and to every descendant it has now (taken before the parent dies: once a
   * worker is gone its executors are re-parented and no longer its descendants), then SIGKILL to
   * whatever is still alive after the grace period.
   */
  static void stopTree(ProcessHandle root) {
    List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
    tree.add(0, root);
    for (ProcessHandle h : tree) {
      h.destroy();
    }
    long deadline = System.nanoTime() + GRACE.toNanos();
    for (ProcessHandle h : tree) {
      long left = deadline - System.nanoTime();
      try {
        if (left > 0) {
          h.onExit().get(left, TimeUnit.NANOSECONDS);
        }
      } catch (Exception notYet) {
        // falls through to the forcible stop
      }
      if (h.isAlive()) {
        h.destroyForcibly();
      }
    }
  }

  static String tail(Path log, int maxLines) {
    try {
      if (!Files.exists(log)) {
        return "(no log at " + log + ")";
      }
      List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
      int from = Math.max(0, lines.size() - maxLines);
      return "--- last " + (lines.size() - from) + " lines of " + log + " ---\n"
          + String.join("\n", lines.subList(from, lines.size()));
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e + ")";
    }
  }
}
