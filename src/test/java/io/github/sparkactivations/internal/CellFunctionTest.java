package io.github.sparkactivations.internal;

import static io.github.sparkactivations.testing.NumericAssert.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.github.sparkactivations.activation.Activations;
import org.apache.spark.ml.linalg.SparseVector;
import org.junit.jupiter.api.Test;

/** The row-wise kernel's temperature handling, without Spark; expected values in closed form. */
class CellFunctionTest {

  private static double[] rowwise(String name, double t, double... x) {
    return new CellFunction.Rowwise(Activations.parseRowwise(name), t).dense(x);
  }

  @Test
  void tinyTemperaturesGiveTheLimitForEveryRowwiseFunction() {
    double min = Double.MIN_VALUE;
    assertArrayEquals(new double[] {0.0, 1.0}, rowwise("softmax", min, 0.1, 0.2));
    assertArrayEquals(new double[] {0.5, 0.5}, rowwise("softmax", 1e-300, 7.0, 7.0));
    assertArrayEquals(new double[] {1.0, 0.0}, rowwise("softmin", min, 0.1, 0.2));
    assertArrayEquals(new double[] {0.0, 1.0, 0.0}, rowwise("hardmax", min, 0.1, 0.2, 0.15));
    assertArrayEquals(new double[] {Double.NEGATIVE_INFINITY, 0.0}, rowwise("log_softmax", min, 0.1, 0.2));
    // an infinite or NaN row does not depend on t
    assertArrayEquals(new double[] {0.0, 1.0, 0.0}, rowwise("softmax", 1e-300, 5.0, Double.POSITIVE_INFINITY, 1e300));
    double[] nan = rowwise("softmax", 1e-300, 5.0, Double.NaN);
    assertArrayEquals(new double[] {Double.NaN, Double.NaN}, nan);
  }

  @Test
  void ordinaryTemperaturesMatchTheClosedForm() {
    // softmin(x / 0.5) = softmax(-2x): [-2, -4, -6] shifted by -2
    double z = 1 + Math.exp(-2) + Math.exp(-4);
    assertClose(new double[] {1 / z, Math.exp(-2) / z, Math.exp(-4) / z}, rowwise("softmin", 0.5, 1, 2, 3), "softmin");
    // softmax(x / 0.3) of [1, 1.3]: [10/3, 13/3], a difference of 1
    double e = Math.exp(-(1.3 - 1.0) / 0.3);
    assertClose(new double[] {e / (1 + e), 1 / (1 + e)}, rowwise("softmax", 0.3, 1.0, 1.3), "softmax T=0.3");
    // sparse: the implicit zeros take part in the max (here 0 > -1)
    SparseVector v = new SparseVector(3, new int[] {2}, new double[] {-1.0});
    double[] p = new CellFunction.Rowwise(Activations.parseRowwise("softmax"), 0.25).sparse(v).toArray();
    double f = Math.exp(-4.0);
    assertClose(new double[] {1 / (2 + f), 1 / (2 + f), f / (2 + f)}, p, "sparse T=0.25");
  }
}
