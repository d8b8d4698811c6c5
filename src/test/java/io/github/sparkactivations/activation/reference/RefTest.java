package io.github.sparkactivations.activation.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Validates the test reference itself: against published constants, against the JDK's documented
 * error bounds, between independent algorithms (erf series vs erfc continued fraction), between the
 * literal formulas of the spec and the overflow-free forms used by {@link RefActivations}, and between
 * every reference derivative and a 80-digit numerical derivative of the reference value.
 */
class RefTest {

  private static final MathContext MC60 = Ref.mc(60);

  private static void assertRel(String expected, BigDecimal actual, double rel) {
    BigDecimal e = new BigDecimal(expected);
    double err = e.subtract(actual).abs().divide(e.abs(), Ref.mc(10)).doubleValue();
    assertTrue(err <= rel, () -> "expected " + expected + " got " + actual + " rel err " + err);
  }

  @Test
  void constantsMatchPublishedDigits() {
    assertRel("2.71828182845904523536028747135266249775724709369995957496697", Ref.exp(BigDecimal.ONE, MC60), 1e-57);
    assertRel("0.69314718055994530941723212145817656807550013436025525412068", Ref.ln2(MC60), 1e-57);
    assertRel("0.69314718055994530941723212145817656807550013436025525412068", Ref.log(Ref.TWO, MC60), 1e-57);
    assertRel("3.14159265358979323846264338327950288419716939937510582097494", Ref.pi(MC60), 1e-57);
    assertRel("1.41421356237309504880168872420969807856967187537694807317668", Ref.sqrt(Ref.TWO, MC60), 1e-57);
    assertRel("0.842700792949714869341220635082609259296066997966302908459938", Ref.erf(BigDecimal.ONE, MC60), 1e-57);
  }

  @Test
  void erfcDeepTailMatchesPublishedValues() {
    assertRel("1.53745979442803485018834348538337889011805031472337993068791e-12",
        Ref.erfc(BigDecimal.valueOf(5), MC60), 1e-55);
    assertRel("2.08848758376254475700078629495778861156081811932116372701221e-45",
        Ref.erfc(BigDecimal.TEN, MC60), 1e-55);
    assertRel("5.23704892378925568501606768284954709093391254796867079959922e-319",
        Ref.erfc(BigDecimal.valueOf(27), MC60), 1e-55);
    // GELU at -38.5 is subnormal: -5.42150248320649222781...e-323
    BigDecimal g = RefActivations.exactValue(RefActivations.of("gelu", RefActivations.withDefaults("gelu", Map.of())), -38.5);
    assertRel("-5.42150248320649222781488357644401379131283976256273812702521e-323", g, 1e-40);
  }

  @Test
  void erfSeriesAndContinuedFractionAgreeWhereBothConverge() {
    for (String z : new String[] {"3.5", "4", "4.5", "6", "9.25"}) {
      BigDecimal bz = new BigDecimal(z);
      int extra = (int) (bz.doubleValue() * bz.doubleValue() / Math.log(10)) + 10;
      BigDecimal series = BigDecimal.ONE.subtract(Ref.erfSeries(bz, Ref.mc(60 + extra)));
      BigDecimal cf = Ref.erfcContinuedFraction(bz, MC60);
      double rel = series.subtract(cf).abs().divide(cf, Ref.mc(5)).doubleValue();
      assertTrue(rel < 1e-55, () -> "z=" + z + " series " + series + " cf " + cf);
    }
  }

  @Test
  void elementaryFunctionsAgreeWithJdkWithinItsDocumentedUlps() {
    SplittableRandom r = new SplittableRandom(7);
    MathContext mc = Ref.mc(40);
    for (int i = 0; i < 400; i++) {
      double x = (r.nextDouble() - 0.5) * 1400; // exp in and out of the subnormal range
      double small = (r.nextDouble() - 0.5) * Math.pow(10, -r.nextInt(300));
      BigDecimal bx = new BigDecimal(x);
      BigDecimal bs = new BigDecimal(small);
      assertUlps(Math.exp(x), Ref.round(Ref.exp(bx, mc)), 1, "exp", x);
      assertUlps(Math.expm1(small), Ref.round(Ref.expm1(bs, mc)), 1, "expm1", small);
      assertUlps(Math.expm1(x / 100), Ref.round(Ref.expm1(new BigDecimal(x / 100), mc)), 1, "expm1", x / 100);
      assertUlps(Math.tanh(x / 50), Ref.round(Ref.tanh(new BigDecimal(x / 50), mc)), 2.5, "tanh", x / 50);
      assertUlps(Math.tanh(small), Ref.round(Ref.tanh(bs, mc)), 2.5, "tanh", small);
      if (small > -1) {
        assertUlps(Math.log1p(small), Ref.round(Ref.log1p(bs, mc)), 1, "log1p", small);
      }
      double y = Math.abs(x) * Math.pow(10, r.nextInt(600) - 300);
      if (y > 0 && Double.isFinite(y)) {
        assertUlps(Math.log(y), Ref.round(Ref.log(new BigDecimal(y), mc)), 1, "log", y);
        BigDecimal back = Ref.exp(Ref.log(new BigDecimal(y), MC60), MC60);
        double rel = back.subtract(new BigDecimal(y)).abs().divide(new BigDecimal(y), Ref.mc(5)).doubleValue();
        assertTrue(rel < 1e-50, () -> "exp(log(" + y + ")) off by " + rel);
      }
    }
  }

