package io.github.sparkactivations.job;

/**
 * A problem with the job's configuration, found before any data is read or written: an unknown key,
 * an invalid value, a missing input, an input column of the wrong type, an output that already
 * exists in mode {@code error}. The job turns it into exit code 2 and one line on stderr:
 * {@code error: <source>: <key>: <message>}.
 */
public final class ConfigException extends RuntimeException {

  private final String source;
  private final String key;

  /**
   * @param source where the configuration came from (the config file, possibly with a {@code --set});
   *     may be null when unknown
   * @param key the dotted config key at fault, e.g. {@code output.mode} or {@code stages[1].activation};
   *     may be null when the problem is not tied to one key
   * @param message what is wrong and how to fix it
   */
  public ConfigException(String source, String key, String message) {
    super(message);
    this.source = source;
    this.key = key;
  }

  /** A problem tied to one key, with the source filled in later by {@link #withSource(String)}. */
  public ConfigException(String key, String message) {
    this(null, key, message);
  }

  /** The config file (and {@code --set}) the problem came from, or null. */
  public String source() {
    return source;
  }

  /** The dotted key at fault, or null. */
  public String key() {
    return key;
  }

  /** This exception with {@code source} set (if it had none). */
  public ConfigException withSource(String newSource) {
    if (source != null) {
      return this;
    }
    ConfigException e = new ConfigException(newSource, key, getMessage());
    e.setStackTrace(getStackTrace());
    return e;
  }

  /** The one-line form printed after {@code error: }. */
  public String oneLine() {
    StringBuilder sb = new StringBuilder();
    if (source != null) {
      sb.append(source).append(": ");
    }
    if (key != null) {
      sb.append(key).append(": ");
    }
    sb.append(getMessage());
    // one line whatever the message quotes (a column name read from a binary file, a value with a newline)
    return sb.toString().replaceAll("\\R", " ").replaceAll("\\p{Cntrl}", "?");
  }
}
