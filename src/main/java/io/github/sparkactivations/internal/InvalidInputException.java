package io.github.sparkactivations.internal;

import java.util.OptionalLong;
import org.apache.spark.SparkException;

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
  private final long rowPosition;

  /**
   * @param entryIndex the index of the invalid entry in the vector or array, or -1 for a null cell or
   *     a scalar
   * @param rowPosition the 0-based position of the row in its input, or -1 if unknown
   */
  public InvalidInputException(InputRef input, Problem problem, int entryIndex, long rowPosition) {
    super(input.owner() + ": " + describe(input, problem, entryIndex, rowPosition, "handleInvalid"));
    this.input = input;
    this.problem = problem;
    this.entryIndex = entryIndex;
    this.rowPosition = rowPosition;
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

  /** 0-based position of the row in its input, when the engine knows it. */
  public OptionalLong rowPosition() {
    return rowPosition < 0 ? OptionalLong.empty() : OptionalLong.of(rowPosition);
  }

  /**
   * The failure in words, starting with the input ({@code input column 'features' holds NaN at index
   * 2 ...}), with the fix naming the setting as {@code setting} (the stage param
   * {@code handleInvalid}, or a job's config key).
   */
  public String describe(String setting) {
    return describe(input, problem, entryIndex, rowPosition, setting);
  }

  private static String describe(
      InputRef input, Problem problem, int index, long rowPosition, String setting) {
    String row = rowPosition >= 0 ? " in row " + (rowPosition + 1) : "";
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
