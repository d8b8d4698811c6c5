package io.github.sparkactivations.activation;

import static io.github.sparkactivations.activation.reference.RefActivations.params;

import io.github.sparkactivations.activation.reference.RefActivations;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The golden-case table: for every canonical name, the parameter sets and inputs that
 * {@link ElementwiseGoldenTest} and {@link RowwiseGoldenTest} check against the high-precision
 * reference. {@link GoldenCoverageTest} fails if a canonical name has no entry here.
 */
final class GoldenCases {

  private GoldenCases() {}

  /** One elementwise activation with full parameters (defaults filled in). */
  record Config(String name, Map<String, Object> params) {
    String spec() {
      return RefActivations.spec(name, params);
    }

    RefActivations.Fn ref() {
      return RefActivations.of(name, params);
    }

    double p(String key) {
      return (Double) params.get(key);
    }

    /** True when the sign-of-zero rule (docs/activations.md#special-values) is checked for this parameter set. */
    boolean signedZero() {
      if (!RefActivations.SIGNED_ZERO.contains(name)) {
        return false;
      }
      switch (name) {
        case "leaky_relu":
        case "swish":
          return p("alpha") > 0;
        case "hardtanh":
          return p("min") < 0 && p("max") > 0;
        default:
          return true;
      }
    }

    @Override
    public String toString() {
      return spec();
    }
  }

  /** Non-default parameter sets (defaults of the other keys filled in), textbook values such as elu(alpha=0.5) included. */
  static final Map<String, List<Map<String, Object>>> NON_DEFAULT = new LinkedHashMap<>();

  static {
    NON_DEFAULT.put("binary_step", List.of(params("threshold", 0.5), params("threshold", -1.25)));
    NON_DEFAULT.put("bipolar_step", List.of(params("threshold", 0.5), params("threshold", -2.0)));
    NON_DEFAULT.put("sigmoid", List.of(params("lambda", 0.5), params("lambda", 2.0), params("lambda", 5.0)));
    NON_DEFAULT.put("bipolar_sigmoid", List.of(params("lambda", 0.5), params("lambda", 2.0), params("lambda", 5.0)));
    NON_DEFAULT.put("leaky_relu", List.of(params("alpha", 0.2), params("alpha", 0.0), params("alpha", 1.5),
        params("alpha", -0.5)));
    NON_DEFAULT.put("prelu", List.of(params("slope", 0.1), params("slope", 0.0), params("slope", -0.3)));
    NON_DEFAULT.put("elu", List.of(params("alpha", 0.5), params("alpha", 2.0)));
    NON_DEFAULT.put("selu", List.of(params("alpha", 1.67326319217681884765625, "gamma", 1.05070102214813232421875)));
    NON_DEFAULT.put("celu", List.of(params("alpha", 0.5), params("alpha", 2.0)));
    NON_DEFAULT.put("hard_sigmoid", List.of(params("alpha", 0.25, "beta", 0.5), params("alpha", 0.5, "beta", 0.25),
        params("alpha", 0.16666666666666666, "beta", 0.5), params("alpha", -0.25, "beta", 0.5)));
    NON_DEFAULT.put("gelu", List.of(params("approximate", "tanh")));
    NON_DEFAULT.put("swish", List.of(params("alpha", 0.5), params("alpha", 2.0), params("alpha", 0.0),
        params("alpha", -1.0)));
    NON_DEFAULT.put("softplus", List.of(params("beta", 2.0), params("beta", 0.5), params("beta", 100.0)));
    NON_DEFAULT.put("thresholded_relu", List.of(params("alpha", 0.5), params("alpha", -1.0), params("alpha", 0.0)));
    NON_DEFAULT.put("hardtanh", List.of(params("min", -2.0, "max", 3.0), params("min", 0.0, "max", 1.0),
        params("min", -0.5, "max", 0.25)));
    NON_DEFAULT.put("softshrink", List.of(params("lambd", 1.0), params("lambd", 0.0)));
    NON_DEFAULT.put("hardshrink", List.of(params("lambd", 1.0), params("lambd", 0.0)));
    NON_DEFAULT.put("shrink", List.of(params("lambd", 1.5, "bias", 0.5), params("lambd", 0.5, "bias", 1.0),
        params("lambd", 0.0, "bias", 0.25), params("lambd", 1.0, "bias", -0.75)));
  }

  /** Every elementwise golden configuration: the defaults of each name, then its non-default sets. */
  static List<Config> elementwiseConfigs() {
    List<Config> out = new ArrayList<>();
    for (String name : RefActivations.ELEMENTWISE_DEFAULTS.keySet()) {
      out.add(new Config(name, RefActivations.withDefaults(name, Map.of())));
      for (Map<String, Object> p : NON_DEFAULT.getOrDefault(name, List.of())) {
        out.add(new Config(name, RefActivations.withDefaults(name, p)));
      }
    }
    return out;
  }

