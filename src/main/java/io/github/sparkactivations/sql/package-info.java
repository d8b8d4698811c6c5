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
 * <p>This package also holds, for now, the column engine the stages of
 * {@link io.github.sparkactivations.ml.feature} run on ({@code ActivationUdfs}, {@code HandleInvalid}):
 * public for that reason, not meant as API.
 *
 * <p>Depends on: {@link io.github.sparkactivations.activation} and Spark SQL/ML.
 */
package io.github.sparkactivations.sql;
