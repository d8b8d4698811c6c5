package io.github.sparkactivations.internal.shim;

import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.expressions.Expression;
import scala.collection.JavaConverters;

/**
 * Spark 3.5 copy (Scala 2.12 and 2.13): {@code Column} wraps its {@code Expression}. The contract of
 * each method is the same in every line's copy (see the package documentation).
 */
public final class SparkShim {

  private SparkShim() {}

  /** The column of a Catalyst expression. */
  public static Column column(Expression expression) {
    return new Column(expression);
  }

  /** The Catalyst expression of a column, built now (never a lazy placeholder). */
  public static Expression expression(Column column) {
    return column.expr();
  }

  /**
   * Registers {@code name} as a temporary function of {@code spark}, replacing one of the same name;
   * {@code builder} turns the call's argument expressions into the expression of the call and may
   * throw {@code IllegalArgumentException}, which fails the analysis of the query.
   */
  public static void createOrReplaceTempFunction(
      SparkSession spark, String name, Function<List<Expression>, Expression> builder) {
    spark.sessionState().functionRegistry().createOrReplaceTempFunction(
        name, arguments -> builder.apply(JavaConverters.seqAsJavaList(arguments)), "java_udf");
  }

  /** True if {@code name} (unqualified) resolves to a function in {@code spark}. */
  public static boolean functionExists(SparkSession spark, String name) {
    return spark.sessionState().functionRegistry().functionExists(FunctionIdentifier.apply(name));
  }
}
