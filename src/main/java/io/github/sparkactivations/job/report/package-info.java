/**
 * The run report's measurements and pictures: the one-pass statistics over a run's result
 * ({@link io.github.sparkactivations.job.report.StatisticsPass}, with fixed-bin
 * {@link io.github.sparkactivations.job.report.Histogram}s whose ranges
 * {@link io.github.sparkactivations.job.report.BinRanges} fixes before the pass), the gradient that
 * survives each chain of stages ({@link io.github.sparkactivations.job.report.GradientChain}), and the
 * self-contained HTML report drawn from them.
 *
 * <p>Depends on: {@link io.github.sparkactivations.activation}, the job's config and report records,
 * Spark (the pass), and XChart (the charts). Only {@link io.github.sparkactivations.job} uses it.
 */
package io.github.sparkactivations.job.report;
