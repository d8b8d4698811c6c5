package io.github.sparkactivations.activation.reference;

import static io.github.sparkactivations.activation.reference.Ref.HALF;
import static io.github.sparkactivations.activation.reference.Ref.TWO;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every elementwise activation's f and f' written from the mathematical formula
 * (not from a stable double recipe and not from the production code), evaluated in {@link BigDecimal} and rounded once to double.
 *
 * <p>Where a formula would overflow an exponential, an exact algebraic identity is used instead (for
 * example log(1+e^t) = t + log(1+e^-t)); where it cancels, the subtraction goes through
 * {@link Ref#sub} so {@link Ref#eval} raises the precision. Kink derivatives follow docs/activations.md#derivatives-at-kinks through the
 * piecewise definitions (strict or non-strict comparisons as documented).
 *
 * <p>Special inputs: NaN gives NaN. +-Infinity is evaluated at x = +-10^400, a point beyond the
 * double range where every function here is within 10^-300 relative of its limit, so the rounded value
 * is the limit. The sign of a zero result for a +-0.0 input is decided by the tests, not
 * here: an exact zero is returned as +0.0; a nonzero value that underflows keeps its sign.
 */
public final class RefActivations {

  /** A reference f and f' at exact (BigDecimal) arguments. */
  public interface Fn {
    BigDecimal f(BigDecimal x, MathContext mc);

    BigDecimal df(BigDecimal x, MathContext mc);
  }

  /** Stand-in for +infinity: far beyond Double.MAX_VALUE. */
  public static final BigDecimal HUGE = BigDecimal.ONE.scaleByPowerOfTen(400);

  /** The canonical elementwise names with their default parameters, in the documented order. */
  public static final Map<String, Map<String, Object>> ELEMENTWISE_DEFAULTS;
  /** The row-wise names. */
  public static final List<String> ROWWISE = List.of("softmax", "log_softmax", "softmin", "hardmax");

  /** The selu constants of spec row 10 as doubles. */
  public static final double SELU_ALPHA = 1.6732632423543772;
  public static final double SELU_GAMMA = 1.0507009873554805;

  static {
    Map<String, Map<String, Object>> d = new LinkedHashMap<>();
    d.put("binary_step", params("threshold", 0.0));
    d.put("bipolar_step", params("threshold", 0.0));
    d.put("sigmoid", params("lambda", 1.0));
    d.put("bipolar_sigmoid", params("lambda", 1.0));
    d.put("tanh", params());
    d.put("relu", params());
    d.put("leaky_relu", params("alpha", 0.01));
    d.put("prelu", params("slope", 0.25));
    d.put("elu", params("alpha", 1.0));
    d.put("selu", params("alpha", SELU_ALPHA, "gamma", SELU_GAMMA));
    d.put("celu", params("alpha", 1.0));
    d.put("hard_sigmoid", params("alpha", 0.2, "beta", 0.5));
    d.put("hard_sigmoid_pytorch", params());
    d.put("hard_swish", params());
    d.put("gelu", params("approximate", "none"));
    d.put("mish", params());
    d.put("swish", params("alpha", 1.0));
    d.put("silu", params());
    d.put("softplus", params("beta", 1.0));
    d.put("softsign", params());
    d.put("thresholded_relu", params("alpha", 1.0));
    d.put("relu6", params());
    d.put("hardtanh", params("min", -1.0, "max", 1.0));
    d.put("log_sigmoid", params());
    d.put("tanhshrink", params());
    d.put("softshrink", params("lambd", 0.5));
    d.put("hardshrink", params("lambd", 0.5));
    d.put("shrink", params("lambd", 0.5, "bias", 0.0));
    ELEMENTWISE_DEFAULTS = Collections.unmodifiableMap(d);
  }

  /**
   * Functions whose sign of zero the tests check: f(-0.0) = -0.0 and underflow keeps the sign.
   */
  public static final Set<String> SIGNED_ZERO = Set.of(
      "tanh", "softsign", "bipolar_sigmoid", "leaky_relu", "hardtanh", "gelu", "silu", "swish", "mish",
      "hard_swish");

  private RefActivations() {}

  /** An ordered parameter map from alternating keys and values. */
  public static Map<String, Object> params(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return Collections.unmodifiableMap(m);
  }

  /** Defaults of {@code name} overridden by {@code overrides}. */
  public static Map<String, Object> withDefaults(String name, Map<String, Object> overrides) {
    Map<String, Object> defaults = ELEMENTWISE_DEFAULTS.get(name);
    if (defaults == null) {
      throw new IllegalArgumentException("no elementwise reference for " + name);
    }
    Map<String, Object> m = new LinkedHashMap<>(defaults);
    for (Map.Entry<String, Object> e : overrides.entrySet()) {
      if (!m.containsKey(e.getKey())) {
        throw new IllegalArgumentException(name + " has no parameter " + e.getKey());
      }
      m.put(e.getKey(), e.getValue());
    }
    return Collections.unmodifiableMap(m);
  }

  /** The spec string {@code name(k=v, ...)} with numbers printed by Double.toString. */
  public static String spec(String name, Map<String, Object> params) {
    if (params.isEmpty()) {
      return name;
    }
    StringBuilder sb = new StringBuilder(name).append('(');
    boolean first = true;
    for (Map.Entry<String, Object> e : params.entrySet()) {
      if (!first) {
        sb.append(", ");
      }
      first = false;
      Object v = e.getValue();
      sb.append(e.getKey()).append('=').append(v instanceof Double ? Double.toString((Double) v) : v);
    }
    return sb.append(')').toString();
  }

  private static BigDecimal num(Map<String, Object> p, String key) {
    return new BigDecimal((Double) p.get(key));
  }

  // ---------------------------------------------------------------------------------------------

  /** Reference value f(x) rounded once to double (NaN and +-Inf as described in the class doc). */
  public static double value(Fn fn, double x) {
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    BigDecimal bx = arg(x);
    return Ref.round(Ref.eval(mc -> fn.f(bx, mc)));
  }

  /** Reference derivative f'(x) rounded once to double. */
  public static double derivative(Fn fn, double x) {
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    BigDecimal bx = arg(x);
    return Ref.round(Ref.eval(mc -> fn.df(bx, mc)));
  }

  /** The exact reference value (unrounded) at a finite double. */
  public static BigDecimal exactValue(Fn fn, double x) {
    BigDecimal bx = arg(x);
    return Ref.eval(mc -> fn.f(bx, mc));
  }

  static BigDecimal arg(double x) {
    if (x == Double.POSITIVE_INFINITY) {
      return HUGE;
    }
    if (x == Double.NEGATIVE_INFINITY) {
      return HUGE.negate();
    }
    return Ref.big(x);
  }

  // ---------------------------------------------------------------------------------------------

  /** The reference for {@code name} with full parameters {@code p} (use {@link #withDefaults}). */
  public static Fn of(String name, Map<String, Object> p) {
    switch (name) {
      case "binary_step": {
        BigDecimal th = num(p, "threshold");
        return fn((x, mc) -> x.compareTo(th) >= 0 ? BigDecimal.ONE : BigDecimal.ZERO, (x, mc) -> BigDecimal.ZERO);
      }
      case "bipolar_step": {
        BigDecimal th = num(p, "threshold");
        return fn((x, mc) -> x.compareTo(th) >= 0 ? BigDecimal.ONE : BigDecimal.ONE.negate(),
            (x, mc) -> BigDecimal.ZERO);
      }
      case "sigmoid": {
        BigDecimal l = num(p, "lambda");
        // f = 1/(1+e^{-lx}); f' = l e^{-lx}/(1+e^{-lx})^2 = l e^{-|t|}/(1+e^{-|t|})^2
        return fn((x, mc) -> Ref.sigmoid(l.multiply(x), mc),
            (x, mc) -> l.multiply(logisticDensity(l.multiply(x), mc)).round(mc));
      }
      case "bipolar_sigmoid": {
        BigDecimal l = num(p, "lambda");
        // f = (1-e^{-t})/(1+e^{-t}), t = l x; odd in t; f' = (l/2)(1-f^2) = 2 l e^{-|t|}/(1+e^{-|t|})^2
        return fn((x, mc) -> {
          BigDecimal t = l.multiply(x);
          BigDecimal em = Ref.expm1(t.abs().negate(), mc); // e^{-|t|} - 1
          BigDecimal v = em.negate().divide(TWO.add(em, mc), mc);
          return t.signum() < 0 ? v.negate() : v;
        }, (x, mc) -> l.multiply(TWO).multiply(logisticDensity(l.multiply(x), mc)).round(mc));
      }
      case "tanh":
        return fn(Ref::tanh, Ref::sech2);
      case "relu":
        return fn((x, mc) -> x.signum() > 0 ? x : BigDecimal.ZERO,
            (x, mc) -> x.signum() > 0 ? BigDecimal.ONE : BigDecimal.ZERO);
      case "leaky_relu":
        return linearUnit(num(p, "alpha"));
      case "prelu":
        return linearUnit(num(p, "slope"));
      case "elu": {
        BigDecimal a = num(p, "alpha");
        return fn((x, mc) -> x.signum() > 0 ? x : a.multiply(Ref.expm1(x, mc)).round(mc),
            (x, mc) -> x.signum() > 0 ? BigDecimal.ONE : a.multiply(Ref.exp(x, mc)).round(mc));
      }
      case "selu": {
        BigDecimal a = num(p, "alpha");
        BigDecimal g = num(p, "gamma");
        return fn((x, mc) -> x.signum() > 0 ? g.multiply(x) : g.multiply(a).multiply(Ref.expm1(x, mc)).round(mc),
            (x, mc) -> x.signum() > 0 ? g : g.multiply(a).multiply(Ref.exp(x, mc)).round(mc));
      }
      case "celu": {
        BigDecimal a = num(p, "alpha");
        // max(0,x) + min(0, a(e^{x/a}-1)), a > 0
        return fn((x, mc) -> x.signum() > 0 ? x : a.multiply(Ref.expm1(x.divide(a, wide(mc)), mc)).round(mc),
            (x, mc) -> x.signum() > 0 ? BigDecimal.ONE : Ref.exp(x.divide(a, wide(mc)), mc));
      }
      case "hard_sigmoid": {
        BigDecimal a = num(p, "alpha");
        BigDecimal b = num(p, "beta");
        return fn((x, mc) -> clamp(a.multiply(x).add(b), BigDecimal.ZERO, BigDecimal.ONE),
            (x, mc) -> {
              BigDecimal v = a.multiply(x).add(b); // exact
              return v.signum() > 0 && v.compareTo(BigDecimal.ONE) < 0 ? a : BigDecimal.ZERO;
            });
      }
      case "hard_sigmoid_pytorch": {
        BigDecimal three = BigDecimal.valueOf(3);
        BigDecimal six = BigDecimal.valueOf(6);
        return fn((x, mc) -> {
          if (x.compareTo(three.negate()) <= 0) {
            return BigDecimal.ZERO;
          }
          if (x.compareTo(three) >= 0) {
            return BigDecimal.ONE;
          }
          return x.add(three).divide(six, mc); // x/6 + 1/2
        }, (x, mc) -> x.abs().compareTo(three) < 0 ? BigDecimal.ONE.divide(six, mc) : BigDecimal.ZERO);
      }
      case "hard_swish": {
        BigDecimal three = BigDecimal.valueOf(3);
        BigDecimal six = BigDecimal.valueOf(6);
        return fn((x, mc) -> {
          if (x.compareTo(three.negate()) <= 0) {
            return BigDecimal.ZERO;
          }
          if (x.compareTo(three) >= 0) {
            return x;
          }
          return x.multiply(x.add(three)).divide(six, mc);
        }, (x, mc) -> {
          if (x.compareTo(three.negate()) <= 0) {
            return BigDecimal.ZERO;
          }
          if (x.compareTo(three) >= 0) {
            return BigDecimal.ONE;
          }
          return x.multiply(TWO).add(three).divide(six, mc); // x/3 + 1/2
        });
      }
      case "gelu":
        return "tanh".equals(p.get("approximate")) ? geluTanh() : geluExact();
      case "mish":
        return mish();
      case "swish":
        return swish(num(p, "alpha"));
      case "silu":
        return swish(BigDecimal.ONE);
      case "softplus": {
        BigDecimal b = num(p, "beta");
        return fn((x, mc) -> softplus1(b.multiply(x), wide(mc)).divide(b, mc),
            (x, mc) -> Ref.sigmoid(b.multiply(x), mc));
      }
      case "softsign":
        return fn((x, mc) -> x.divide(BigDecimal.ONE.add(x.abs()), mc), (x, mc) -> { // 1 + |x| exact (x is a double)
          BigDecimal d = BigDecimal.ONE.add(x.abs());
          return BigDecimal.ONE.divide(d.multiply(d), mc);
        });
      case "thresholded_relu": {
        BigDecimal a = num(p, "alpha");
        return fn((x, mc) -> x.compareTo(a) > 0 ? x : BigDecimal.ZERO,
            (x, mc) -> x.compareTo(a) > 0 ? BigDecimal.ONE : BigDecimal.ZERO);
      }
      case "relu6":
        return clampFn(BigDecimal.ZERO, BigDecimal.valueOf(6));
      case "hardtanh":
        return clampFn(num(p, "min"), num(p, "max"));
      case "log_sigmoid":
        // log(1/(1+e^{-x})) = -log(1+e^{-x}); f' = sigma(-x)
        return fn((x, mc) -> softplus1(x.negate(), mc).negate(), (x, mc) -> Ref.sigmoid(x.negate(), mc));
      case "tanhshrink":
        return fn((x, mc) -> Ref.sub(x, Ref.tanh(x, mc), mc), (x, mc) -> {
          BigDecimal t = Ref.tanh(x, wide(mc));
          return t.multiply(t, mc);
        });
      case "softshrink": {
        BigDecimal l = num(p, "lambd");
        return shrinkFn(l, l);
      }
      case "hardshrink":
        return shrinkFn(num(p, "lambd"), BigDecimal.ZERO);
      case "shrink":
        return shrinkFn(num(p, "lambd"), num(p, "bias"));
      default:
        throw new IllegalArgumentException("no elementwise reference for " + name);
    }
  }

  // ---------------------------------------------------------------------------------------------

  private interface Op {
    BigDecimal at(BigDecimal x, MathContext mc);
  }

  private static Fn fn(Op f, Op df) {
    return new Fn() {
      @Override
      public BigDecimal f(BigDecimal x, MathContext mc) {
        return f.at(x, mc);
      }

      @Override
      public BigDecimal df(BigDecimal x, MathContext mc) {
        return df.at(x, mc);
      }
    };
  }

  private static MathContext wide(MathContext mc) {
    return Ref.mc(mc.getPrecision() + 10);
  }

  /** e^{-|t|} / (1 + e^{-|t|})^2 = sigma(t) sigma(-t). */
  static BigDecimal logisticDensity(BigDecimal t, MathContext mc) {
    MathContext w = wide(mc);
    BigDecimal e = Ref.exp(t.abs().negate(), w);
    BigDecimal d = BigDecimal.ONE.add(e, w);
    return e.divide(d.multiply(d, w), mc);
  }

  /** log(1 + e^t) for any t: log1p(e^t) for t <= 0, t + log1p(e^-t) for t > 0 (same value). */
  static BigDecimal softplus1(BigDecimal t, MathContext mc) {
    MathContext w = wide(mc);
    if (t.signum() <= 0) {
      return Ref.log1p(Ref.exp(t, w), mc);
    }
    return t.add(Ref.log1p(Ref.exp(t.negate(), w), w), mc);
  }

  private static BigDecimal clamp(BigDecimal v, BigDecimal lo, BigDecimal hi) {
    return v.compareTo(lo) < 0 ? lo : v.compareTo(hi) > 0 ? hi : v;
  }

  private static Fn clampFn(BigDecimal lo, BigDecimal hi) {
    return fn((x, mc) -> clamp(x, lo, hi),
        (x, mc) -> x.compareTo(lo) > 0 && x.compareTo(hi) < 0 ? BigDecimal.ONE : BigDecimal.ZERO);
  }

  /** x if x >= 0, a x otherwise; f' = 1 for x > 0, a for x <= 0 (a at 0). */
  private static Fn linearUnit(BigDecimal a) {
    return fn((x, mc) -> x.signum() >= 0 ? x : a.multiply(x),
        (x, mc) -> x.signum() > 0 ? BigDecimal.ONE : a);
  }

  /** x+bias for x < -l, x-bias for x > l, 0 otherwise; f' = 1 iff |x| > l. */
  private static Fn shrinkFn(BigDecimal l, BigDecimal bias) {
    return fn((x, mc) -> x.compareTo(l.negate()) < 0 ? x.add(bias) : x.compareTo(l) > 0 ? x.subtract(bias) : BigDecimal.ZERO,
        (x, mc) -> x.abs().compareTo(l) > 0 ? BigDecimal.ONE : BigDecimal.ZERO);
  }

  /** x Phi(x) = x/2 erfc(-x/sqrt2); f' = Phi(x) + x phi(x). */
  private static Fn geluExact() {
    return fn((x, mc) -> x.multiply(Ref.bigPhi(x, wide(mc))).round(mc),
        (x, mc) -> Ref.add(Ref.bigPhi(x, mc), x.multiply(Ref.phi(x, mc)).round(mc), mc));
  }

  private static final BigDecimal GELU_C = new BigDecimal("0.044715");
  private static final BigDecimal GELU_C3 = new BigDecimal("0.134145");

  /**
   * u = sqrt(2/pi)(x + 0.044715 x^3); f = x/2 (1 + tanh u) = x sigma(2u);
   * f' = (1 + tanh u)/2 + x/2 sech^2(u) sqrt(2/pi)(1 + 0.134145 x^2).
   */
  private static Fn geluTanh() {
    return fn((x, mc) -> {
      MathContext w = wide(mc);
      BigDecimal u = geluU(x, w);
      return x.multiply(Ref.sigmoid(u.multiply(TWO), w)).round(mc);
    }, (x, mc) -> {
      MathContext w = wide(mc);
      BigDecimal u = geluU(x, w);
      BigDecimal half1pTanh = Ref.sigmoid(u.multiply(TWO), w); // (1 + tanh u)/2
      BigDecimal k = sqrt2OverPi(w).multiply(BigDecimal.ONE.add(GELU_C3.multiply(x).multiply(x), w), w);
      BigDecimal second = x.multiply(HALF).multiply(Ref.sech2(u, w)).multiply(k, w);
      return Ref.add(half1pTanh, second, mc);
    });
  }

  private static BigDecimal sqrt2OverPi(MathContext w) {
    return Ref.sqrt(TWO.divide(Ref.pi(w), w), w);
  }

  private static BigDecimal geluU(BigDecimal x, MathContext w) {
    return sqrt2OverPi(w).multiply(x.add(GELU_C.multiply(x).multiply(x).multiply(x)), w);
  }

  /**
   * x tanh(softplus x). With w = e^x, e^{softplus} = 1 + w, so tanh(softplus x) = ((1+w)^2-1)/((1+w)^2+1)
   * = w(w+2)/(w(w+2)+2); for x > 0 the same with v = e^{-x}: (1+2v)/(1+2v+2v^2).
   * f' = tanh(sp) + x sigma(x) sech^2(sp), sigma(x) sech^2(sp) = 4w(1+w)/((1+w)^2+1)^2
   * = 4v^2(1+v)/((1+v)^2+v^2)^2.
   */
  private static Fn mish() {
    return fn((x, mc) -> x.multiply(mishTanhSp(x, wide(mc))).round(mc), (x, mc) -> {
      MathContext w = wide(mc);
      BigDecimal second;
      if (x.signum() <= 0) {
        BigDecimal e = Ref.exp(x, w);
        BigDecimal onePlus = BigDecimal.ONE.add(e, w);
        BigDecimal den = onePlus.multiply(onePlus, w).add(BigDecimal.ONE, w);
        second = e.multiply(onePlus, w).multiply(BigDecimal.valueOf(4)).divide(den.multiply(den, w), w);
      } else {
        BigDecimal v = Ref.exp(x.negate(), w);
        BigDecimal onePlus = BigDecimal.ONE.add(v, w);
        BigDecimal den = onePlus.multiply(onePlus, w).add(v.multiply(v, w), w);
        second = v.multiply(v, w).multiply(onePlus, w).multiply(BigDecimal.valueOf(4)).divide(den.multiply(den, w), w);
      }
      return Ref.add(mishTanhSp(x, mc), x.multiply(second, mc), mc);
    });
  }

  static BigDecimal mishTanhSp(BigDecimal x, MathContext mc) {
    MathContext w = wide(mc);
    if (x.signum() <= 0) {
      BigDecimal e = Ref.exp(x, w);
      BigDecimal n = e.multiply(e.add(TWO, w), w);
      return n.divide(n.add(TWO, w), mc);
    }
    BigDecimal v = Ref.exp(x.negate(), w);
    BigDecimal n = BigDecimal.ONE.add(v.multiply(TWO), w);
    return n.divide(n.add(v.multiply(v, w).multiply(TWO), w), mc);
  }

  /** x sigma(a x); f' = sigma(a x) + a x sigma(a x) sigma(-a x). */
  private static Fn swish(BigDecimal a) {
    return fn((x, mc) -> x.multiply(Ref.sigmoid(a.multiply(x), wide(mc))).round(mc), (x, mc) -> {
      BigDecimal t = a.multiply(x);
      return Ref.add(Ref.sigmoid(t, mc), t.multiply(logisticDensity(t, mc)).round(mc), mc);
    });
  }
}
