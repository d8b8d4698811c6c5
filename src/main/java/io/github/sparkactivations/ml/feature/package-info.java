/**
 * Spark ML stages that apply activations to DataFrame columns, used like the stages of
 * {@code org.apache.spark.ml.feature}: in a {@code Pipeline}, saved and loaded alone or inside a
 * {@code PipelineModel}.
 *
 * <p>Entry points:
 *
 * <ul>
 *   <li>{@link io.github.sparkactivations.ml.feature.ActivationTransformer}: any activation by spec
 *       string ({@code activation}), elementwise (optionally its derivative, {@code derivative}) or
 *       row-wise.
 *   <li>{@link io.github.sparkactivations.ml.feature.SoftmaxTransformer}: softmax or log-softmax of
 *       each row, with a {@code temperature}.
 * </ul>
 *
 * <p>Both take {@code inputCol}/{@code outputCol} or {@code inputCols}/{@code outputCols} and
 * {@code handleInvalid} ({@code error}, {@code skip}, {@code keep}); accept ML vector, array and (for
 * elementwise functions) numeric columns; reject a bad param when it is set and a bad schema in
 * {@code transformSchema}. User guide: {@code docs/stages.md} of the repository.
 *
 * <p>Depends on: {@link io.github.sparkactivations.activation}, the column engine
 * ({@code io.github.sparkactivations.internal}, not API) and Spark ML/SQL; never on the SQL functions
 * of {@link io.github.sparkactivations.sql}, its sibling over the same engine, nor on the job.
 */
package io.github.sparkactivations.ml.feature;
