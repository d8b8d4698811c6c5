/**
 * The batch job for {@code spark-submit}: reads a dataset, assembles (and optionally standardizes) a
 * feature vector, applies the configured activation and softmax stages, writes the result atomically,
 * and prints and saves a report of each stage's output.
 *
 * <p>Entry point: {@link io.github.sparkactivations.job.ActivationJob}, the main class of the shaded
 * jar, with the commands {@code run <config>}, {@code list} and {@code plot}. The YAML config is bound
 * to {@link io.github.sparkactivations.job.JobConfig}; a config problem is a
 * {@link io.github.sparkactivations.job.ConfigException} naming the key, which the job prints as one
 * line and exits with code 2 (a runtime failure exits with 1). User guide, every config key and the
 * error messages: {@code docs/job.md} of the repository.
 *
 * <p>The parts: the three commands ({@code RunCommand}, {@code ListCommand}, {@code PlotCommand}) and
 * Spark session setup ({@code SparkSessions}); config loading ({@code ConfigLoader}), {@code --set}
 * overrides ({@code ConfigOverrides}), reading errors ({@code ConfigErrors}) and validation
 * ({@code ConfigValidation}); input reading ({@code InputReader}); output paths ({@code OutputPaths})
 * and atomic writes ({@code AtomicOutput}, {@code RunLock}); the plan against the input schema
 * ({@code JobPlan}, {@code DryRun}); the run ({@code JobRunner}) and its report ({@code JobReport}).
 * The report's statistics and pictures are in {@link io.github.sparkactivations.job.report}.
 *
 * <p>Depends on: the other packages of the library ({@link io.github.sparkactivations.activation},
 * {@link io.github.sparkactivations.ml.feature}, {@link io.github.sparkactivations.plot} and the engine
 * in {@code io.github.sparkactivations.internal}), Spark, and the shaded picocli and Jackson YAML.
 * Nothing outside the job depends on it.
 */
package io.github.sparkactivations.job;
