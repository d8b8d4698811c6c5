package io.github.sparkactivations.job;

import io.github.sparkactivations.job.JobConfig.ActivationStage;
import io.github.sparkactivations.job.JobConfig.SoftmaxStage;
import io.github.sparkactivations.ml.feature.ActivationTransformer;
import io.github.sparkactivations.ml.feature.InvalidParamException;
import io.github.sparkactivations.ml.feature.SoftmaxTransformer;
import java.util.function.Supplier;
import org.apache.spark.ml.Transformer;

/**
 * Builds a configured stage through the stage's own setters, so the stage alone decides what a value
 * may be; a value it refuses becomes a {@link ConfigException} under the config key of that param
 * ({@code stages[1].temperature}), read from the typed {@link InvalidParamException}'s fields.
 */
final class Stages {

  private Stages() {}

  /** {@code stage} (from {@link #activation} or {@link #softmax}) reading {@code inputCol}, writing {@code outputCol}. */
  static Transformer withColumns(String key, Transformer stage, String inputCol, String outputCol) {
    return Stages.<Transformer>checked(key, () -> {
      if (stage instanceof ActivationTransformer a) {
        return a.setInputCol(inputCol).setOutputCol(outputCol);
      }
      return ((SoftmaxTransformer) stage).setInputCol(inputCol).setOutputCol(outputCol);
    });
  }

  /** The softmax stage of {@code s} without its columns: temperature, logSoftmax, handleInvalid. */
  static SoftmaxTransformer softmax(String key, SoftmaxStage s) {
    return checked(key, () -> new SoftmaxTransformer()
        .setTemperature(s.temperature())
        .setLogSoftmax(s.logSoftmax())
        .setHandleInvalid(s.handleInvalid()));
  }

  /** The activation stage of {@code a} without its columns: activation, derivative, handleInvalid. */
  static ActivationTransformer activation(String key, ActivationStage a) {
    return checked(key, () -> {
      ActivationTransformer t = new ActivationTransformer()
          .setActivation(a.activation())
          .setDerivative(a.derivative())
          .setHandleInvalid(a.handleInvalid());
      t.validateParams();
      return t;
    });
  }

  private static <T extends Transformer> T checked(String key, Supplier<T> setters) {
    try {
      return setters.get();
    } catch (InvalidParamException e) {
      throw new ConfigException(key + "." + e.param(), JobConfig.oneLine(e.problem()));
    }
  }
}
