package io.github.sparkactivations.internal;

import java.io.Serializable;

/**
 * Which input a column function reads, as its errors name it: a stage's input column
 * ({@link #ofStage}) or an argument of a SQL function call ({@link #ofSql}). Serializable: it travels to
 * the executors inside the column function and comes back inside an {@link InvalidInputException}.
 *
 * @param stageUid the uid of the stage that reads the column, or null for a SQL function
 * @param column the input column name (stages) or the argument's name (SQL functions)
 * @param sqlCall the SQL call as written, e.g. {@code activation('relu', x)}, or null for a stage
 */
public record InputRef(String stageUid, String column, String sqlCall) implements Serializable {

  /** The input column {@code column} of the stage {@code stageUid}. */
  public static InputRef ofStage(String stageUid, String column) {
    return new InputRef(stageUid, column, null);
  }

  /** The argument {@code argument} of the SQL call {@code call}. */
  public static InputRef ofSql(String call, String argument) {
    return new InputRef(null, argument, call);
  }

  /**
   * How messages name the input without its owner: {@code input column 'features'} or
   * {@code argument x}.
   */
  public String what() {
    return sqlCall == null ? "input column '" + column + "'" : "argument " + column;
  }

  /** The stage uid, or the SQL call. */
  public String owner() {
    return sqlCall == null ? stageUid : sqlCall;
  }

  /**
   * How messages name the input with its owner: {@code ActivationTransformer_ab12: input column
   * 'features'}, or {@code activation('relu', x): argument x}.
   */
  public String where() {
    return owner() + ": " + what();
  }
}
