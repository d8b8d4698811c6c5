package io.github.sparkactivations.internal.shim;

import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.classic.ExpressionUtils;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Spark 4 copy (Scala 2.13): a {@code Column} holds a {@code ColumnNode}, not an {@code Expression};
 * the conversions belong to the classic (non-Connect) session. The contract of each method is the same
 * in every line's copy (see the package documentation).
 */
public final class SparkShim {

  private SparkShim() {}

  /** The column of a Catalyst expression. */
  public static Column column(Expression expression) {
    return ExpressionUtils.column(expression);
  }

  /**
   * The Catalyst expression of a column, built now by the active classic session's converter
   * ({@code ExpressionUtils.expression} would return a lazy node that cannot generate code).
   */
  public static Expression expression(Column column) {
    return classic(SparkSession.active()).expression(column);
  }

  /**
   * Registers {@code name} as a temporary function of {@code spark}, replacing one of the same name;
   * {@code builder} turns the call's argument expressions into the expression of the call and may
   * throw {@code IllegalArgumentException}, which fails the analysis of the query.
   */
  public static void createOrReplaceTempFunction(
      SparkSession spark, String name, Function<List<Expression>, Expression> builder) {
    classic(spark).sessionState().functionRegistry().createOrReplaceTempFunction(
        name, arguments -> builder.apply(CollectionConverters.asJava(arguments)), "java_udf");
  }

  /**
   * True if {@code name} (unqualified) resolves to a function in {@code spark}. Uses the public
   * catalog: from Spark 4.2 the registry's own lookup asserts a fully qualified name.
   */
  public static boolean functionExists(SparkSession spark, String name) {
    return spark.catalog().functionExists(name);
  }

  private static org.apache.spark.sql.classic.SparkSession classic(SparkSession spark) {
    if (spark instanceof org.apache.spark.sql.classic.SparkSession s) {
      return s;
    }
    throw new UnsupportedOperationException(
        "spark-activations needs a classic Spark session; Spark Connect sessions are not supported: "
            + spark.getClass().getName());
  }
}
