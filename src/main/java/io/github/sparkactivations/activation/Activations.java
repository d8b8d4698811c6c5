package io.github.sparkactivations.activation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The registry of every activation: parses spec strings and lists the canonical names.
 *
 * <p>Spec syntax: {@code name} or {@code name(key=value, key=value, ...)}. Names, keys and enumerated
 * values are case-insensitive ({@link Locale#ROOT}); spaces are allowed around every token; numeric
 * values are Java double literals ({@link Double#parseDouble}); enumerated values (gelu's
 * {@code approximate}) may be quoted; omitted parameters take their defaults; {@code name()} equals
 * {@code name}. Common aliases such as {@code logistic} or {@code binary_sigmoid} map to their canonical
 * names (see {@link #aliases()}). Every activation's {@link Activation#spec()} parses back to an equal
 * object:
 *
 * <pre>{@code
 * ElementwiseActivation elu = Activations.parseElementwise("ELU(alpha = 0.5)");
 * elu.spec();                                   // "elu(alpha=0.5)"
 * Activations.parse(elu.spec()).equals(elu);    // true
 * }</pre>
 *
 * <p>Every problem is an {@link IllegalArgumentException} that names it and lists what is allowed: an
 * unknown name (with all valid names and the closest one), an unknown or repeated key (with the keys
 * of that activation), a value that is not a number or is NaN, infinite or out of range (with the
 * parameter, the value and the allowed range), or a malformed spec (with the position).
 */
public final class Activations {

  /**
   * A parameter of the grammar: its key, default, the allowed values for an enumerated one, and the
   * other keys it is accepted under (PyTorch's keyword names, e.g. hardtanh's {@code min_val}).
   */
  record Param(String key, Object defaultValue, List<String> choices, List<String> aliases) {
    boolean numeric() {
      return choices == null;
    }

    boolean accepts(String k) {
      return key.equals(k) || aliases.contains(k);
    }

    String describe() {
      return aliases.isEmpty() ? key : key + " (or " + String.join(", ", aliases) + ")";
    }
  }

  /** One registry row: canonical name, kind, parameters in spec order, and the constructor. */
  record Entry(String name, boolean rowwise, List<Param> params, Function<Object[], Activation> factory) {}

  static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();
  /**
   * PyTorch keyword names with no counterpart here, by {@code name.key}: why the key is refused, so a
   * user copying PyTorch code learns what to do instead of only that the key is unknown.
   */
  static final Map<String, String> UNSUPPORTED_KEYS = Map.of(
      "softplus.threshold", "PyTorch's threshold only switches its softplus to the linear function above "
          + "beta*x > threshold for numerical stability, which this softplus does not need (it is accurate for "
          + "every x): remove threshold");
  static final Map<String, String> ALIASES;

  static {
    add(BinaryStep.NAME, a -> new BinaryStep(d(a[0])), num("threshold", BinaryStep.DEFAULT_THRESHOLD));
    add(BipolarStep.NAME, a -> new BipolarStep(d(a[0])), num("threshold", BipolarStep.DEFAULT_THRESHOLD));
    add(Sigmoid.NAME, a -> new Sigmoid(d(a[0])), num("lambda", Sigmoid.DEFAULT_LAMBDA));
    add(BipolarSigmoid.NAME, a -> new BipolarSigmoid(d(a[0])), num("lambda", BipolarSigmoid.DEFAULT_LAMBDA));
    add(Tanh.NAME, a -> new Tanh());
    add(Relu.NAME, a -> new Relu());
    add(LeakyRelu.NAME, a -> new LeakyRelu(d(a[0])), num("alpha", LeakyRelu.DEFAULT_ALPHA, "negative_slope"));
    add(Prelu.NAME, a -> new Prelu(d(a[0])), num("slope", Prelu.DEFAULT_SLOPE, "init"));
    add(Elu.NAME, a -> new Elu(d(a[0])), num("alpha", Elu.DEFAULT_ALPHA));
    add(Selu.NAME, a -> new Selu(d(a[0]), d(a[1])),
        num("alpha", Selu.DEFAULT_ALPHA), num("gamma", Selu.DEFAULT_GAMMA));
    add(Celu.NAME, a -> new Celu(d(a[0])), num("alpha", Celu.DEFAULT_ALPHA));
    add(Hardsigmoid.NAME, a -> new Hardsigmoid(d(a[0]), d(a[1])),
        num("alpha", Hardsigmoid.DEFAULT_ALPHA), num("beta", Hardsigmoid.DEFAULT_BETA));
    add(HardsigmoidPytorch.NAME, a -> new HardsigmoidPytorch());
    add(Hardswish.NAME, a -> new Hardswish());
    add(Gelu.NAME, a -> new Gelu(Gelu.Approximate.valueOf(((String) a[0]).toUpperCase(Locale.ROOT))),
        new Param("approximate", Gelu.DEFAULT_APPROXIMATE.key(), List.of("none", "tanh"), List.of()));
    add(Mish.NAME, a -> new Mish());
    add(Swish.NAME, a -> new Swish(d(a[0])), num("alpha", Swish.DEFAULT_ALPHA));
    add(Silu.NAME, a -> new Silu());
    add(Softplus.NAME, a -> new Softplus(d(a[0])), num("beta", Softplus.DEFAULT_BETA));
    add(Softsign.NAME, a -> new Softsign());
    add(ThresholdedRelu.NAME, a -> new ThresholdedRelu(d(a[0])),
        num("alpha", ThresholdedRelu.DEFAULT_ALPHA, "threshold"));
    add(Relu6.NAME, a -> new Relu6());
    add(Hardtanh.NAME, a -> new Hardtanh(d(a[0]), d(a[1])),
        num("min", Hardtanh.DEFAULT_MIN, "min_val"), num("max", Hardtanh.DEFAULT_MAX, "max_val"));
    add(LogSigmoid.NAME, a -> new LogSigmoid());
    add(Tanhshrink.NAME, a -> new Tanhshrink());
    add(Softshrink.NAME, a -> new Softshrink(d(a[0])), num("lambd", Softshrink.DEFAULT_LAMBD));
    add(Hardshrink.NAME, a -> new Hardshrink(d(a[0])), num("lambd", Hardshrink.DEFAULT_LAMBD));
    add(Shrink.NAME, a -> new Shrink(d(a[0]), d(a[1])),
        num("lambd", Shrink.DEFAULT_LAMBD), num("bias", Shrink.DEFAULT_BIAS));
    addRowwise(Softmax.NAME, a -> new Softmax());
    addRowwise(LogSoftmax.NAME, a -> new LogSoftmax());
    addRowwise(Softmin.NAME, a -> new Softmin());
    addRowwise(Hardmax.NAME, a -> new Hardmax());

    Map<String, String> aliases = new LinkedHashMap<>();
    aliases.put("binary_sigmoid", Sigmoid.NAME);
    aliases.put("logistic", Sigmoid.NAME);
    aliases.put("heaviside", BinaryStep.NAME);
    aliases.put("step", BinaryStep.NAME);
    aliases.put("leakyrelu", LeakyRelu.NAME);
    aliases.put("hardswish", Hardswish.NAME);
    aliases.put("hardsigmoid", Hardsigmoid.NAME);
    aliases.put("logsigmoid", LogSigmoid.NAME);
    aliases.put("logsoftmax", LogSoftmax.NAME);
    aliases.put("hard_tanh", Hardtanh.NAME);
    aliases.put("soft_sign", Softsign.NAME);
    ALIASES = Collections.unmodifiableMap(aliases);
  }

  static final List<String> NAMES = List.copyOf(ENTRIES.keySet());
  static final List<String> ELEMENTWISE_NAMES =
      ENTRIES.values().stream().filter(e -> !e.rowwise()).map(Entry::name).toList();
  static final List<String> ROWWISE_NAMES =
      ENTRIES.values().stream().filter(Entry::rowwise).map(Entry::name).toList();

  private Activations() {}

  /**
   * The activation a spec string describes, e.g. {@code "relu"}, {@code "leaky_relu(alpha=0.2)"},
   * {@code "gelu(approximate=tanh)"}, {@code "softmax"}.
   *
   * @throws IllegalArgumentException if {@code spec} is null or malformed, names no activation, has an
   *     unknown or repeated key, or a value that is not a number, not finite, or out of range; the
   *     message names the problem and lists what is allowed
   */
  public static Activation parse(String spec) {
    return new SpecParser(spec).parse();
  }

  /**
   * Like {@link #parse}, for an elementwise activation.
   *
   * @throws IllegalArgumentException as {@link #parse}, or if the spec names a row-wise activation
   *     (softmax, log_softmax, softmin, hardmax)
   */
  public static ElementwiseActivation parseElementwise(String spec) {
    return requireElementwise(parse(spec), "an elementwise one is required here", "");
  }

  /**
   * {@code a} as an elementwise activation, for a caller that applies one value per entry: the one
   * wording of that refusal, which each caller completes with what it does and where to go instead.
   *
   * @param caller completes "softmax is a row-wise activation (it maps a whole row at once), but ...",
   *     e.g. {@code "the SQL function activation applies an elementwise activation to each entry"}
   * @param alternative text placed after it (where a row-wise function is applied instead), or empty
   * @throws IllegalArgumentException if {@code a} is row-wise, naming it and listing the elementwise
   *     names
   */
  public static ElementwiseActivation requireElementwise(Activation a, String caller, String alternative) {
    if (a instanceof ElementwiseActivation e) {
      return e;
    }
    throw new IllegalArgumentException(a.name() + " is a row-wise activation (it maps a whole row at once), but "
        + caller + alternative + "; elementwise activations: " + String.join(", ", ELEMENTWISE_NAMES));
  }

  /**
   * Like {@link #parse}, for a row-wise activation.
   *
   * @throws IllegalArgumentException as {@link #parse}, or if the spec names an elementwise activation
   */
  public static RowwiseActivation parseRowwise(String spec) {
    Activation a = parse(spec);
    if (a instanceof RowwiseActivation r) {
      return r;
    }
    throw new IllegalArgumentException(a.name() + " is an elementwise activation (it maps each entry on its own) "
        + "but a row-wise one is required here; row-wise activations: " + String.join(", ", ROWWISE_NAMES));
  }

  /** Every canonical name, elementwise first, in the order of the project's activation table. */
  public static List<String> names() {
    return NAMES;
  }

  /** The canonical names of the elementwise activations, in table order. */
  public static List<String> elementwiseNames() {
    return ELEMENTWISE_NAMES;
  }

  /** The canonical names of the row-wise activations: softmax, log_softmax, softmin, hardmax. */
  public static List<String> rowwiseNames() {
    return ROWWISE_NAMES;
  }

  /** Alias → canonical name, e.g. {@code logistic → sigmoid} (unmodifiable). */
  public static Map<String, String> aliases() {
    return ALIASES;
  }

  // ---------------------------------------------------------------- registry construction

  private static Param num(String key, double defaultValue, String... aliases) {
    return new Param(key, defaultValue, null, List.of(aliases));
  }

  private static double d(Object o) {
    return (Double) o;
  }

  private static void add(String name, Function<Object[], Activation> factory, Param... params) {
    ENTRIES.put(name, new Entry(name, false, List.of(params), factory));
  }

  private static void addRowwise(String name, Function<Object[], Activation> factory) {
    ENTRIES.put(name, new Entry(name, true, List.of(), factory));
  }
}
