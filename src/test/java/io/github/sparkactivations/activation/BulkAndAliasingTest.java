package io.github.sparkactivations.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The array methods against the scalar ones: bulk {@code apply}/{@code derivative} (some classes override
 * them with their own loops) must give bit-identical results to {@code value}/{@code derivative} per entry,
 * in place or not; the sparse-to-dense path must equal the dense computation; row-wise kernels must give
 * the same result whichever arrays alias; length mismatches are rejected.
 */
class BulkAndAliasingTest {

  private static final double[] INPUTS = {Double.NaN, Double.NEGATIVE_INFINITY, -Double.MAX_VALUE, -1e300, -800,
      -745.5, -700, -40, -6, -3, -2.5, -1.5, -1, -0.75, -0.5, -0.25, -1e-5, -1e-300, -Double.MIN_VALUE, -0.0, 0.0,
      Double.MIN_VALUE, 1e-300, 1e-8, 0.05, 0.2, 0.5, 1, 1.5, 3, 6, 19.5, 36.8, 40, 709, 710, 1e10, 1e300,
      Double.MAX_VALUE, Double.POSITIVE_INFINITY};

  private static Stream<String> elementwiseSpecs() {
    return Stream.concat(Activations.elementwiseNames().stream(), Stream.of("leaky_relu(alpha=0)",
        "leaky_relu(alpha=-0.5)", "elu(alpha=0.5)", "sigmoid(lambda=2.5)", "gelu(approximate=tanh)",
        "swish(alpha=0)", "swish(alpha=-1)", "hard_sigmoid(alpha=0)", "softplus(beta=0.01)",
        "softplus(beta=1e300)", "softplus(beta=4.9e-324)", "shrink(lambd=1.0, bias=-0.75)",
        "shrink(lambd=0.0, bias=0.25)", "hardshrink(lambd=0.0)", "thresholded_relu(alpha=-2.0)"));
  }

  /**
   * The bits of d, every NaN as the canonical one: the sign and payload of a NaN result are not
   * stable under the JIT (C2 may fold -(λx) into (-λ)x, which flips the sign of a NaN), and no
   * contract gives them meaning.
   */
  private static long bits(double d) {
    return Double.doubleToLongBits(d);
  }

  @ParameterizedTest
  @MethodSource("elementwiseSpecs")
  void bulkMethodsMatchTheScalarOnesBitForBit(String spec) {
    ElementwiseActivation f = Activations.parseElementwise(spec);
    int n = INPUTS.length;
    double[] values = new double[n + 2]; // out may be longer than in
    double[] derivatives = new double[n];
    f.apply(INPUTS, values);
    f.derivative(INPUTS, derivatives);
    double[] inPlace = INPUTS.clone();
    f.applyInPlace(inPlace);
    double[] dInPlace = INPUTS.clone();
    f.derivativeInPlace(dInPlace);
    for (int i = 0; i < n; i++) {
      double x = INPUTS[i];
      String at = spec + " at x=" + x;
      assertEquals(bits(f.value(x)), bits(values[i]), at);
      assertEquals(bits(f.value(x)), bits(inPlace[i]), at);
      assertEquals(bits(f.derivative(x)), bits(derivatives[i]), at);
      assertEquals(bits(f.derivative(x)), bits(dInPlace[i]), at);
    }
    assertEquals(0.0, values[n]);
    assertTrue(Double.isNaN(f.value(Double.NaN)) && Double.isNaN(f.derivative(Double.NaN)), spec + ": NaN in, NaN out");
  }

  @ParameterizedTest
  @MethodSource("elementwiseSpecs")
  void sparseToDenseEqualsTheDenseComputation(String spec) {
    ElementwiseActivation f = Activations.parseElementwise(spec);
    int size = 9;
    int[] indices = {0, 3, 4, 8};
    double[] stored = {-2.0, Double.NaN, 0.5, 7.0};
    double[] dense = new double[size];
    for (int k = 0; k < indices.length; k++) {
      dense[indices[k]] = stored[k];
    }
    for (boolean derivative : new boolean[] {false, true}) {
      double[] expected = new double[size];
      if (derivative) {
        f.derivative(dense, expected);
      } else {
        f.apply(dense, expected);
      }
      double[] out = new double[size];
      Arrays.fill(out, 123.0);
      f.applySparseToDense(size, indices, stored, indices.length, out, derivative);
      for (int i = 0; i < size; i++) {
        assertEquals(bits(expected[i]), bits(out[i]), spec + (derivative ? "'" : "") + " at index " + i);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("elementwiseSpecs")
  void shortOutputArraysAreRejected(String spec) {
    ElementwiseActivation f = Activations.parseElementwise(spec);
    assertThrows(IllegalArgumentException.class, () -> f.apply(new double[3], new double[2]));
    assertThrows(IllegalArgumentException.class, () -> f.derivative(new double[3], new double[2]));
    assertThrows(IllegalArgumentException.class,
        () -> f.applySparseToDense(4, new int[] {5}, new double[] {1}, 1, new double[4], false));
  }

  private static Stream<double[]> rows() {
    double inf = Double.POSITIVE_INFINITY;
    return Stream.of(new double[] {}, new double[] {0.0}, new double[] {3, -1, 0.5, -0.0, 2},
        new double[] {1000, 1000, -1000}, new double[] {-inf, 1, 2}, new double[] {1, inf, 2},
        new double[] {-inf, -inf}, new double[] {1, Double.NaN, 2}, new double[] {inf, inf, 0});
  }

  @ParameterizedTest
  @MethodSource("rows")
  void rowwiseResultsDoNotDependOnAliasing(double[] row) {
    double[] upstream = new double[row.length];
    for (int i = 0; i < row.length; i++) {
      upstream[i] = 0.25 * i - 0.4;
    }
    for (String name : Activations.rowwiseNames()) {
      RowwiseActivation f = Activations.parseRowwise(name);
      double[] expected = new double[row.length];
      f.apply(row, expected);
      double[] inPlace = row.clone();
      f.applyInPlace(inPlace);
      assertArrayEquals(expected, inPlace, name);

      double[] grad = new double[row.length];
      f.backward(row, upstream, grad);
      double[] aliasIn = row.clone();
      f.backward(aliasIn, upstream, aliasIn);
      assertArrayEquals(grad, aliasIn, name + " backward with out == in");
      double[] aliasUp = upstream.clone();
      f.backward(row, aliasUp, aliasUp);
      assertArrayEquals(grad, aliasUp, name + " backward with out == upstream");
    }
  }

  @ParameterizedTest
  @MethodSource("rows")
  void rowwiseLengthMismatchesAreRejected(double[] row) {
    for (String name : Activations.rowwiseNames()) {
      RowwiseActivation f = Activations.parseRowwise(name);
      int n = row.length;
      if (n > 0) {
        assertThrows(IllegalArgumentException.class, () -> f.apply(row, new double[n - 1]), name);
      }
      assertThrows(IllegalArgumentException.class, () -> f.backward(row, new double[n + 1], new double[n]), name);
      assertThrows(IllegalArgumentException.class, () -> f.backward(row, new double[n], new double[n + 1]), name);
    }
  }
}
