package io.github.sparkactivations.job.report;

import io.github.sparkactivations.activation.ElementwiseActivation;
import io.github.sparkactivations.activation.Hardmax;
import io.github.sparkactivations.activation.LogSoftmax;
import io.github.sparkactivations.activation.RowwiseActivation;
import io.github.sparkactivations.activation.Softmin;
import io.github.sparkactivations.job.JobConfig.ActivationStage;
import io.github.sparkactivations.job.JobConfig.ResolvedStage;
import io.github.sparkactivations.job.JobConfig.SoftmaxStage;
import java.io.Serializable;

/**
 * What one stage computes, as far as its statistics need it: an elementwise f (and whether the stage
 * outputs f' instead), or a row-wise function by name with its temperature.
 *
 * @param index the stage's index in the config
 * @param inputCol its input column
 * @param outputCol its output column
 * @param elementwise the elementwise f, or null for a row-wise stage
 * @param derivative whether the stage outputs f'(x) instead of f(x)
 * @param rowwise the row-wise function (softmax, log_softmax, softmin, hardmax), or null
 * @param temperature the row-wise function's temperature (1 unless a softmax stage sets it)
 * @param halfWidth L of the input histogram's range [-L, L], see {@link BinRanges}
 */
public record StageProbe(
    int index, String inputCol, String outputCol, ElementwiseActivation elementwise, boolean derivative,
    RowwiseActivation rowwise, double temperature, double halfWidth) implements Serializable {

  /** The probe of a resolved stage. */
  public static StageProbe of(ResolvedStage s) {
    boolean derivative = s.config() instanceof ActivationStage a && a.derivative();
    if (s.activation() instanceof ElementwiseActivation f) {
      return new StageProbe(s.index(), s.inputCol(), s.outputCol(), f, derivative, null, 1.0,
          BinRanges.inputHalfWidth(f));
    }
    double t = s.config() instanceof SoftmaxStage sm ? sm.temperature() : 1.0;
    return new StageProbe(s.index(), s.inputCol(), s.outputCol(), null, false, (RowwiseActivation) s.activation(),
        t, BinRanges.MIN_HALF_WIDTH * t);
  }

  /** Whether each output row is a probability distribution (or its log, for log_softmax). */
  public boolean probabilities() {
    return rowwise != null;
  }

  /**
   * The diagonal {@code d y_i / d x_i} of a row-wise function's Jacobian, from the output entry y alone:
   * {@code y(1-y)/T} for softmax, {@code -y(1-y)} for softmin, {@code (1-exp(y))/T} for log_softmax and 0
   * for hardmax (NaN for a NaN entry).
   */
  public double diagonal(double y) {
    if (rowwise instanceof Hardmax) {
      return 0.0 * y;
    }
    if (rowwise instanceof Softmin) {
      return -y * (1 - y) / temperature;
    }
    if (rowwise instanceof LogSoftmax) {
      return (1 - Math.exp(y)) / temperature;
    }
    return y * (1 - y) / temperature; // Softmax
  }
}
