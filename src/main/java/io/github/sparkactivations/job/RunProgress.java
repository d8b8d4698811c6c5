package io.github.sparkactivations.job;

import io.github.sparkactivations.job.report.StatisticsPass;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.SparkStatusTracker;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Progress of a run while it runs: the phase, tasks done of the running Spark stages (from Spark's
 * {@link SparkStatusTracker}), rows so far in the phase (from the finished tasks' metrics, through a
 * {@link SparkListener}), and the time since the run started. On a terminal one line is
 * rewritten in place every second; otherwise (a log: spark-submit, cluster mode, stdout redirected) a
 * line is printed when a phase starts and at most one every 10 s in between. {@link #close} stops the
 * timer, removes the listener and clears the terminal line.
 */
final class RunProgress implements AutoCloseable {

  /** Where progress goes. */
  enum Mode { OFF, TERMINAL, LOG }

  static final long LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final SparkContext sc;
  private final PrintWriter out;
  private final Mode mode;
  private final long startNanos;
  private final RowsRead rows = new RowsRead();
  private final ScheduledExecutorService timer;
  private String phase;
  private long lastLine;
  private int lastWidth;

  private RunProgress(SparkContext sc, PrintWriter out, Mode mode, long startNanos) {
    this.sc = sc;
    this.out = out;
    this.mode = mode;
    this.startNanos = startNanos;
    if (mode == Mode.OFF) {
      timer = null;
      return;
    }
    sc.addSparkListener(rows);
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "spark-activations-progress");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
  }

  /** OFF with {@code --quiet}; TERMINAL when the JVM has a console; LOG otherwise. */
  static Mode mode(boolean quiet) {
    return quiet ? Mode.OFF : System.console() != null ? Mode.TERMINAL : Mode.LOG;
  }

  /**
   * Starts reporting.
   *
   * @param startNanos {@link System#nanoTime()} when the run started, for the elapsed time
   */
  static RunProgress start(SparkContext sc, PrintWriter out, Mode mode, long startNanos) {
    return new RunProgress(sc, out, mode, startNanos);
  }

  /** A progress that prints nothing. */
  static RunProgress off() {
    return new RunProgress(null, null, Mode.OFF, 0);
  }

  /** A new phase starts: in a log, one line now. */
  synchronized void phase(String name) {
    if (mode == Mode.OFF) {
      return;
    }
    phase = name;
    rows.reset();
    show(true);
  }

  private synchronized void tick() {
    try {
      show(false);
    } catch (RuntimeException e) {
      // progress must never break a run (e.g. the context stopping under the tracker)
    }
  }

  private void show(boolean phaseStart) {
    if (phase == null) {
      return;
    }
    long now = System.nanoTime();
    if (mode == Mode.LOG) {
      if (phaseStart || now - lastLine >= LOG_EVERY_NANOS) {
        out.println(line(now));
        out.flush();
        lastLine = now;
      }
    } else {
      String l = line(now);
      out.print("\r" + l + " ".repeat(Math.max(0, lastWidth - l.length())));
      out.flush();
      lastWidth = l.length();
    }
  }

  /** e.g. {@code progress: transform+write, tasks 3/8, 1,234 rows, 42 s}. */
  String line(long now) {
    StringBuilder sb = new StringBuilder("progress: ").append(phase);
    SparkStatusTracker tracker = sc.statusTracker();
    int done = 0;
    int total = 0;
    for (int id : tracker.getActiveStageIds()) {
      scala.Option<SparkStageInfo> info = tracker.getStageInfo(id);
      if (info.isDefined()) {
        done += info.get().numCompletedTasks();
        total += info.get().numTasks();
      }
    }
    if (total > 0) {
      sb.append(String.format(Locale.ROOT, ", tasks %d/%d", done, total));
    }
    sb.append(String.format(Locale.ROOT, ", %,d rows, %d s", rows.get(),
        TimeUnit.NANOSECONDS.toSeconds(now - startNanos)));
    return sb.toString();
  }

  @Override
  public void close() {
    if (mode == Mode.OFF) {
      return;
    }
    timer.shutdownNow();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sc.removeSparkListener(rows);
    synchronized (this) {
      if (mode == Mode.TERMINAL && lastWidth > 0) {
        out.print("\r" + " ".repeat(lastWidth) + "\r");
        out.flush();
      }
    }
  }

  /**
   * Name of Spark SQL's per-operator row count ({@code SQLMetrics}), which a task reports for each
   * operator it ran, the scan of cached data included.
   */
  static final String SQL_OUTPUT_ROWS = "number of output rows";

  /** Rows read by the tasks finished since the last reset (cached data included). */
  private static final class RowsRead extends SparkListener {
    private final AtomicLong rows = new AtomicLong();

    /**
     * A task's rows: the most of the records it read from files, wrote, or read from a shuffle, the
     * rows its SQL operators output, and the rows counted in the report's accumulator. The operators'
     * count is what makes a scan of cached data count rows: its input records are the cached column
     * batches (up to 10,000 rows each), so a fit over the cached input would otherwise show batches.
     */
    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
      TaskMetrics m = end.taskMetrics();
      long n = 0;
      if (m != null) {
        n = Math.max(m.inputMetrics().recordsRead(), m.outputMetrics().recordsWritten());
        n = Math.max(n, m.shuffleReadMetrics().recordsRead());
      }
      scala.collection.Iterator<AccumulableInfo> it = end.taskInfo().accumulables().iterator();
      while (it.hasNext()) {
        AccumulableInfo a = it.next();
        if (a.name().isDefined() && a.update().isDefined() && a.update().get() instanceof Number u
            && (a.name().get().equals(StatisticsPass.ROWS_ACCUMULATOR) || a.name().get().equals(SQL_OUTPUT_ROWS))) {
          n = Math.max(n, u.longValue());
        }
      }
      rows.addAndGet(n);
    }

    long get() {
      return rows.get();
    }

    void reset() {
      rows.set(0);
    }
  }

}
