package io.github.sparkactivations.internal.codegen;

import io.github.sparkactivations.internal.shim.BuildLine;
import java.util.Locale;
import org.apache.spark.sql.internal.SQLConf;

/**
 * How the stages and SQL functions run, chosen per query on the driver from the Spark SQL conf
 * {@value #CONF}: {@code native} (a Catalyst expression in whole-stage generated code,
 * {@link ActivationExpression}), {@code udf} (a Spark UDF over external {@code Vector}/{@code Seq}
 * objects), or {@code auto} (the default: native where this Spark line supports it, else UDF). Both
 * paths give bit-identical results.
 *
 * <p>The rule for {@code auto}, in this one place: native iff the running Spark has the major.minor
 * line this build was compiled for ({@link BuildLine#LINE}), since
 * Catalyst's expression API is internal to Spark and may change between lines.
 */
public final class Execution {

  /** The Spark SQL conf key. */
  public static final String CONF = "spark.activations.execution";

  /** The values of {@value #CONF}. */
  public enum Mode {
    AUTO,
    NATIVE,
    UDF
  }

  private Execution() {}

  /** The mode set in the current session's SQL conf ({@code auto} if unset). */
  public static Mode mode() {
    String value = SQLConf.get().getConfString(CONF, "auto");
    for (Mode m : Mode.values()) {
      if (m.name().equalsIgnoreCase(value.trim())) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        CONF + " must be one of auto, native, udf but was '" + value + "'");
  }

  /** True if the running Spark line supports the native path. */
  public static boolean nativeSupported() {
    return BuildLine.runs(sparkVersion());
  }

  /**
   * True if this query runs natively: the conf says {@code native}, or {@code auto} on a supported line.
   *
   * @throws IllegalArgumentException if the conf has another value
   * @throws IllegalStateException if the conf says {@code native} on a Spark line without it
   */
  public static boolean useNative() {
    return switch (mode()) {
      case UDF -> false;
      case AUTO -> nativeSupported();
      case NATIVE -> {
        if (!nativeSupported()) {
          throw new IllegalStateException(
              CONF + "=native, but this build's native path is for Spark " + BuildLine.LINE
                  + ".x and Spark " + sparkVersion() + " is running; set " + CONF + " to auto or udf");
        }
        yield true;
      }
    };
  }

  private static String sparkVersion() {
    return org.apache.spark.package$.MODULE$.SPARK_VERSION().toLowerCase(Locale.ROOT);
  }
}