  private static void assertUlps(double jdk, double ref, double ulps, String what, double x) {
    double diff = Math.abs(jdk - ref);
    assertTrue(diff <= ulps * Math.ulp(ref) || jdk == ref,
        () -> what + "(" + x + "): jdk " + jdk + " reference " + ref);
  }

  private static double v(String name, Map<String, Object> p, double x) {
    return RefActivations.value(RefActivations.of(name, RefActivations.withDefaults(name, p)), x);
  }

  private static double d(String name, Map<String, Object> p, double x) {
    return RefActivations.derivative(RefActivations.of(name, RefActivations.withDefaults(name, p)), x);
  }

  @Test
  void publishedActivationConstants() {
    Map<String, Object> none = Map.of();
    assertEquals(-0.16997120747990366, v("gelu", none, -0.75179152469356446));
    assertTrue(Math.abs(d("gelu", none, -0.75179152469356446)) < 1e-16);
    assertEquals(-0.2784645427610738, v("silu", none, -1.2784645427610738));
    assertEquals(-0.30884341301725041, v("mish", none, -1.1924312145154952));
    assertEquals(0.6931471805599453, v("softplus", none, 0.0));
    assertEquals(-0.6931471805599453, v("log_sigmoid", none, 0.0));
    assertEquals(1.7580993408473766, d("selu", none, 0.0));
    assertEquals(-1.7580993408473766, v("selu", none, Double.NEGATIVE_INFINITY));
    assertEquals(800.0, v("softplus", none, 800.0));
    assertEquals(-0.17004075057125405, v("gelu", Map.of("approximate", "tanh"), -0.75246142207101626));
    // tanhshrink series: x^3/3 leading term at 1e-8
    assertEquals(1e-24 / 3, v("tanhshrink", none, 1e-8), 1e-40);
  }

  @Test
  void publishedSoftmaxRows() {
    assertArrayEquals(new double[] {0.9999546000703311, 4.539786860886666e-05, 2.061060046209062e-09},
        RefRowwise.apply("softmax", new double[] {40, 30, 20}));
    assertArrayEquals(new double[] {0.6652409557748219, 0.24472847105479764, 0.09003057317038046},
        RefRowwise.apply("softmax", new double[] {-1000, -1001, -1002}));
    double[] ls = RefRowwise.apply("log_softmax", new double[] {0, -40});
    assertEquals(-4.248354255291589e-18, ls[0]);
    assertEquals(-Math.log1p(Math.exp(-40)), ls[0], Math.ulp(ls[0]));
    assertEquals(-1500.0, RefRowwise.apply("log_softmax", new double[] {750, -750})[1]);
  }

  private static void assertArrayEquals(double[] e, double[] a) {
    org.junit.jupiter.api.Assertions.assertArrayEquals(e, a);
  }

  /** The literal formula, in BigDecimal, at moderate x where it neither overflows nor cancels. */
  @Test
  void overflowFreeFormsEqualTheLiteralFormulas() {
    MathContext mc = Ref.mc(60);
    for (double x : new double[] {-7.25, -3, -1.5, -0.3, 0.2, 0.9, 2.5, 6.75}) {
      BigDecimal bx = new BigDecimal(x);
      // mish = x tanh(log(1 + e^x))
      BigDecimal lit = bx.multiply(Ref.tanh(Ref.log(BigDecimal.ONE.add(Ref.exp(bx, mc)), mc), mc), mc);
      assertClose(lit, RefActivations.exactValue(RefActivations.of("mish", Map.of()), x));
      // gelu tanh = x/2 (1 + tanh(sqrt(2/pi)(x + 0.044715 x^3)))
      BigDecimal u = Ref.sqrt(Ref.TWO.divide(Ref.pi(mc), mc), mc)
          .multiply(bx.add(new BigDecimal("0.044715").multiply(bx.pow(3))), mc);
      lit = bx.multiply(Ref.HALF).multiply(BigDecimal.ONE.add(Ref.tanh(u, mc)), mc);
      assertClose(lit, RefActivations.exactValue(RefActivations.of("gelu", Map.of("approximate", "tanh")), x));
      // bipolar sigmoid = tanh(l x / 2), l = 2.5
      lit = Ref.tanh(bx.multiply(new BigDecimal("1.25")), mc);
      assertClose(lit, RefActivations.exactValue(RefActivations.of("bipolar_sigmoid", Map.of("lambda", 2.5)), x));
      // softplus = log(1 + e^{b x}) / b, b = 0.75; log_sigmoid = log(1/(1+e^-x))
      lit = Ref.log(BigDecimal.ONE.add(Ref.exp(bx.multiply(new BigDecimal("0.75")), mc)), mc)
          .divide(new BigDecimal("0.75"), mc);
      assertClose(lit, RefActivations.exactValue(RefActivations.of("softplus", Map.of("beta", 0.75)), x));
      lit = Ref.log(BigDecimal.ONE.divide(BigDecimal.ONE.add(Ref.exp(bx.negate(), mc)), mc), mc);
      assertClose(lit, RefActivations.exactValue(RefActivations.of("log_sigmoid", Map.of()), x));
      // gelu exact = x/2 (1 + erf(x/sqrt2))
      lit = bx.multiply(Ref.HALF).multiply(BigDecimal.ONE.add(Ref.erf(bx.divide(Ref.sqrt(Ref.TWO, mc), mc), mc)), mc);
      assertClose(lit, RefActivations.exactValue(RefActivations.of("gelu", Map.of("approximate", "none")), x));
    }
  }

