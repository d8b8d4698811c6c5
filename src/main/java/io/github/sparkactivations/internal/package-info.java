/**
 * Not API: the column engine under the stages of {@link io.github.sparkactivations.ml.feature} and the
 * SQL functions of {@link io.github.sparkactivations.sql}. Nothing here is a supported interface; it
 * may change in any release. Users call the stages or the SQL functions.
 *
 * <p>What lives here, each in one place:
 *
 * <ul>
 *   <li>{@link io.github.sparkactivations.internal.ColumnEngine}: the one factory that turns an
 *       activation, an input column type and a {@link io.github.sparkactivations.internal.HandleInvalid}
 *       mode into a Spark {@code Column}; the choice of how the column is executed (the Catalyst
 *       expression of {@code internal.codegen}, or the typed UDFs of
 *       {@link io.github.sparkactivations.internal.UdfColumns}) is made there and nowhere else.
 *   <li>{@link io.github.sparkactivations.internal.ColumnKind}: the supported input column types
 *       (ML vector, {@code array<double>}, {@code array<float>}, numeric scalars) and their output types.
 *   <li>{@link io.github.sparkactivations.internal.HandleInvalid}: the {@code handleInvalid} modes and
 *       the one spelling rule of the setting, shared by the stages' param and the job's config keys. The
 *       SQL functions have no such setting: they always pass {@code KEEP} (a null cell gives null, a NaN
 *       entry propagates, a null array element gives a null element, or a null row row-wise).
 *   <li>{@link io.github.sparkactivations.internal.InvalidInputException}: the typed, serializable
 *       failure of invalid input under {@code handleInvalid=error}, whose fields (stage uid, column, row
 *       position if known, entry index, null or NaN) other layers read instead of its message.
 *   <li>{@link io.github.sparkactivations.internal.Rules}: the parameter rules the stages, the SQL
 *       functions and the job share (temperature, row-wise derivative, elementwise specs).
 *   <li>{@link io.github.sparkactivations.internal.StageColumns}: the schema and transform half of the
 *       stages (output fields, vector-size metadata, multi-column select, the skip filter).
 *   <li>{@link io.github.sparkactivations.internal.Causes}: the one walker of exception cause chains.
 * </ul>
 *
 * <p>Depends on: {@link io.github.sparkactivations.activation} and Spark SQL/ML only; never on the
 * stages, the SQL functions or the job. The version shim {@code internal.shim} and the native path
 * {@code internal.codegen} are part of this layer.
 */
package io.github.sparkactivations.internal;
