package io.github.sparkactivations.ml.feature;

import io.github.sparkactivations.activation.Activation;
import io.github.sparkactivations.activation.Activations;
import io.github.sparkactivations.activation.ElementwiseActivation;
import io.github.sparkactivations.activation.RowwiseActivation;
import io.github.sparkactivations.activation.UnknownActivationException;
import io.github.sparkactivations.internal.ColumnEngine;
import io.github.sparkactivations.internal.Rules;
import io.github.sparkactivations.internal.StageColumns.ColumnFunction;
import java.io.Serializable;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReadable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import scala.runtime.AbstractFunction1;

/**
 * Applies an activation to a column: an elementwise f (or its derivative f') to every entry, or a
 * row-wise function to each whole row. {@code activation} takes any spec of {@link Activations}:
 * elementwise ({@code relu}, {@code leaky_relu(alpha=0.2)}, {@code elu(alpha=0.5)}, {@code sigmoid},
 * ...) or row-wise ({@code softmax}, {@code log_softmax}, {@code softmin}, {@code hardmax}).
 *
 * <p><b>Elementwise.</b> {@code y_i = f(x_i)} (or {@code f'(x_i)} with {@code derivative=true}). Input
 * columns may be ML vectors (dense or sparse), {@code array<double>}, {@code array<float>} or numeric
 * scalars; the output has the input's kind (vector, array of the same element type, or {@code double}
 * for any numeric scalar). A sparse vector stays sparse when g(0) == 0 for the computed g (f, or f'),
 * with exact zeros dropped; otherwise the output is dense, filled with g(0) once and computed only at
 * the stored entries, which densifies a high-dimensional sparse vector.
 *
 * <p><b>Row-wise.</b> {@code y = g(x)} over the whole row, every output entry depending on every input
 * entry: softmax {@code y_i = exp(x_i) / sum_j exp(x_j)}, log_softmax {@code log} of that, softmin
 * {@code softmax(-x)}, hardmax the one-hot vector of the first maximum (-0.0 and 0.0 tie). Length in =
 * length out; an empty row stays empty. Input columns must be ML vectors, {@code array<double>} or
 * {@code array<float>} (a numeric scalar column is refused by {@link #transformSchema}); a sparse vector
 * gives a dense vector (none of the four maps a row of zeros to zeros). Special rows follow the core:
 * one +Inf entry gives a one-hot softmax row, see {@link io.github.sparkactivations.activation.Softmax}
 * and its siblings. Use this stage for softmin and hardmax, or for softmax/log_softmax inside a spec
 * string; use {@link SoftmaxTransformer} for softmax or log_softmax with a temperature
 * ({@code softmax(x / T)}). {@code derivative=true} is refused for a row-wise function: its derivative
 * is a Jacobian matrix per row, not one value per entry.
 *
 * <p>In both modes the output vector column carries the input's vector size ({@code ml_attr}), and
 * invalid input (a null cell, a NaN entry, a null array element; +-Infinity is valid) follows
 * {@code handleInvalid}: {@code error} (default) fails naming the column and the problem, {@code skip}
 * drops the row, {@code keep} outputs null for null and lets NaN propagate (elementwise: a NaN at that
 * entry and null for a null array element; row-wise: a NaN row for a NaN entry, a null row for a null
 * element, as {@link SoftmaxTransformer}).
 */
public class ActivationTransformer extends ColumnStage<ActivationTransformer> {
  private static final long serialVersionUID = 1L;

  /** The default {@code activation}. */
  public static final String DEFAULT_ACTIVATION = "relu";

  private final Param<String> activation;
  private final BooleanParam derivative;

  public ActivationTransformer() {
    this(Identifiable.randomUID("ActivationTransformer"));
  }

  public ActivationTransformer(String uid) {
    super(uid);
    activation =
        new Param<>(
            this,
            "activation",
            "activation spec: elementwise, applied to each entry (relu, leaky_relu(alpha=0.2), "
                + "elu(alpha=0.5), ...), or row-wise, applied to each whole row of a vector or array column "
                + "(softmax, log_softmax, softmin, hardmax); names and keys are case-insensitive; validated "
                + "when set (default: " + DEFAULT_ACTIVATION + ")",
            new SpecValidator(uid));
    derivative =
        new BooleanParam(
            this, "derivative", "output f'(x), the derivative at the input, instead of f(x); elementwise activations only "
                + "(default: false)");
    setDefault(activation, DEFAULT_ACTIVATION);
    setDefault(derivative, false);
  }

  /** The activation spec string (default {@code relu}). */
  public Param<String> activation() {
    return activation;
  }

