package io.github.sparkactivations.activation;

/**
 * A spec names no activation: the name is neither one of {@link Activations#NAMES} nor an alias. The
 * message gives the closest valid name, when one is close, and lists the valid names and aliases.
 */
public final class UnknownActivationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final String suggestion;

  UnknownActivationException(String message, String name, String suggestion) {
    super(message);
    this.name = name;
    this.suggestion = suggestion;
  }

  /** The name as the spec gave it. */
  public String name() {
    return name;
  }

  /** The closest valid name, or null when none is close. */
  public String suggestion() {
    return suggestion;
  }
}
