package io.github.sparkactivations.activation.reference;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * High-precision reference maths in {@link BigDecimal}, written for the tests only and independent of
 * the production code: every function is a plain series, continued fraction or Newton step whose
 * accuracy follows from the working precision.
 *
 * <p>Precision handling: every function takes a {@link MathContext} and returns a value whose relative
 * error is a small multiple of {@code 10^-precision}. Where a formula subtracts nearly equal numbers,
 * callers use {@link #sub}, which throws {@link PrecisionLoss} when fewer than {@link #KEEP_DIGITS}
 * significant digits survive; {@link #eval} catches it and retries at a precision that covers the
 * cancellation. So a reference value is either accurate or not produced at all.
 *
 * <p>Range: {@code exp(x)} for {@code x < -EXP_FLOOR} returns {@link #TINY} (10^-5000) instead of the
 * exact value (whose decimal exponent, for x near -1e308, no BigDecimal can hold). Every activation result built from it is
 * far below the smallest subnormal double (4.9e-324) and rounds to a zero of the right sign, which is
 * the correctly rounded result; {@code exp(x)} for {@code x > EXP_FLOOR} throws, so a formula that would
 * overflow is caught rather than silently wrong.
 */
public final class Ref {

  /** Digits that must survive a cancelling subtraction. */
  public static final int KEEP_DIGITS = 30;
  /** Default starting precision of {@link #eval}. */
  public static final int START_DIGITS = 50;
  /** |x| beyond which exp(x) is replaced by TINY (x < 0) or refused (x > 0). */
  public static final BigDecimal EXP_FLOOR = BigDecimal.valueOf(11_000);
  /**
   * Stand-in for e^x, x < -11000 (true value < 10^-4777): below every exactly computed exponential, and
   * rounds to zero in every use (the largest factor it meets is x^3 ~ 10^1200 in gelu tanh at 10^400).
   */
  public static final BigDecimal TINY = BigDecimal.ONE.scaleByPowerOfTen(-5_000);

  public static final BigDecimal TWO = BigDecimal.valueOf(2);
  public static final BigDecimal HALF = new BigDecimal("0.5");

  private static final Map<Integer, BigDecimal> LN2 = new ConcurrentHashMap<>();
  private static final Map<Integer, BigDecimal> PI = new ConcurrentHashMap<>();

  private Ref() {}

  /** Thrown by {@link #sub} when a subtraction cancels too many digits at the current precision. */
  public static final class PrecisionLoss extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int neededDigits;

    PrecisionLoss(int neededDigits) {
      super(null, null, false, false);
      this.neededDigits = neededDigits;
    }
  }

  public static MathContext mc(int digits) {
    return new MathContext(digits, RoundingMode.HALF_EVEN);
  }

  /**
   * Evaluates {@code fn} at {@link #START_DIGITS} digits, retrying at higher precision while it reports
   * a cancellation through {@link #sub}.
   */
  public static BigDecimal eval(Function<MathContext, BigDecimal> fn) {
    return eval(fn, START_DIGITS);
  }

  /** As {@link #eval(Function)}, starting at {@code startDigits}. */
  public static BigDecimal eval(Function<MathContext, BigDecimal> fn, int startDigits) {
    int p = startDigits;
    while (true) {
      try {
        return fn.apply(mc(p));
      } catch (PrecisionLoss e) {
        int next = Math.max(2 * p, e.neededDigits + KEEP_DIGITS + 10);
        if (next > 20_000) {
          throw new ArithmeticException("reference needs more than 20000 digits");
        }
        p = next;
      }
    }
  }

  /** The exact value of a double (finite only). */
  public static BigDecimal big(double x) {
    if (!Double.isFinite(x)) {
      throw new IllegalArgumentException("not finite: " + x);
    }
    return new BigDecimal(x);
  }

  /** Correctly rounded conversion to double (BigDecimal.doubleValue rounds to nearest, incl. subnormals). */
  public static double round(BigDecimal v) {
    return v.doubleValue();
  }

  /** Decimal exponent: v = d.ddd * 10^e10(v). */
  static long e10(BigDecimal v) {
    return (long) v.precision() - v.scale() - 1;
  }

  /**
   * a - b, guarded: throws {@link PrecisionLoss} when the result keeps fewer than {@link #KEEP_DIGITS}
   * digits of the working precision (the inputs are assumed accurate to {@code mc} digits).
   */
  public static BigDecimal sub(BigDecimal a, BigDecimal b, MathContext mc) {
    BigDecimal d = a.subtract(b);
    if (a.signum() == 0 || b.signum() == 0) {
      return d.round(mc);
    }
    long big = Math.max(e10(a), e10(b));
    if (d.signum() == 0) {
      throw new PrecisionLoss(2 * mc.getPrecision());
    }
    long lost = big - e10(d);
    if (mc.getPrecision() - lost < KEEP_DIGITS) {
      throw new PrecisionLoss((int) Math.min(100_000, lost + KEEP_DIGITS + 10));
    }
    return d.round(mc);
  }

  /** a + b with the same guard as {@link #sub}. */
  public static BigDecimal add(BigDecimal a, BigDecimal b, MathContext mc) {
    return sub(a, b.negate(), mc);
  }

  private static MathContext wider(MathContext mc, int extra) {
    return mc(mc.getPrecision() + extra);
  }

  /** 2^-s exactly. */
  private static BigDecimal pow2neg(int s) {
    return HALF.pow(s);
  }

  // ---------------------------------------------------------------------------------------------
  // exp, expm1

  /** e^x. */
  public static BigDecimal exp(BigDecimal x, MathContext mc) {
    if (x.signum() == 0) {
      return BigDecimal.ONE;
    }
    if (x.compareTo(EXP_FLOOR) > 0) {
      throw new ArithmeticException("exp overflow in reference: " + x);
    }
    if (x.compareTo(EXP_FLOOR.negate()) < 0) {
      return TINY;
    }
    double ax = Math.abs(x.doubleValue());
    // halve until |r| < 2^-8, then square back s times (each squaring doubles the relative error)
    int s = ax < 1.0 / 256 ? 0 : Math.getExponent(ax) + 9;
    MathContext w = wider(mc, s / 3 + 10);
    BigDecimal r = s == 0 ? x.round(w) : x.multiply(pow2neg(s)).round(w);
    BigDecimal sum = BigDecimal.ONE;
    BigDecimal term = BigDecimal.ONE;
    for (int n = 1; ; n++) {
      term = term.multiply(r).divide(BigDecimal.valueOf(n), w);
      BigDecimal next = sum.add(term, w);
      if (term.signum() == 0 || term.abs().compareTo(next.ulp().movePointLeft(2)) < 0) {
        sum = next;
        break;
      }
      sum = next;
    }
    for (int i = 0; i < s; i++) {
      sum = sum.multiply(sum, w);
    }
    return sum.round(mc);
  }

  /** e^x - 1 without cancellation. */
  public static BigDecimal expm1(BigDecimal x, MathContext mc) {
    if (x.signum() == 0) {
      return BigDecimal.ZERO;
    }
    if (x.abs().compareTo(HALF) >= 0) {
      // |e^x - 1| >= 0.39: at most one digit cancels
      MathContext w = wider(mc, 5);
      return exp(x, w).subtract(BigDecimal.ONE).round(mc);
    }
    MathContext w = wider(mc, 5);
    BigDecimal sum = x.round(w);
    BigDecimal term = sum;
    for (int n = 2; ; n++) {
      term = term.multiply(x).divide(BigDecimal.valueOf(n), w);
      BigDecimal next = sum.add(term, w);
      if (term.signum() == 0 || term.abs().compareTo(next.abs().ulp().movePointLeft(2)) < 0) {
        return next.round(mc);
      }
      sum = next;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // log, log1p

  /** 2 atanh(u) = log((1+u)/(1-u)) for |u| <= 1/3. */
  private static BigDecimal twoAtanh(BigDecimal u, MathContext w) {
    if (u.signum() == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal u2 = u.multiply(u, w);
    BigDecimal pow = u;
    BigDecimal sum = u;
    for (int k = 3; ; k += 2) {
      pow = pow.multiply(u2, w);
      BigDecimal term = pow.divide(BigDecimal.valueOf(k), w);
      BigDecimal next = sum.add(term, w);
      if (term.signum() == 0 || term.abs().compareTo(next.abs().ulp().movePointLeft(2)) < 0) {
        return next.multiply(TWO);
      }
      sum = next;
    }
  }

  /** ln 2 = 2 atanh(1/3). */
  public static BigDecimal ln2(MathContext mc) {
    BigDecimal v = LN2.computeIfAbsent(mc.getPrecision() + 10, p -> {
      MathContext w = mc(p);
      return twoAtanh(BigDecimal.ONE.divide(BigDecimal.valueOf(3), w), w);
    });
    return v.round(mc);
  }

  /** log(1 + t), t > -1, accurate in relative terms also for tiny t. */
  public static BigDecimal log1p(BigDecimal t, MathContext mc) {
    if (t.compareTo(BigDecimal.ONE.negate()) <= 0) {
      throw new ArithmeticException("log1p of " + t);
    }
    if (t.signum() == 0) {
      return BigDecimal.ZERO;
    }
    if (t.abs().compareTo(HALF) <= 0) {
      MathContext w = wider(mc, 5);
      BigDecimal u = t.divide(TWO.add(t, w), w); // (1+u)/(1-u) = 1+t, |u| <= 1/3
      return twoAtanh(u, w).round(mc);
    }
    return log(BigDecimal.ONE.add(t, wider(mc, 5)), mc);
  }

  /** Natural logarithm of y > 0. */
  public static BigDecimal log(BigDecimal y, MathContext mc) {
    if (y.signum() <= 0) {
      throw new ArithmeticException("log of " + y);
    }
    if (y.compareTo(BigDecimal.ONE) == 0) {
      return BigDecimal.ZERO;
    }
    MathContext w = wider(mc, 10);
    // y = 2^k * m with m in [1/sqrt2, sqrt2]; k from the binary exponent estimate of y
    double log2y = (y.unscaledValue().bitLength() - 1) - y.scale() * (Math.log(10) / Math.log(2));
    int k = (int) Math.round(log2y);
    BigDecimal m = k >= 0 ? y.multiply(pow2neg(k), w) : y.multiply(TWO.pow(-k), w);
    BigDecimal sqrt2 = new BigDecimal("1.4142135623730950488");
    while (m.compareTo(sqrt2) > 0) {
      m = m.multiply(HALF, w);
      k++;
    }
    while (m.compareTo(HALF.multiply(sqrt2)) < 0) {
      m = m.multiply(TWO, w);
      k--;
    }
    BigDecimal lm = log1p(m.subtract(BigDecimal.ONE), w); // m - 1 is exact
    return ln2(w).multiply(BigDecimal.valueOf(k)).add(lm, w).round(mc);
  }

  // ---------------------------------------------------------------------------------------------
  // pi, sqrt

  private static BigDecimal atanInv(int n, MathContext w) {
    // atan(1/n) = sum (-1)^k / ((2k+1) n^(2k+1))
    BigDecimal n2 = BigDecimal.valueOf((long) n * n);
    BigDecimal pow = BigDecimal.ONE.divide(BigDecimal.valueOf(n), w);
    BigDecimal sum = pow;
    for (int k = 1; ; k++) {
      pow = pow.divide(n2, w);
      BigDecimal term = pow.divide(BigDecimal.valueOf(2L * k + 1), w);
      if (term.compareTo(sum.ulp().movePointLeft(2)) < 0) {
        return sum;
      }
      sum = (k % 2 == 1) ? sum.subtract(term, w) : sum.add(term, w);
    }
  }

  /** pi by Machin's formula 16 atan(1/5) - 4 atan(1/239). */
  public static BigDecimal pi(MathContext mc) {
    BigDecimal v = PI.computeIfAbsent(mc.getPrecision() + 10, p -> {
      MathContext w = mc(p);
      return atanInv(5, w).multiply(BigDecimal.valueOf(16)).subtract(atanInv(239, w).multiply(BigDecimal.valueOf(4)), w);
    });
    return v.round(mc);
  }

  public static BigDecimal sqrt(BigDecimal x, MathContext mc) {
    return x.sqrt(mc);
  }

  // ---------------------------------------------------------------------------------------------
  // tanh, sigmoid, sech^2

  /** tanh x = -expm1(-2|x|) / (2 + expm1(-2|x|)) * sign(x). */
  public static BigDecimal tanh(BigDecimal x, MathContext mc) {
    if (x.signum() == 0) {
      return BigDecimal.ZERO;
    }
    MathContext w = wider(mc, 5);
    BigDecimal em = expm1(x.abs().multiply(TWO).negate(), w);
    BigDecimal t = em.negate().divide(TWO.add(em, w), w);
    return (x.signum() < 0 ? t.negate() : t).round(mc);
  }

  /** 1 / (1 + e^-t), evaluated so that no exponential overflows. */
  public static BigDecimal sigmoid(BigDecimal t, MathContext mc) {
    MathContext w = wider(mc, 5);
    if (t.signum() >= 0) {
      return BigDecimal.ONE.divide(BigDecimal.ONE.add(exp(t.negate(), w), w), mc);
    }
    BigDecimal e = exp(t, w);
    return e.divide(BigDecimal.ONE.add(e, w), mc);
  }

  /** sech^2 x = 4 e^{-2|x|} / (1 + e^{-2|x|})^2. */
  public static BigDecimal sech2(BigDecimal x, MathContext mc) {
    MathContext w = wider(mc, 5);
    BigDecimal e = exp(x.abs().multiply(TWO).negate(), w);
    BigDecimal d = BigDecimal.ONE.add(e, w);
    return e.multiply(BigDecimal.valueOf(4)).divide(d.multiply(d, w), mc);
  }

  // ---------------------------------------------------------------------------------------------
  // erf, erfc

  /** z at and above which erfc uses the continued fraction. */
  static final BigDecimal ERFC_CF_FROM = BigDecimal.valueOf(4);

  /**
   * erf(z) for |z| small to moderate: 2/sqrt(pi) e^{-z^2} sum_{n>=0} 2^n z^{2n+1} / (1*3*...*(2n+1)),
   * a series of positive terms (no cancellation).
   */
  public static BigDecimal erfSeries(BigDecimal z, MathContext mc) {
    if (z.signum() == 0) {
      return BigDecimal.ZERO;
    }
    MathContext w = wider(mc, 10);
    BigDecimal z2 = z.multiply(z, w);
    BigDecimal twoZ2 = z2.multiply(TWO);
    BigDecimal term = z.round(w);
    BigDecimal sum = term;
    for (long n = 0; ; n++) {
      term = term.multiply(twoZ2).divide(BigDecimal.valueOf(2 * n + 3), w);
      BigDecimal next = sum.add(term, w);
      // terms grow until 2n+3 > 2z^2, then shrink geometrically
      if (2 * n + 3 > twoZ2.doubleValue() * 2 && term.abs().compareTo(next.abs().ulp().movePointLeft(2)) < 0) {
        sum = next;
        break;
      }
      sum = next;
    }
    BigDecimal f = TWO.divide(sqrt(pi(w), w), w).multiply(exp(z2.negate(), w), w);
    return sum.multiply(f, mc);
  }

  /**
   * erfc(z) = e^{-z^2}/sqrt(pi) * 1/(z + (1/2)/(z + 1/(z + (3/2)/(z + ...)))) for z >= 4, by the
   * modified Lentz algorithm.
   */
  public static BigDecimal erfcContinuedFraction(BigDecimal z, MathContext mc) {
    MathContext w = wider(mc, 10);
    BigDecimal tiny = BigDecimal.ONE.scaleByPowerOfTen(-(w.getPrecision() * 2 + 50));
    BigDecimal eps = BigDecimal.ONE.scaleByPowerOfTen(-(w.getPrecision() - 2));
    BigDecimal zz = z.round(w);
    // K = b0 + a1/(b1 + a2/(b2 + ...)) with b_n = z, a_n = n/2
    BigDecimal f = zz;
    BigDecimal c = f;
    BigDecimal d = BigDecimal.ZERO;
    for (int n = 1; n < 1_000_000; n++) {
      BigDecimal a = BigDecimal.valueOf(n).multiply(HALF);
      d = zz.add(a.multiply(d), w);
      if (d.signum() == 0) {
        d = tiny;
      }
      c = zz.add(a.divide(c, w), w);
      if (c.signum() == 0) {
        c = tiny;
      }
      d = BigDecimal.ONE.divide(d, w);
      BigDecimal delta = c.multiply(d, w);
      f = f.multiply(delta, w);
      if (delta.subtract(BigDecimal.ONE).abs().compareTo(eps) < 0) {
        BigDecimal pref = exp(zz.multiply(zz).negate(), w).divide(sqrt(pi(w), w), w);
        return pref.divide(f, mc);
      }
    }
    throw new ArithmeticException("erfc continued fraction did not converge at z=" + z);
  }

  /** erfc(z) for every finite z, relative accuracy mc. */
  public static BigDecimal erfc(BigDecimal z, MathContext mc) {
    if (z.signum() < 0) {
      // 2 - erfc(-z) lies in (1, 2]: no cancellation
      return TWO.subtract(erfc(z.negate(), wider(mc, 5)), mc);
    }
    if (z.compareTo(ERFC_CF_FROM) >= 0) {
      return erfcContinuedFraction(z, mc);
    }
    // 1 - erf(z) loses about z^2 / ln 10 digits (at most 7 for z < 4)
    int extra = (int) Math.ceil(z.doubleValue() * z.doubleValue() / Math.log(10)) + 5;
    MathContext w = wider(mc, extra);
    return BigDecimal.ONE.subtract(erfSeries(z, w)).round(mc);
  }

  public static BigDecimal erf(BigDecimal z, MathContext mc) {
    if (z.abs().compareTo(BigDecimal.ONE) < 0) {
      return erfSeries(z, mc);
    }
    return BigDecimal.ONE.subtract(erfc(z, wider(mc, 5))).round(mc);
  }

  /** Standard normal density e^{-x^2/2} / sqrt(2 pi). */
  public static BigDecimal phi(BigDecimal x, MathContext mc) {
    MathContext w = wider(mc, 5);
    BigDecimal e = exp(x.multiply(x).multiply(HALF).negate(), w);
    return e.divide(sqrt(pi(w).multiply(TWO), w), mc);
  }

  /** Standard normal CDF 1/2 erfc(-x/sqrt 2). */
  public static BigDecimal bigPhi(BigDecimal x, MathContext mc) {
    MathContext w = wider(mc, 5);
    BigDecimal z = x.negate().divide(sqrt(TWO, w), w);
    return erfc(z, w).multiply(HALF).round(mc);
  }
}
