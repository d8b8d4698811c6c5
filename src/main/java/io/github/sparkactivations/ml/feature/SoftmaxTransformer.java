package io.github.sparkactivations.ml.feature;

import io.github.sparkactivations.activation.Activations;
import io.github.sparkactivations.activation.RowwiseActivation;
import io.github.sparkactivations.internal.ColumnEngine;
import io.github.sparkactivations.internal.Rules;
import io.github.sparkactivations.internal.StageColumns.ColumnFunction;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReadable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;

/**
 * Row-wise softmax of a vector or array column: {@code softmax(x / T)_i = exp(x_i/T) / sum_j
 * exp(x_j/T)}, or {@code log_softmax(x / T)} with {@code logSoftmax=true}, computed with the max
 * shift (and log1p for log_softmax), so large logits neither overflow nor lose the normaliser.
 *
 * <p>A dense vector gives a dense vector, an array an array of the same element type; a sparse vector
 * gives a dense vector (every implicit zero becomes exp(-max/T)/sum). The output vector column carries
 * the input's vector size. Special rows follow the core: exactly one +Inf entry gives a one-hot row,
 * two or more give a NaN row, an empty row stays empty. Any finite T > 0 is valid: for T &lt; 1 the row is
 * shifted by its max before the division, so even {@code Double.MIN_VALUE} gives the T → 0 limit (the
 * one-hot of the max, ties shared equally) rather than an overflow to a NaN row.
 *
 * <p>Invalid input (a null cell, a NaN entry, a null array element; +-Infinity is valid) follows
 * {@code handleInvalid}: {@code error} (default) fails naming the column and the problem, {@code skip}
 * drops the row, {@code keep} outputs null for a null row (or one with a null element) and a NaN row
 * for a row with a NaN.
 *
 * <p>Use this stage for softmax or log_softmax with a temperature; {@link ActivationTransformer} applies
 * every row-wise function at T = 1 ({@code softmax}, {@code log_softmax}, {@code softmin},
 * {@code hardmax}) through the same kernel, so at T = 1 the two stages give bit-identical output.
 */
public class SoftmaxTransformer extends ColumnStage<SoftmaxTransformer> {
  private static final long serialVersionUID = 1L;

  /** The default {@code temperature}. */
  public static final double DEFAULT_TEMPERATURE = Rules.DEFAULT_TEMPERATURE;

  private final DoubleParam temperature;
  private final BooleanParam logSoftmax;

  public SoftmaxTransformer() {
    this(Identifiable.randomUID("SoftmaxTransformer"));
  }

  public SoftmaxTransformer(String uid) {
    super(uid);
    temperature =
        new DoubleParam(
            this,
            "temperature",
            "softmax temperature T: the output is softmax(x / T); must be > 0 and finite (default: 1.0)",
            new ParamChecks.Temperature(uid));
    logSoftmax =
        new BooleanParam(
            this, "logSoftmax", "output log_softmax(x / T) instead of softmax(x / T) (default: false)");
    setDefault(temperature, DEFAULT_TEMPERATURE);
    setDefault(logSoftmax, false);
  }

  /** The temperature T (> 0, finite; default 1.0). */
  public DoubleParam temperature() {
    return temperature;
  }

  /** If true, the stage outputs log_softmax instead of softmax (default false). */
  public BooleanParam logSoftmax() {
    return logSoftmax;
  }

  public double getTemperature() {
    return (Double) $(temperature);
  }

  /**
   * @param value the temperature T, finite and > 0
   * @throws InvalidParamException naming the param, the value and the allowed range otherwise
   */
  public SoftmaxTransformer setTemperature(double value) {
    set(temperature, value);
    return this;
  }

  public boolean getLogSoftmax() {
    return (Boolean) $(logSoftmax);
  }

  public SoftmaxTransformer setLogSoftmax(boolean value) {
    set(logSoftmax, value);
    return this;
  }

  @Override
  boolean acceptsNumbers() {
    return false;
  }

  @Override
  ColumnFunction prepare() {
    RowwiseActivation fn = Activations.parseRowwise(getLogSoftmax() ? "log_softmax" : "softmax");
    double t = getTemperature();
    return (input, type, mode, in) -> ColumnEngine.rowwise(input, type, fn, t, mode, in);
  }

  @Override
  public SoftmaxTransformer copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  public static MLReader<SoftmaxTransformer> read() {
    return new DefaultParamsReadable<SoftmaxTransformer>() {}.read();
  }

  public static SoftmaxTransformer load(String path) {
    return read().load(path);
  }
}