  private static void assertClose(BigDecimal expected, BigDecimal actual) {
    BigDecimal diff = expected.subtract(actual).abs();
    assertTrue(diff.compareTo(expected.abs().scaleByPowerOfTen(-40)) <= 0,
        () -> "literal " + expected + " vs reference " + actual);
  }

  /**
   * Every reference f' equals a high-precision symmetric difference quotient of the reference f (h =
   * 1e-25 at 100 digits: truncation ~1e-50), at points away from the kinks; and every value is the same
   * double whether evaluation starts at 50 or at 300 digits (the cancellation guards are complete).
   */
  @Test
  void referenceDerivativesMatchNumericalDerivativesAndPrecisionIsStable() {
    double[] xs = {-800, -37.5, -9.75, -2.399357280515467, -1.2784645427610738, -0.7517915246935645, -0.3,
        -1e-7, 1e-9, 0.37, 1.3, 4.2, 11.5, 35.0, 700};
    BigDecimal h = BigDecimal.ONE.scaleByPowerOfTen(-25);
    for (String name : RefActivations.ELEMENTWISE_DEFAULTS.keySet()) {
      for (Map<String, Object> p : sampleParams(name)) {
        RefActivations.Fn fn = RefActivations.of(name, RefActivations.withDefaults(name, p));
        for (double x : xs) {
          BigDecimal bx = new BigDecimal(x);
          // f'(700) ~ 1e-304 for sigmoid must survive f(x+h) - f(x-h): more digits far out
          int digits = Math.abs(x) > 30 ? 420 : 90;
          MathContext mc = Ref.mc(digits);
          BigDecimal hi = Ref.eval(m -> fn.f(bx.add(h), m), digits);
          BigDecimal lo = Ref.eval(m -> fn.f(bx.subtract(h), m), digits);
          BigDecimal numeric = hi.subtract(lo).divide(h.multiply(Ref.TWO), mc);
          BigDecimal analytic = Ref.eval(m -> fn.df(bx, m), 100);
          BigDecimal tol = analytic.abs().max(BigDecimal.ONE.scaleByPowerOfTen(-300)).scaleByPowerOfTen(-30);
          assertTrue(numeric.subtract(analytic).abs().compareTo(tol) <= 0,
              () -> name + p + " f'(" + x + "): analytic " + analytic.round(Ref.mc(20)) + " numeric "
                  + numeric.round(Ref.mc(20)));
          double f50 = Ref.round(Ref.eval(m -> fn.f(bx, m)));
          double f300 = Ref.round(Ref.eval(m -> fn.f(bx, m), 300));
          double d50 = Ref.round(Ref.eval(m -> fn.df(bx, m)));
          double d300 = Ref.round(Ref.eval(m -> fn.df(bx, m), 300));
          assertEquals(f300, f50, () -> name + p + " f(" + x + ") depends on the working precision");
          assertEquals(d300, d50, () -> name + p + " f'(" + x + ") depends on the working precision");
        }
      }
    }
  }

  private static java.util.List<Map<String, Object>> sampleParams(String name) {
    switch (name) {
      case "gelu":
        return java.util.List.of(Map.of("approximate", "none"), Map.of("approximate", "tanh"));
      case "swish":
        return java.util.List.of(Map.of(), Map.of("alpha", -1.75), Map.of("alpha", 0.5));
      case "celu":
        return java.util.List.of(Map.of(), Map.of("alpha", 0.5));
      case "softplus":
        return java.util.List.of(Map.of(), Map.of("beta", 3.0));
      case "sigmoid":
      case "bipolar_sigmoid":
        return java.util.List.of(Map.of(), Map.of("lambda", 2.0));
      default:
        return java.util.List.of(Map.of());
    }
  }
}
