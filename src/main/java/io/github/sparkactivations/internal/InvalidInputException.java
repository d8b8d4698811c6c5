package io.github.sparkactivations.internal;

import java.util.OptionalInt;
import org.apache.spark.SparkException;
import org.apache.spark.TaskContext;

/**
 * Invalid input met under {@code handleInvalid=error}: a null cell, a null element of an array, or a
 * NaN entry. Thrown on the executors by the column engine; Spark wraps it (a UDF failure, then the task
 * failure in a {@code SparkException} on the driver) and keeps it as a cause, because it serializes
 * with all its fields. Code that maps failures, such as the job, finds it with
 * {@link #findIn(Throwable)} and reads its fields, never its message.
 */
public final class InvalidInputException extends SparkException {
  private static final long serialVersionUID = 1L;

  /** What is invalid. */
  public enum Problem {
    /** The cell is null. */
    NULL_VALUE,
    /** The cell is an array with a null element (at {@link #entryIndex()}). */
    NULL_ELEMENT,
    /** An entry is NaN (at {@link #entryIndex()}, if the cell has entries). */
    NAN
  }

  private final InputRef input;
  private final Problem problem;
  private final int entryIndex;
  private final int partition;

  /**
   * The failure of the task that is running now (the partition is the running task's, if any).
   *
   * @param entryIndex the index of the invalid entry in the vector or array, or -1 for a null cell or
   *     a scalar
   */
  public InvalidInputException(InputRef input, Problem problem, int entryIndex) {
    this(input, problem, entryIndex, currentPartition());
  }

  /**
   * @param entryIndex the index of the invalid entry in the vector or array, or -1 for a null cell or
   *     a scalar
   * @param partition the index of the partition that holds the row, or -1 if unknown
   */
  public InvalidInputException(InputRef input, Problem problem, int entryIndex, int partition) {
    super(input.owner() + ": " + describe(input, problem, entryIndex, partition, "handleInvalid"));
    this.input = input;
    this.problem = problem;
    this.entryIndex = entryIndex;
    this.partition = partition;
  }

  private static int currentPartition() {
    TaskContext task = TaskContext.get();
    return task == null ? -1 : task.partitionId();
  }

  /** The stage that read the input, or null for a SQL function. */
  public String stageUid() {
    return input.stageUid();
  }

  /** The input column (stages) or argument name (SQL functions). */
  public String column() {
    return input.column();
  }

  /** The input the failure is about. */
  public InputRef input() {
    return input;
  }

  /** What is invalid. */
  public Problem problem() {
    return problem;
  }

  /** True for a null cell or a null array element, false for NaN. */
  public boolean isNull() {
    return problem != Problem.NAN;
  }

  /** Index of the invalid entry in the vector or array, or -1 (a null cell, a scalar). */
  public int entryIndex() {
    return entryIndex;
  }

  /**
   * The index of the partition (of the stage's input, as Spark split it) that holds the row, when the
   * row was read by a task; empty when it was evaluated on the driver. A Spark row has no position
   * that survives the plan (filters, joins and shuffles reorder rows), so the partition is where the
   * engine can place it: with {@code handleInvalid=error} the first bad row met fails its task.
   */
  public OptionalInt partition() {
    return partition < 0 ? OptionalInt.empty() : OptionalInt.of(partition);
  }

  /**
   * The failure in words, starting with the input ({@code input column 'features' holds NaN at index
   * 2 ...}), with the fix naming the setting as {@code setting} (the stage param
   * {@code handleInvalid}, or a job's config key).
   */
  public String describe(String setting) {
    return describe(input, problem, entryIndex, partition, setting);
  }

  private static String describe(
      InputRef input, Problem problem, int index, int partition, String setting) {
    String row = partition >= 0 ? " in a row of partition " + partition : "";
    String what = input.what();
    return switch (problem) {
      case NULL_VALUE -> what + " holds a null value" + row + ". " + fix(setting, "null");
      case NULL_ELEMENT -> what + " holds an array with a null element at index " + index + row + ". "
          + fix(setting, "null");
      case NAN -> what + " holds NaN" + (index >= 0 ? " at index " + index : "") + row
          + " (+-Infinity is valid input, NaN is not). " + fix(setting, "NaN");
    };
  }

  private static String fix(String setting, String what) {
    return "Set " + setting + " to 'skip' to drop rows with " + what + " input, or to 'keep' to "
        + ("null".equals(what) ? "pass null through." : "let NaN propagate to the output.");
  }

  /** The first {@code InvalidInputException} in the cause chain of {@code failure}, if any. */
  public static java.util.Optional<InvalidInputException> findIn(Throwable failure) {
    return Causes.find(failure, InvalidInputException.class);
  }
}
