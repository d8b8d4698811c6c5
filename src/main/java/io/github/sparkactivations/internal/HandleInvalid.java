package io.github.sparkactivations.internal;

import java.util.Arrays;
import java.util.Locale;

/**
 * What to do with an invalid input row: a null cell, or a NaN entry (a null element inside an array
 * counts as invalid too). Infinite entries are valid inputs: every activation maps +-Inf to its limit.
 *
 * <p>The value of a {@code handleInvalid} setting is {@link #paramValue()}: exactly {@code error},
 * {@code skip} or {@code keep}, lower case, as in Spark's own feature transformers. The stage param,
 * the job config and anything else that reads the setting check it with {@link #problem}, the one
 * spelling rule; another case ({@code SKIP}) is refused with a message giving the lower-case value.
 */
public enum HandleInvalid {
  /** Fail the task with an {@link InvalidInputException} (the default). */
  ERROR,
  /**
   * Drop the row. Column functions cannot drop rows, so they return null for it and the stages filter
   * those rows out.
   */
  SKIP,
  /**
   * Keep the row: a null cell gives a null result, NaN entries propagate through the function, a null
   * array element gives a null element (elementwise) or a null row (row-wise). The SQL functions always
   * use this mode; they have no {@code handleInvalid} setting.
   */
  KEEP;

  /** The default setting. */
  public static final HandleInvalid DEFAULT = ERROR;

  /** The value of the {@code handleInvalid} setting: {@code "error"}, {@code "skip"} or {@code "keep"}. */
  public String paramValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Every {@link #paramValue()}, in declaration order. */
  public static String[] paramValues() {
    return Arrays.stream(values()).map(HandleInvalid::paramValue).toArray(String[]::new);
  }

  /**
   * What is wrong with {@code value} as a {@code handleInvalid} setting, or null if it is one of
   * {@link #paramValues()} exactly. The text completes "handleInvalid ...": it names the allowed values,
   * the default and the value, and for a value in another case the lower-case one to use.
   */
  public static String problem(String value) {
    if (value != null && Arrays.asList(paramValues()).contains(value)) {
      return null;
    }
    String message = "must be one of " + String.join(", ", paramValues()) + " (default "
        + DEFAULT.paramValue() + ") but was " + (value == null ? "null" : "'" + value + "'");
    if (value != null) {
      String lower = value.strip().toLowerCase(Locale.ROOT);
      if (Arrays.asList(paramValues()).contains(lower)) {
        message += "; the values are lower case: use '" + lower + "'";
      }
    }
    return message;
  }

  /**
   * The one policy for a null cell, on both execution paths: the result is null (SKIP then drops the
   * row; KEEP passes null through).
   *
   * @throws InvalidInputException under {@code ERROR}
   */
  public void nullCell(InputRef in) throws InvalidInputException {
    if (this == ERROR) {
      throw new InvalidInputException(in, InvalidInputException.Problem.NULL_VALUE, -1);
    }
  }

  /**
   * The one policy for a cell whose entries were scanned, on both execution paths: true to compute the
   * result, false for a null result (SKIP drops the row).
   *
   * @param elementwise false for a row-wise function, whose row is null under KEEP if an element is
   * @param firstNull the index of the first null array element, or -1
   * @param firstNaN the position of the first NaN entry, or -1
   * @param nanIndex the index the failure reports for that NaN (a sparse vector's index of it; -1 for a
   *     number)
   * @throws InvalidInputException under {@code ERROR}, for the null element first, else the NaN
   */
  public boolean computes(InputRef in, boolean elementwise, int firstNull, int firstNaN, int nanIndex)
      throws InvalidInputException {
    if (firstNull >= 0) {
      if (this == ERROR) {
        throw new InvalidInputException(in, InvalidInputException.Problem.NULL_ELEMENT, firstNull);
      }
      if (this == SKIP || !elementwise) {
        return false;
      }
    }
    if (firstNaN >= 0 && this != KEEP) {
      if (this == ERROR) {
        throw new InvalidInputException(in, InvalidInputException.Problem.NAN, nanIndex);
      }
      return false;
    }
    return true;
  }

  /**
   * The constant whose {@link #paramValue()} is {@code value}.
   *
   * @throws IllegalArgumentException with {@link #problem}'s text if there is none
   */
  public static HandleInvalid fromParam(String value) {
    String p = problem(value);
    if (p != null) {
      throw new IllegalArgumentException("handleInvalid " + p);
    }
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
