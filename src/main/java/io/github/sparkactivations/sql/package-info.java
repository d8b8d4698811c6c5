/**
 * Activations as Spark SQL and DataFrame functions: {@code activation(spec, x)},
 * {@code activation_derivative(spec, x)}, {@code softmax(x [, temperature])} and
 * {@code log_softmax(x [, temperature])}, polymorphic over ML vector, array and numeric columns like
 * Spark's built-ins.
 *
 * <p>Entry point: {@link io.github.sparkactivations.sql.ActivationFunctions}, with one static
 * {@code Column} method per function for the DataFrame API and {@code register(SparkSession)} to make
 * the functions callable from SQL text. User guide: {@code docs/sql.md} of the repository.
 *
 * <p>Depends on: {@link io.github.sparkactivations.activation}, the column engine
 * ({@code io.github.sparkactivations.internal}, not API) and Spark SQL/ML; never on the stages of
 * {@link io.github.sparkactivations.ml.feature}, its sibling over the same engine.
 */
package io.github.sparkactivations.sql;