  /** Kind of input, which decides the absolute tolerance (docs/activations.md#accuracy). */
  enum Kind {
    TYPICAL(0), TINY(1e-323), LARGE(1e-300), TAIL(1e-323), KINK(0), HARD_KINK(5e-16), SPECIAL(0);

    final double atol;

    Kind(double atol) {
      this.atol = atol;
    }
  }

  record Input(double x, Kind kind) {}

  static final double[] TYPICAL = {-5, -3.5, -2, -1.5, -1, -0.75, -0.5, -0.25, -0.1, 0.1, 0.25, 0.5, 0.75, 1, 1.5,
      2, 3.5, 5, 10, -10, 20, -20, 36.7, -36.7, 40, -40, 100, -100, 0.3, -0.3, 2.7, -2.7, 1.2, -1.2, 6.5, -6.5};
  static final double[] TINY = {0.0, -0.0, 1e-300, -1e-300, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL,
      -Double.MIN_NORMAL, 1e-8, -1e-8, 1e-15, -1e-15, 3e-5, -3e-5};
  static final double[] LARGE = {709, -709, 709.78, -709.78, 745, -745, 745.2, -745.2, 800, -800, 1e10, -1e10, 1e100,
      -1e100, 1e154, -1e154, 1e200, -1e200, 1e308, -1e308, Double.MAX_VALUE, -Double.MAX_VALUE};
  static final double[] TAIL = {-26.5, -30, -37.5, -38.5, 26.5, 30, 37.5, 38.5};
  static final double[] SPECIAL = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};

  /** The kinks of a configuration (points where f or f' jumps or has a corner), exactly representable ones only. */
  static List<Double> kinks(Config c) {
    List<Double> k = new ArrayList<>();
    switch (c.name()) {
      case "binary_step", "bipolar_step" -> k.add(c.p("threshold"));
      case "relu", "leaky_relu", "prelu", "elu", "selu", "celu" -> k.add(0.0);
      case "hard_sigmoid" -> {
        // clip points -beta/alpha and (1-beta)/alpha, only when exactly representable (a kink that is no double gets no input on or next to it)
        BigDecimal a = new BigDecimal(c.p("alpha"));
        BigDecimal b = new BigDecimal(c.p("beta"));
        if (a.signum() != 0) {
          for (BigDecimal target : new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ONE}) {
            double guess = (target.doubleValue() - c.p("beta")) / c.p("alpha");
            if (Double.isFinite(guess) && a.multiply(new BigDecimal(guess)).add(b).compareTo(target) == 0) {
              k.add(guess);
            }
          }
        }
      }
      case "hard_sigmoid_pytorch" -> { k.add(-3.0); k.add(3.0); }
      case "hard_swish" -> { k.add(-3.0); k.add(3.0); k.add(-1.5); }
      case "thresholded_relu" -> k.add(c.p("alpha"));
      case "relu6" -> { k.add(0.0); k.add(6.0); }
      case "hardtanh" -> { k.add(c.p("min")); k.add(c.p("max")); }
      case "softshrink", "hardshrink", "shrink" -> { k.add(-c.p("lambd")); k.add(c.p("lambd")); }
      default -> { }
    }
    return k;
  }

  static boolean hardKinked(String name) {
    return name.equals("hard_sigmoid") || name.equals("hard_sigmoid_pytorch") || name.equals("hard_swish");
  }

  /** Every golden input of a configuration with its kind. */
  static List<Input> inputs(Config c) {
    List<Input> in = new ArrayList<>();
    for (double x : TYPICAL) {
      in.add(new Input(x, Kind.TYPICAL));
    }
    for (double x : TINY) {
      in.add(new Input(x, Kind.TINY));
    }
    for (double x : LARGE) {
      in.add(new Input(x, Kind.LARGE));
    }
    for (double x : TAIL) {
      in.add(new Input(x, Kind.TAIL));
    }
    Kind kinkKind = hardKinked(c.name()) ? Kind.HARD_KINK : Kind.KINK;
    for (double k : kinks(c)) {
      for (double x : new double[] {k, Math.nextDown(k), Math.nextUp(k)}) {
        // a kink at 0 has subnormal neighbours: those are "tiny" inputs (atol 1e-323)
        in.add(new Input(x, Math.abs(x) < 1e-300 && x != 0 ? Kind.TINY : kinkKind));
      }
    }
    for (double x : SPECIAL) {
      in.add(new Input(x, Kind.SPECIAL));
    }
    return in;
  }

  /** Names with at least one golden case (elementwise configs plus the row-wise golden rows). */
  static TreeSet<String> coveredNames() {
    TreeSet<String> s = new TreeSet<>();
    for (Config c : elementwiseConfigs()) {
      s.add(c.name());
    }
    s.addAll(RowwiseGoldenTest.ROWS.keySet());
    return s;
  }
}
