package io.github.sparkactivations.ml.feature;

import io.github.sparkactivations.activation.Activation;
import io.github.sparkactivations.activation.Activations;
import io.github.sparkactivations.activation.ElementwiseActivation;
import io.github.sparkactivations.activation.RowwiseActivation;
import io.github.sparkactivations.sql.ActivationUdfs;
import java.io.Serializable;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReadable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import scala.runtime.AbstractFunction1;

/**
 * Applies an elementwise activation f (or its derivative f') to every entry of a column:
 * {@code relu}, {@code leaky_relu(alpha=0.2)}, {@code elu(alpha=0.5)}, {@code sigmoid}, ... (any
 * elementwise name of {@link Activations}).
 *
 * <p>Input columns may be ML vectors (dense or sparse), {@code array<double>}, {@code array<float>} or
 * numeric scalars; the output has the input's kind (vector, array of the same element type, or
 * {@code double} for any numeric scalar). A sparse vector stays sparse when g(0) == 0 for the computed
 * g (f, or f' with {@code derivative=true}), with exact zeros dropped; otherwise the output is dense,
 * filled with g(0) once and computed only at the stored entries, which densifies a high-dimensional
 * sparse vector. The output vector column carries the input's vector size.
 *
 * <p>Invalid input (a null cell, a NaN entry, a null array element; +-Infinity is valid) follows
 * {@code handleInvalid}: {@code error} (default) fails naming the column and the problem, {@code skip}
 * drops the row, {@code keep} outputs null for null and lets NaN propagate.
 *
 * <p>Row-wise functions (softmax, log_softmax, softmin, hardmax) are rejected: use
 * {@link SoftmaxTransformer}.
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
            "elementwise activation spec, e.g. relu, leaky_relu(alpha=0.2), elu(alpha=0.5); names and "
                + "keys are case-insensitive; validated when set (default: " + DEFAULT_ACTIVATION + ")",
            new SpecValidator(uid));
    derivative =
        new BooleanParam(
            this, "derivative", "output f'(x), the derivative at the input, instead of f(x) (default: false)");
    setDefault(activation, DEFAULT_ACTIVATION);
    setDefault(derivative, false);
  }

  /** The activation spec string (default {@code relu}). */
  public Param<String> activation() {
    return activation;
  }

  /** If true, the stage outputs f'(x) instead of f(x) (default false). */
  public BooleanParam derivative() {
    return derivative;
  }

  public String getActivation() {
    return $(activation);
  }

  /**
   * Sets the activation spec.
   *
   * @throws IllegalArgumentException naming the param and the value, with the valid names, if the
   *     spec does not parse or names a row-wise function
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

  /** The parsed activation of the current {@code activation} value. */
  public ElementwiseActivation getActivationFunction() {
    return parse(uid(), getActivation());
  }

  @Override
  boolean acceptsNumbers() {
    return true;
  }

  @Override
  ColumnFunction prepare() {
    ElementwiseActivation fn = getActivationFunction();
    boolean d = getDerivative();
    return (input, type, mode, where) -> ActivationUdfs.elementwise(input, type, fn, d, mode, where);
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

  static ElementwiseActivation parse(String uid, String spec) {
    String prefix = uid + " parameter activation given invalid value '" + spec + "': ";
    if (spec == null) {
      throw new IllegalArgumentException(prefix + "the spec must not be null. " + validNames());
    }
    Activation parsed;
    try {
      parsed = Activations.parse(spec);
    } catch (IllegalArgumentException e) {
      // the core's message names the problem; it lists the valid names only for an unknown name
      String m = e.getMessage();
      throw new IllegalArgumentException(
          prefix + m + (m.contains("valid names") ? "" : ". " + validNames()), e);
    }
    if (parsed instanceof RowwiseActivation) {
      throw new IllegalArgumentException(
          prefix + parsed.name() + " is row-wise (it normalises over the whole row); use "
              + "SoftmaxTransformer for softmax and log_softmax. " + validNames());
    }
    return (ElementwiseActivation) parsed;
  }

  private static String validNames() {
    return "Valid elementwise activations: " + String.join(", ", Activations.elementwiseNames());
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
