package io.github.sparkactivations.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.sparkactivations.activation.GoldenCases.Config;
import io.github.sparkactivations.activation.GoldenCases.Input;
import io.github.sparkactivations.activation.reference.RefActivations;
import io.github.sparkactivations.testing.NumericAssert;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden values of every elementwise activation, default and non-default parameters: typical, tiny,
 * large, deep-tail, kink (exactly and one ulp either side) and special inputs, for f and f', against the
 * BigDecimal reference rounded once to double, compared as docs/activations.md#accuracy says (rtol 1e-12; atol 0, or 1e-323
 * tiny/tail, 1e-300 large, 5e-16 hard-sigmoid/hard-swish kinks). The sign of a zero result is checked
 * where docs/activations.md#special-values fixes it (the functions of {@link RefActivations#SIGNED_ZERO} with sign-regular parameters):
 * f(-0.0) = -0.0, f(+0.0) = +0.0, and an underflowing result keeps the sign of the exact value.
 */
class ElementwiseGoldenTest {

  @TestFactory
  Stream<DynamicTest> valuesAndDerivativesMatchTheReference() {
    return GoldenCases.elementwiseConfigs().stream()
        .map(c -> DynamicTest.dynamicTest(c.spec(), () -> check(c)));
  }

  private static void check(Config c) {
    ElementwiseActivation a = Activations.parseElementwise(c.spec());
    assertEquals(c.name(), a.name());
    assertEquals(c.params(), a.params(), "params() of " + c.spec());
    assertEquals(c.spec(), a.spec());
    RefActivations.Fn ref = c.ref();
    List<String> failures = new ArrayList<>();
    List<Input> inputs = GoldenCases.inputs(c);
    double[] xs = new double[inputs.size()];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = inputs.get(i).x();
    }
    double[] bulkF = new double[xs.length];
    double[] bulkD = new double[xs.length];
    a.apply(xs, bulkF);
    a.derivative(xs, bulkD);
    for (int i = 0; i < xs.length; i++) {
      Input in = inputs.get(i);
      double x = in.x();
      double f = a.value(x);
      double d = a.derivative(x);
      double ef = RefActivations.value(ref, x);
      double ed = RefActivations.derivative(ref, x);
      String where = c.spec() + " at x=" + x + " [" + in.kind() + "]: ";
      String m = NumericAssert.mismatch(ef, f, NumericAssert.RTOL, in.kind().atol);
      if (m != null) {
        failures.add(where + "f " + m);
      }
      m = NumericAssert.mismatch(ed, d, NumericAssert.RTOL, in.kind().atol);
      if (m != null) {
        failures.add(where + "f' " + m);
      }
      if (Double.doubleToLongBits(bulkF[i]) != Double.doubleToLongBits(f)
          || Double.doubleToLongBits(bulkD[i]) != Double.doubleToLongBits(d)) {
        failures.add(where + "apply/derivative(double[]) differ from value/derivative(double): "
            + bulkF[i] + "/" + bulkD[i] + " vs " + f + "/" + d);
      }
      String s = signOfZeroProblem(c, ref, x, f);
      if (s != null) {
        failures.add(where + s);
      }
    }
    if (!failures.isEmpty()) {
      fail(failures.size() + " mismatches:\n" + String.join("\n", failures));
    }
  }

  /** The sign of an expected zero, for finite inputs of sign-checked functions. */
  private static String signOfZeroProblem(Config c, RefActivations.Fn ref, double x, double f) {
    if (!c.signedZero() || !Double.isFinite(x) || f != 0.0) {
      return null;
    }
    boolean expectNegative;
    if (x == 0.0) {
      expectNegative = NumericAssert.isNegativeZero(x); // odd-type: f(-0.0) = -0.0, f(+0.0) = +0.0
    } else {
      BigDecimal exact = RefActivations.exactValue(ref, x);
      if (exact.signum() == 0) {
        return null; // an exact zero away from 0 (a flat branch): no sign is fixed
      }
      expectNegative = exact.signum() < 0; // underflow keeps the sign of the exact value
    }
    boolean isNegative = NumericAssert.isNegativeZero(f);
    return expectNegative == isNegative ? null
        : "f is " + f + " but the sign-of-zero rule requires " + (expectNegative ? "-0.0" : "0.0");
  }

  @TestFactory
  Stream<DynamicTest> bulkInPlaceVariantsAgreeWithScalarCalls() {
    return GoldenCases.elementwiseConfigs().stream().map(c -> DynamicTest.dynamicTest(c.spec(), () -> {
      ElementwiseActivation a = Activations.parseElementwise(c.spec());
      double[] xs = GoldenCases.TYPICAL.clone();
      double[] f = xs.clone();
      double[] d = xs.clone();
      a.applyInPlace(f);
      a.derivativeInPlace(d);
      for (int i = 0; i < xs.length; i++) {
        assertEquals(a.value(xs[i]), f[i], 0.0);
        assertEquals(a.derivative(xs[i]), d[i], 0.0);
      }
      double[] shortOut = new double[xs.length - 1];
      try {
        a.apply(xs, shortOut);
        fail("apply must reject an output shorter than the input");
      } catch (IllegalArgumentException expected) {
        assertTrue(expected.getMessage().contains("length"));
      }
    }));
  }
}