  /**
   * If true, the stage outputs f'(x) instead of f(x) (default false). Elementwise activations only:
   * with a row-wise one, {@link #transformSchema} throws.
   */
  public BooleanParam derivative() {
    return derivative;
  }

  public String getActivation() {
    return $(activation);
  }

  /**
   * Sets the activation spec.
   *
   * @param value any spec {@link Activations#parse} accepts, elementwise or row-wise
   * @throws InvalidParamException naming the param and the value, with the valid names, if the
   *     spec does not parse
   */
  public ActivationTransformer setActivation(String value) {
    set(activation, value);
    return this;
  }

  public boolean getDerivative() {
    return (Boolean) $(derivative);
  }

  public ActivationTransformer setDerivative(boolean value) {
    set(derivative, value);
    return this;
  }

  /**
   * The parsed activation of the current {@code activation} value: an {@link ElementwiseActivation} or
   * a {@link RowwiseActivation}.
   */
  public Activation getActivationFunction() {
    return parse(uid(), getActivation());
  }

  /** Numeric scalar columns are accepted for an elementwise activation only. */
  @Override
  boolean acceptsNumbers() {
    return getActivationFunction() instanceof ElementwiseActivation;
  }

  @Override
  String numbersRefused() {
    return Rules.rowwiseNumbers(getActivationFunction().name());
  }

  /**
   * Checks the params that must agree with each other, without a schema (each value alone was checked
   * when it was set): {@code derivative=true} needs an elementwise activation. {@link #transformSchema}
   * runs this check first, so the setters can be called in any order.
   *
   * @throws InvalidParamException with param {@code derivative} if it is true and the activation is
   *     row-wise (its derivative is a Jacobian matrix per row, not one value per entry)
   */
  public void validateParams() {
    validateParams(getActivationFunction());
  }

  private void validateParams(Activation parsed) {
    if (parsed instanceof RowwiseActivation fn && getDerivative()) {
      throw new InvalidParamException(
          uid() + ": derivative=true is not supported for the row-wise activation " + fn.name() + ": "
              + Rules.ROWWISE_DERIVATIVE + ". Set derivative to false; " + Rules.ROWWISE_GRADIENTS + ".",
          uid(), "derivative", true,
          "true is not supported with the row-wise activation '" + fn.name() + "': " + Rules.ROWWISE_DERIVATIVE
              + "; remove derivative (or set it to false)",
          null);
    }
  }

  /**
   * @throws InvalidParamException if {@link #validateParams()} does
   */
  @Override
  ColumnFunction prepare() {
    Activation parsed = getActivationFunction();
    validateParams(parsed);
    boolean d = getDerivative();
    if (parsed instanceof RowwiseActivation fn) {
      return (input, type, mode, in) -> ColumnEngine.rowwise(input, type, fn, Rules.DEFAULT_TEMPERATURE, mode, in);
    }
    ElementwiseActivation fn = (ElementwiseActivation) parsed;
    return (input, type, mode, in) -> ColumnEngine.elementwise(input, type, fn, d, mode, in);
  }

  @Override
  public ActivationTransformer copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  public static MLReader<ActivationTransformer> read() {
    return new DefaultParamsReadable<ActivationTransformer>() {}.read();
  }

  public static ActivationTransformer load(String path) {
    return read().load(path);
  }

  static Activation parse(String uid, String spec) {
    String prefix = uid + " parameter activation given invalid value '" + spec + "': ";
    if (spec == null) {
      String problem = "the spec must not be null. " + validNames();
      throw new InvalidParamException(prefix + problem, uid, "activation", null, problem, null);
    }
    try {
      return Activations.parse(spec);
    } catch (UnknownActivationException e) {
      // the core's message already lists the valid names
      throw new InvalidParamException(prefix + e.getMessage(), uid, "activation", spec, e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      String m = e.getMessage();
      throw new InvalidParamException(prefix + m + ". " + validNames(), uid, "activation", spec, m, e);
    }
  }

  private static String validNames() {
    return "Valid activations: elementwise " + String.join(", ", Activations.elementwiseNames())
        + "; row-wise " + String.join(", ", Activations.rowwiseNames());
  }

  /**
   * Validates {@code activation} whenever it is set (setter, {@code ParamMap}, {@code copy},
   * {@code load}), throwing a message that names the param, the value and the valid names instead of
   * Spark's generic "given invalid value". Serializable, unlike a Java lambda.
   */
  static final class SpecValidator extends AbstractFunction1<String, Object> implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String uid;

    SpecValidator(String uid) {
      this.uid = uid;
    }

    @Override
    public Object apply(String spec) {
      parse(uid, spec);
      return Boolean.TRUE;
    }
  }
}
