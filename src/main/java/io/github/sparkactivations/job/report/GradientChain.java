package io.github.sparkactivations.job.report;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * How much gradient survives a chain of stages, over the rows.
 *
 * <p>A chain is a path of stages that feed each other (a stage's input column is the previous stage's
 * output column), from a stage fed by no other stage to one that feeds none. Stages that output f'
 * are not part of any chain: they report a derivative, they are not a layer.
 *
 * <p>Definition. For row r and entry i, the gain is the product along the chain of each stage's
 * derivative at that entry: {@code g_i = prod_k d_k,i}, with {@code d_k,i = f_k'(x_k,i)} for an
 * elementwise stage at its input, and the Jacobian diagonal {@code d y_i / d x_i} for a row-wise stage
 * (see {@link StageProbe#diagonal}; the off-diagonal terms, through which softmax also passes gradient to
 * the other entries, are left out). The row's gain is the mean over its entries of {@code |g_i|}: the
 * factor by which a gradient of the same size on every entry is scaled on its way back through the
 * chain. A gain below 1e-3 is a vanishing gradient, above 1e3 an exploding one. Rows where a stage's
 * value is null, or lengths differ, have no gain; NaN entries are left out of the mean.
 */
public final class GradientChain implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Below this a row's gain counts as vanishing. */
  public static final double VANISHING = 1e-3;
  /** Above this a row's gain counts as exploding. */
  public static final double EXPLODING = 1e3;

  private final List<StageProbe> stages;
  final Histogram log10Gain =
      new Histogram(BinRanges.LOG_GAIN_LO, BinRanges.LOG_GAIN_HI, BinRanges.GAIN_BINS);
  long rows;
  long withoutGain;
  long zero;
  long vanishing;
  long exploding;

  GradientChain(List<StageProbe> stages) {
    this.stages = List.copyOf(stages);
  }

  /** Every maximal chain among {@code probes}, in the order of their first stage. */
  public static List<GradientChain> chains(List<StageProbe> probes) {
    List<StageProbe> layers = probes.stream().filter(p -> !p.derivative()).toList();
    List<GradientChain> chains = new ArrayList<>();
    for (StageProbe root : layers) {
      if (layers.stream().noneMatch(p -> p.outputCol().equals(root.inputCol()))) {
        extend(new ArrayList<>(List.of(root)), layers, chains);
      }
    }
    return chains;
  }

  private static void extend(List<StageProbe> path, List<StageProbe> layers, List<GradientChain> out) {
    StageProbe last = path.get(path.size() - 1);
    List<StageProbe> next = layers.stream().filter(p -> p.inputCol().equals(last.outputCol())).toList();
    if (next.isEmpty()) {
      out.add(new GradientChain(path));
      return;
    }
    for (StageProbe n : next) {
      List<StageProbe> longer = new ArrayList<>(path);
      longer.add(n);
      extend(longer, layers, out);
    }
  }

  /** Adds one row, given each chain stage's input and output values (null when null). */
  void add(double[][] inputs, double[][] outputs) {
    rows++;
    int n = -1;
    for (int k = 0; k < stages.size(); k++) {
      double[] v = stages.get(k).elementwise() != null ? inputs[k] : outputs[k];
      if (v == null || (n >= 0 && v.length != n)) {
        withoutGain++;
        return;
      }
      n = v.length;
    }
    double sum = 0;
    int counted = 0;
    for (int i = 0; i < n; i++) {
      double g = 1;
      for (int k = 0; k < stages.size(); k++) {
        StageProbe p = stages.get(k);
        g *= p.elementwise() != null ? p.elementwise().derivative(inputs[k][i]) : p.diagonal(outputs[k][i]);
      }
      if (!Double.isNaN(g)) {
        sum += Math.abs(g);
        counted++;
      }
    }
    if (counted == 0) {
      withoutGain++;
      return;
    }
    double gain = sum / counted;
    log10Gain.add(Math.log10(gain));
    zero += gain == 0 ? 1 : 0;
    vanishing += gain < VANISHING ? 1 : 0;
    exploding += gain > EXPLODING ? 1 : 0;
  }

  GradientChain merge(GradientChain o) {
    log10Gain.merge(o.log10Gain);
    rows += o.rows;
    withoutGain += o.withoutGain;
    zero += o.zero;
    vanishing += o.vanishing;
    exploding += o.exploding;
    return this;
  }

  /** The chain's stages, in order. */
  public List<StageProbe> stages() {
    return stages;
  }

  /** Histogram of log10 of each row's gain (a gain of 0 counts below). */
  public Histogram log10Gain() {
    return log10Gain;
  }

  /** Rows seen. */
  public long rows() {
    return rows;
  }

  /** Rows with no gain (a null value, lengths that differ, or only NaN entries). */
  public long withoutGain() {
    return withoutGain;
  }

  /** Rows whose gain is exactly 0 (every entry passes no gradient). */
  public long zero() {
    return zero;
  }

  /** Rows whose gain is below {@link #VANISHING}. */
  public long vanishing() {
    return vanishing;
  }

  /** Rows whose gain is above {@link #EXPLODING}. */
  public long exploding() {
    return exploding;
  }
}
