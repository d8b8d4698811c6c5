/**
 * The only code that differs between the Spark lines this library is built for: conversions between
 * {@code Column} and Catalyst {@code Expression}, and function registration and lookup.
 *
 * <p>{@link io.github.sparkactivations.internal.shim.SparkShim} exists once per Spark line, each copy in
 * its own source folder that the build adds for the selected Maven profile:
 *
 * <ul>
 *   <li>{@code src/main/spark-3}: Spark 3.5 (Scala 2.12 by default, Scala 2.13 with {@code -Pscala-2.13});
 *   <li>{@code src/main/spark-4}: Spark 4.x, Scala 2.13 ({@code -Pspark-4}), where {@code Column} no
 *       longer wraps an {@code Expression} and the conversions live in {@code org.apache.spark.sql.classic}.
 * </ul>
 *
 * <p>Every copy has the same public methods with the same contracts, and none uses reflection. Code
 * elsewhere calls only these methods, never the line-specific Spark API, so the rest of the source tree
 * is shared. To add a call whose API differs between lines (for example a Catalyst code-generation
 * helper), add a method with one Javadoc contract to every copy, keep it a thin forward to Spark, and
 * compile every line ({@code mvn -DskipTests package}, then with {@code -Pscala-2.13} and
 * {@code -Pspark-4}).
 *
 * <p>Depends on Spark SQL's Catalyst API only.
 */
package io.github.sparkactivations.internal.shim;
