/**
 * Not API: the native execution path of the column engine. A column function runs as a Catalyst
 * expression ({@link io.github.sparkactivations.internal.codegen.ActivationExpression}) inside Spark's
 * whole-stage generated code, reading and writing Spark's internal rows and arrays with no conversion to
 * {@code Vector} or {@code Seq} objects, through the same
 * {@link io.github.sparkactivations.internal.CellFunction} (and so the same core bulk kernels) as the
 * UDF path, so the two paths give the same bits.
 *
 * <ul>
 *   <li>{@link io.github.sparkactivations.internal.codegen.Execution}: the conf
 *       {@code spark.activations.execution} ({@code auto}, {@code native}, {@code udf}) and the rule for
 *       {@code auto}; read by {@link io.github.sparkactivations.internal.ColumnEngine} only.
 *   <li>{@link io.github.sparkactivations.internal.codegen.NativeFunction}: the per-row work, called by
 *       the generated code (so public) and by the interpreted {@code eval}.
 *   <li>{@link io.github.sparkactivations.internal.codegen.UnaryExpressionBase}: the Catalyst tree
 *       plumbing, written to compile unchanged on Scala 2.12 and 2.13.
 * </ul>
 */
package io.github.sparkactivations.internal.codegen;
