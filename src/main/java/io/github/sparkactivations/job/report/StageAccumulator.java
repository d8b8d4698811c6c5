package io.github.sparkactivations.job.report;

import io.github.sparkactivations.activation.ElementwiseActivation;
import io.github.sparkactivations.activation.LogSoftmax;
import io.github.sparkactivations.job.JobReport;
import java.io.Serializable;

/**
 * One stage's statistics, filled row by row on the executors and merged across partitions: the counts
 * of the JSON report (values, null rows, NaN, min, sum, max, exact zeros, saturated entries) and the
 * histograms of the HTML report (inputs, outputs and, for functions whose rows are probability
 * distributions, each row's largest probability and normalised entropy). Memory is fixed by the bins.
 */
public final class StageAccumulator implements Serializable {

  private static final long serialVersionUID = 1L;

  private final StageProbe probe;
  long nullRows;
  long values;
  long nan;
  long zeros;
  long saturated;
  double min = Double.POSITIVE_INFINITY;
  double max = Double.NEGATIVE_INFINITY;
  double sum;
  final Histogram inputs;
  final Histogram outputs;
  final Histogram rowMax;
  final Histogram rowEntropy;

  StageAccumulator(StageProbe probe) {
    this.probe = probe;
    this.inputs = new Histogram(-probe.halfWidth(), probe.halfWidth(), BinRanges.BINS);
    ElementwiseActivation f = probe.elementwise();
    this.outputs = f != null
        ? BinRanges.elementwiseOutput(f, probe.derivative(), probe.halfWidth())
        : BinRanges.rowwiseOutput(probe.rowwise(), probe.halfWidth());
    boolean probabilities = probe.probabilities();
    this.rowMax = probabilities ? new Histogram(0, 1, BinRanges.ROW_BINS) : null;
    this.rowEntropy = probabilities ? new Histogram(0, 1, BinRanges.ROW_BINS) : null;
  }

  /**
   * Adds one row: {@code in} the stage's input values, {@code out} its output values (null when the
   * stage left the row null, e.g. a null input kept by {@code handleInvalid: keep}).
   */
  void add(double[] in, double[] out) {
    if (out == null) {
      nullRows++;
      return;
    }
    values += out.length;
    ElementwiseActivation f = probe.elementwise();
    for (int i = 0; i < out.length; i++) {
      double y = out[i];
      outputs.add(y);
      if (Double.isNaN(y)) {
        nan++;
        continue;
      }
      min = Math.min(min, y);
      max = Math.max(max, y);
      sum += y;
      if (y == 0.0) {
        zeros++;
      }
      if (f == null && Math.abs(probe.diagonal(y)) < JobReport.SATURATION_BOUND) {
        saturated++;
      }
    }
    if (in != null) {
      for (int i = 0; i < in.length; i++) {
        inputs.add(in[i]);
        if (f != null && i < out.length && Math.abs(f.derivative(in[i])) < JobReport.SATURATION_BOUND) {
          saturated++;
        }
      }
    }
    if (rowMax != null && out.length > 0) {
      addDistribution(out);
    }
  }

  private void addDistribution(double[] out) {
    double top = Double.NEGATIVE_INFINITY;
    double h = 0;
    for (double y : out) {
      double p = probe.rowwise() instanceof LogSoftmax ? Math.exp(y) : y;
      if (Double.isNaN(p)) {
        rowMax.add(Double.NaN);
        rowEntropy.add(Double.NaN);
        return;
      }
      top = Math.max(top, p);
      if (p > 0) {
        h -= p * Math.log(p);
      }
    }
    rowMax.add(top);
    rowEntropy.add(out.length > 1 ? h / Math.log(out.length) : 0.0);
  }

  StageAccumulator merge(StageAccumulator o) {
    nullRows += o.nullRows;
    values += o.values;
    nan += o.nan;
    zeros += o.zeros;
    saturated += o.saturated;
    min = Math.min(min, o.min);
    max = Math.max(max, o.max);
    sum += o.sum;
    inputs.merge(o.inputs);
    outputs.merge(o.outputs);
    if (rowMax != null) {
      rowMax.merge(o.rowMax);
      rowEntropy.merge(o.rowEntropy);
    }
    return this;
  }

  /** What the stage computes. */
  public StageProbe probe() {
    return probe;
  }

  /** Histogram of the stage's input values. */
  public Histogram inputs() {
    return inputs;
  }

  /** Histogram of the stage's output values. */
  public Histogram outputs() {
    return outputs;
  }

  /** Histogram of each row's largest probability, or null when the rows are not distributions. */
  public Histogram rowMax() {
    return rowMax;
  }

  /** Histogram of each row's entropy / ln n, or null when the rows are not distributions. */
  public Histogram rowEntropy() {
    return rowEntropy;
  }

  /** Rows whose output is null. */
  public long nullRows() {
    return nullRows;
  }

  /** Output values (rows x entries). */
  public long values() {
    return values;
  }

  /** NaN output values. */
  public long nan() {
    return nan;
  }

  /** Output values exactly 0. */
  public long zeros() {
    return zeros;
  }

  /** Saturated entries, see {@link StageProbe#diagonal}. */
  public long saturated() {
    return saturated;
  }

  /** Smallest non-NaN output, or null if none. */
  public Double min() {
    return values - nan == 0 ? null : min;
  }

  /** Largest non-NaN output, or null if none. */
  public Double max() {
    return values - nan == 0 ? null : max;
  }

  /** Mean of the non-NaN outputs, or null if none. */
  public Double mean() {
    return values - nan == 0 ? null : sum / (values - nan);
  }
}
