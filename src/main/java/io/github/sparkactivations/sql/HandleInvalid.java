package io.github.sparkactivations.sql;

import java.util.Locale;

/**
 * What to do with an invalid input row: a null cell, or a NaN entry (a null element inside an array
 * counts as invalid too). Infinite entries are valid inputs: every activation maps +-Inf to its limit.
 *
 * <p>The lower-case {@link #paramValue()} of each constant is the value of the {@code handleInvalid}
 * stage param, as in Spark's own feature transformers.
 */
public enum HandleInvalid {
  /** Fail the task with a message naming the column, the problem and the fix (the default). */
  ERROR,
  /**
   * Drop the row. Column functions cannot drop rows, so they return null for it and the stages filter
   * those rows out.
   */
  SKIP,
  /** Keep the row: a null cell gives a null result, NaN entries propagate through the function. */
  KEEP;

  /** The value of the {@code handleInvalid} param: {@code "error"}, {@code "skip"} or {@code "keep"}. */
  public String paramValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Every {@link #paramValue()}, in declaration order. */
  public static String[] paramValues() {
    HandleInvalid[] all = values();
    String[] names = new String[all.length];
    for (int i = 0; i < all.length; i++) {
      names[i] = all[i].paramValue();
    }
    return names;
  }

  /**
   * The constant whose {@link #paramValue()} is {@code value} (case-insensitive).
   *
   * @throws IllegalArgumentException naming the value and the allowed ones
   */
  public static HandleInvalid fromParam(String value) {
    for (HandleInvalid h : values()) {
      if (h.paramValue().equalsIgnoreCase(value)) {
        return h;
      }
    }
    throw new IllegalArgumentException(
        "handleInvalid must be one of " + String.join(", ", paramValues()) + " but was '" + value + "'");
  }
}
