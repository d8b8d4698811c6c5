package io.github.sparkactivations.job.report;

import io.github.sparkactivations.activation.ElementwiseActivation;
import io.github.sparkactivations.activation.LogSoftmax;
import io.github.sparkactivations.activation.RowwiseActivation;

/**
 * The histogram ranges of the run report, fixed before the data is read (the statistics take one pass,
 * so they cannot look at the data first). Values outside a range are still counted, as below or above.
 *
 * <ul>
 *   <li>Inputs of an elementwise f: {@code [-L, L]} with L the smallest of 8, 16, 32, ... 1024 beyond
 *       which the curve no longer bends: {@code |f'(±L) - f'(±2L)| <= 1e-3}. For sigmoid and tanh L is 8
 *       (the saturated tails have begun), for relu-like functions 8, for {@code sigmoid(lambda=0.1)} 64.
 *   <li>Inputs of a row-wise stage: {@code [-8T, 8T]} with T its temperature (1 for activation stages).
 *   <li>Outputs of an elementwise stage: the smallest and largest of f (or f' for a derivative stage)
 *       over the input range, padded by 5% of their span and rounded outwards to a multiple of a round
 *       step (1, 2, 2.5 or 5 times a power of ten, about a tenth of the span); an unbounded f (relu)
 *       overflows above.
 *   <li>Outputs of softmax, softmin and hardmax: {@code [0, 1]}; of log_softmax: {@code [-2L, 0]}.
 *   <li>Each row's largest probability and its entropy divided by {@code ln n} (n entries; 0 for a
 *       one-hot row, 1 for a uniform one): {@code [0, 1]}.
 *   <li>Gradient gain: {@code log10} of the gain over {@code [-8, 4]}; a gain of 0 counts below.
 * </ul>
 */
public final class BinRanges {

  /** Bins of the input and output histograms. */
  public static final int BINS = 120;
  /** Bins of the per-row probability and entropy histograms over [0, 1]. */
  public static final int ROW_BINS = 50;
  /** Smallest input half-width. */
  static final double MIN_HALF_WIDTH = 8;
  /** Largest input half-width. */
  static final double MAX_HALF_WIDTH = 1024;
  /** Range of log10(gain) in the gradient-flow histogram. */
  public static final double LOG_GAIN_LO = -8;
  /** Range of log10(gain) in the gradient-flow histogram. */
  public static final double LOG_GAIN_HI = 4;
  /** Bins of the gradient-flow histogram (10 per decade). */
  public static final int GAIN_BINS = 120;

  private static final double BEND = 1e-3;

  private BinRanges() {}

  /** Half-width L of the input range of an elementwise f, see the class comment. */
  public static double inputHalfWidth(ElementwiseActivation f) {
    double l = MIN_HALF_WIDTH;
    while (l < MAX_HALF_WIDTH && (bends(f, l) || bends(f, -l))) {
      l *= 2;
    }
    return l;
  }

  private static boolean bends(ElementwiseActivation f, double x) {
    double d = Math.abs(f.derivative(x) - f.derivative(2 * x));
    return !(d <= BEND); // NaN counts as bending
  }

  /** The output histogram of an elementwise stage whose input range is {@code [-l, l]}. */
  public static Histogram elementwiseOutput(ElementwiseActivation f, boolean derivative, double l) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    int n = 4001;
    for (int i = 0; i < n; i++) {
      double x = -l + 2 * l * i / (n - 1);
      double y = derivative ? f.derivative(x) : f.value(x);
      if (Double.isFinite(y)) {
        min = Math.min(min, y);
        max = Math.max(max, y);
      }
    }
    if (!(min <= max)) {
      min = -1;
      max = 1;
    }
    double pad = max > min ? 0.05 * (max - min) : 1;
    double step = niceStep((max - min + 2 * pad) / 10);
    return new Histogram(Math.floor((min - pad) / step) * step, Math.ceil((max + pad) / step) * step, BINS);
  }

  /** The smallest of 1, 2, 2.5 or 5 times a power of ten that is at least {@code raw}. */
  static double niceStep(double raw) {
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * p >= raw) {
        return m * p;
      }
    }
    return 10 * p;
  }

  /** The output histogram of a row-wise function. */
  public static Histogram rowwiseOutput(RowwiseActivation function, double l) {
    return function instanceof LogSoftmax ? new Histogram(-2 * l, 0, BINS) : new Histogram(0, 1, BINS);
  }
}
