package io.github.sparkactivations.job.report;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A histogram with bins fixed before any value is seen: {@code bins} equal bins over {@code [lo, hi)},
 * the last bin closed ({@code [.., hi]}), plus counts of values below {@code lo}, above {@code hi} and
 * NaN. Its memory does not grow with the values added, and two histograms over the same bins merge by
 * adding counts, so each partition fills its own and the driver only sees the merged bins.
 */
public final class Histogram implements Serializable {

  private static final long serialVersionUID = 1L;

  private final double lo;
  private final double hi;
  private final long[] counts;
  private long below;
  private long above;
  private long nan;

  /**
   * @throws IllegalArgumentException unless {@code lo < hi}, both finite, and {@code bins >= 1}
   */
  public Histogram(double lo, double hi, int bins) {
    if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(lo < hi) || bins < 1) {
      throw new IllegalArgumentException("a histogram needs finite lo < hi and bins >= 1 but got [" + lo + ", " + hi
          + "] with " + bins + " bins");
    }
    this.lo = lo;
    this.hi = hi;
    this.counts = new long[bins];
  }

  /** Counts one value: in its bin, or as below, above or NaN. */
  public void add(double x) {
    if (Double.isNaN(x)) {
      nan++;
    } else if (x < lo) {
      below++;
    } else if (x > hi) {
      above++;
    } else {
      counts[bin(x)]++;
    }
  }

  /** The bin of a value in {@code [lo, hi]}. */
  int bin(double x) {
    int i = (int) ((x - lo) / (hi - lo) * counts.length);
    return Math.min(Math.max(i, 0), counts.length - 1);
  }

  /**
   * Adds the counts of {@code other} to this one and returns this.
   *
   * @throws IllegalArgumentException when the bins differ
   */
  public Histogram merge(Histogram other) {
    if (other.lo != lo || other.hi != hi || other.counts.length != counts.length) {
      throw new IllegalArgumentException("cannot merge histograms over different bins");
    }
    for (int i = 0; i < counts.length; i++) {
      counts[i] += other.counts[i];
    }
    below += other.below;
    above += other.above;
    nan += other.nan;
    return this;
  }

  /** Left end of the first bin. */
  public double lo() {
    return lo;
  }

  /** Right end of the last bin. */
  public double hi() {
    return hi;
  }

  /** Number of bins. */
  public int bins() {
    return counts.length;
  }

  /** Left edge of bin {@code i}; {@code edge(bins())} is {@code hi}. */
  public double edge(int i) {
    return i == counts.length ? hi : lo + (hi - lo) * i / counts.length;
  }

  /** Count of bin {@code i}. */
  public long count(int i) {
    return counts[i];
  }

  /** A copy of the bin counts. */
  public long[] counts() {
    return counts.clone();
  }

  /** The largest count of one bin (0 when every bin is empty). */
  public long maxCount() {
    long m = 0;
    for (long c : counts) {
      m = Math.max(m, c);
    }
    return m;
  }

  /** Values below {@code lo}. */
  public long below() {
    return below;
  }

  /** Values above {@code hi}. */
  public long above() {
    return above;
  }

  /** NaN values. */
  public long nan() {
    return nan;
  }

  /** Values in the bins. */
  public long inRange() {
    return Arrays.stream(counts).sum();
  }

  /** Every value added: in the bins, below, above and NaN. */
  public long total() {
    return inRange() + below + above + nan;
  }
}
