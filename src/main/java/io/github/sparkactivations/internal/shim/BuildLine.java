package io.github.sparkactivations.internal.shim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The Spark major.minor line this jar was compiled for (e.g. {@code 3.5}, {@code 4.2}), written into
 * {@code build-line.properties} by the build. One shim source folder serves several lines (Spark 4.0,
 * 4.1 and 4.2 compile the same copy), so the line comes from the build, not from the source.
 */
public final class BuildLine {

  private BuildLine() {}

  /** The line, e.g. {@code 4.2}. */
  public static final String LINE = load();

  private static String load() {
    Properties p = new Properties();
    try (InputStream in = BuildLine.class.getResourceAsStream("build-line.properties")) {
      if (in == null) {
        throw new IllegalStateException("build-line.properties is missing from the jar");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String line = p.getProperty("spark.line", "");
    if (!line.matches("[0-9]+\\.[0-9]+")) {
      throw new IllegalStateException("build-line.properties has spark.line='" + line + "', not a major.minor line");
    }
    return line;
  }

  /** True if {@code sparkVersion} (e.g. {@code 4.2.0}, {@code 3.5.9-SNAPSHOT}) is on this line. */
  public static boolean runs(String sparkVersion) {
    return sparkVersion.startsWith(LINE + ".");
  }
}
