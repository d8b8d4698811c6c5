package io.github.sparkactivations.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bulk methods, which run on the SIMD kernels when the JVM has {@code jdk.incubator.vector} (the
 * default test run) and on the scalar loops otherwise (the scalar test run), against the scalar
 * {@code value(x)} of every entry, bit for bit (every NaN counted as the canonical NaN: a NaN's sign and
 * payload are not stable under the JIT, and no contract gives them meaning): 10^6 random inputs per activation drawn from
 * several regimes (uniform on [-40, 40] and [-800, 800], log-uniform magnitudes over the whole double
 * range, normal), with special values (NaN, ±∞, ±0, subnormals, ±MAX_VALUE, the overflow thresholds
 * and their neighbours) sprinkled in so that vectors mix lanes the vector code computes with lanes it
 * hands to the scalar kernel; in place and out of place; at every array length 0..40 (tails shorter
 * than a vector, any lane count up to 8). The softmax-family rows likewise against the scalar row
 * algorithm.
 */
class BulkPathBitIdentityTest {

  private static final int N = 1_000_000;

  /** Thresholds of the kernels' branches, each with its two neighbours added below. */
  private static final double[] EDGES = {0.0, 1e-300, Double.MIN_VALUE, Double.MIN_NORMAL, 2.2e-308, 1e-8,
      0.5, 0.6629126073623883, 0.46875, 1.0, 2.0, 5.656854249492381, 19.06, 22.0, 36.74, 40.0, 44.0, 60.0,
      600.0, 700.0, 708.4, 709.0, 709.782712893384, 710.0, 745.1332191019412, 746.0, 1e10, 1e300,
      Double.MAX_VALUE};

  static Stream<String> specs() {
    return Stream.of("sigmoid", "sigmoid(lambda=2.5)", "sigmoid(lambda=1e-3)", "sigmoid(lambda=700)",
        "tanh", "bipolar_sigmoid", "bipolar_sigmoid(lambda=0.3)", "bipolar_sigmoid(lambda=1e300)",
        "elu", "elu(alpha=0.5)", "elu(alpha=-2)", "elu(alpha=0)", "selu", "selu(alpha=2, gamma=0.5)",
        "celu", "celu(alpha=0.25)", "celu(alpha=1e-300)", "celu(alpha=1e300)",
        "silu", "swish", "swish(alpha=0)", "swish(alpha=-1)", "swish(alpha=3.5)", "swish(alpha=1e-300)",
        "softplus", "softplus(beta=0.01)", "softplus(beta=2)", "softplus(beta=1e300)", "softplus(beta=4.9e-324)",
        "log_sigmoid", "mish", "gelu", "gelu(approximate=tanh)");
  }

  static double[] specials() {
    List<Double> s = new ArrayList<>(List.of(Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.longBitsToDouble(0x7ff0000000000123L)));
    for (double e : EDGES) {
      for (double v : new double[] {Math.nextDown(e), e, Math.nextUp(e)}) {
        s.add(v);
        s.add(-v);
      }
    }
    return s.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** Random inputs from several regimes, one special value in every 16 entries on average. */
  static double[] inputs(long seed, int n) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] sp = specials();
    double[] xs = new double[n];
    for (int i = 0; i < n; i++) {
      switch (r.nextInt(5)) {
        case 0 -> xs[i] = r.nextDouble(-40, 40);
        case 1 -> xs[i] = r.nextDouble(-800, 800);
        case 2 -> xs[i] = (r.nextBoolean() ? 1 : -1) * Math.pow(2, r.nextDouble(-1074, 1024));
        case 3 -> xs[i] = r.nextGaussian() * 2;
        default -> xs[i] = r.nextInt(16) == 0 ? sp[r.nextInt(sp.length)] : r.nextGaussian();
      }
    }
    return xs;
  }

  private static void assertBulkEqualsScalar(ElementwiseActivation f, double[] xs, String what) {
    double[] out = new double[xs.length];
    f.apply(xs, out);
    double[] inPlace = xs.clone();
    f.applyInPlace(inPlace);
    for (int i = 0; i < xs.length; i++) {
      long want = Double.doubleToLongBits(f.value(xs[i]));
      if (want != Double.doubleToLongBits(out[i]) || want != Double.doubleToLongBits(inPlace[i])) {
        assertEquals(f.value(xs[i]), out[i], 0.0, f + " " + what + " at x=" + xs[i] + " (entry " + i + ")");
        assertEquals(want, Double.doubleToLongBits(out[i]), f + " " + what + " at x=" + xs[i]);
        assertEquals(want, Double.doubleToLongBits(inPlace[i]), f + " in place, " + what + " at x=" + xs[i]);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("specs")
  void bulkEqualsScalarOnRandomAndSpecialInputs(String spec) {
    ElementwiseActivation f = Activations.parseElementwise(spec);
    assertBulkEqualsScalar(f, inputs(spec.hashCode(), N), "random");
    assertBulkEqualsScalar(f, specials(), "specials");
  }

  @ParameterizedTest
  @MethodSource("specs")
  void bulkEqualsScalarAtEveryShortLength(String spec) {
    ElementwiseActivation f = Activations.parseElementwise(spec);
    double[] sp = specials();
    for (int n = 0; n <= 40; n++) {
      for (int start = 0; start + n <= sp.length; start += 7) {
        double[] xs = java.util.Arrays.copyOfRange(sp, start, start + n);
        assertBulkEqualsScalar(f, xs, "length " + n);
        assertBulkEqualsScalar(f, inputs(31L * n + start, n), "random length " + n);
      }
    }
  }

  /** Rows of the softmax family against the scalar row algorithm, also in place. */
  @org.junit.jupiter.api.Test
  void softmaxFamilyRowsEqualTheScalarRowsBitForBit() {
    SplittableRandom r = new SplittableRandom(7);
    double[] sp = specials();
    for (int row = 0; row < 20_000; row++) {
      int n = row < 4000 ? row % 41 : 1 + r.nextInt(300);
      double spread = new double[] {1, 10, 300, 2000}[r.nextInt(4)];
      double[] x = new double[n];
      for (int j = 0; j < n; j++) {
        x[j] = r.nextInt(50) == 0 ? sp[r.nextInt(sp.length)] : spread * r.nextGaussian();
      }
      assertRowEqualsScalar(x, new Softmax(), (in, out) -> SoftmaxRows.softmax(in, out, 1.0));
      assertRowEqualsScalar(x, new Softmin(), (in, out) -> SoftmaxRows.softmax(in, out, -1.0));
      assertRowEqualsScalar(x, new LogSoftmax(), (in, out) -> SoftmaxRows.logSoftmax(in, out, 1.0));
    }
  }

  private static void assertRowEqualsScalar(double[] x, RowwiseActivation f,
      java.util.function.BiConsumer<double[], double[]> scalar) {
    double[] want = new double[x.length];
    scalar.accept(x, want);
    double[] out = new double[x.length];
    f.apply(x, out);
    double[] inPlace = x.clone();
    f.apply(inPlace, inPlace);
    for (int j = 0; j < x.length; j++) {
      long w = Double.doubleToLongBits(want[j]);
      if (w != Double.doubleToLongBits(out[j]) || w != Double.doubleToLongBits(inPlace[j])) {
        assertEquals(want[j], out[j], 0.0, f + " entry " + j + " of " + java.util.Arrays.toString(x));
        assertEquals(want[j], inPlace[j], 0.0, f + " in place, entry " + j + " of "
            + java.util.Arrays.toString(x));
        assertEquals(w, Double.doubleToLongBits(out[j]), f + " entry " + j + " (sign of zero)");
        assertEquals(w, Double.doubleToLongBits(inPlace[j]), f + " in place, entry " + j + " (sign of zero)");
      }
    }
  }
}
