package io.github.sparkactivations.activation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sparkactivations.activation.reference.RefRowwise;
import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * backward() of softmax, softmin and log_softmax where one probability dominates (y_k close to 1): the gradient of
 * that entry is u_k·y_k(1 − y_k) − y_k·Σ_{j≠k} u_j y_j, and computing 1 − y_k from the rounded y_k
 * loses its digits (1.0e-12 relative at [0, −8.85] before the fix). Every entry is checked against
 * Σ_i u_i J_ij with the Jacobian evaluated in 50-digit BigDecimal ({@link RefRowwise#jacobian}).
 */
class SoftmaxBackwardAccuracyTest {

  private static final double[][] ROWS = {
    {0.0, -8.85},
    {3.0, -20.0, -25.0},
    {-1.0, -1.0 - 30.0, 5.0, -40.0},
    {700.0, 650.0, 699.0 - 35.0},
    {0.0, -0.5, -36.0, -36.5},
  };

  private static final double[][] UPSTREAM = {
    {1.0, 0.0},
    {0.25, -3.0, 2.0},
    {1.5, -0.5, 0.75, 4.0},
    {-2.0, 1.0, 3.0},
    {1.0, 0.0, -1.0, 2.0},
  };

  @ParameterizedTest
  @ValueSource(strings = {"softmax", "softmin", "log_softmax"})
  void everyEntryOfTheGradientIsWithin1e13OfTheExactProduct(String name) {
    RowwiseActivation f = (RowwiseActivation) Activations.parse(name);
    MathContext mc = new MathContext(40);
    for (int r = 0; r < ROWS.length; r++) {
      double[] x = ROWS[r].clone();
      if (name.equals("softmin")) {
        for (int i = 0; i < x.length; i++) {
          x[i] = -x[i]; // the same dominant entry for softmin
        }
      }
      double[] u = UPSTREAM[r];
      double[] got = new double[x.length];
      f.backward(x, u, got);
      BigDecimal[][] j = RefRowwise.jacobian(name, x);
      for (int c = 0; c < x.length; c++) {
        BigDecimal want = BigDecimal.ZERO;
        for (int i = 0; i < x.length; i++) {
          want = want.add(new BigDecimal(u[i]).multiply(j[i][c], mc), mc);
        }
        double w = want.doubleValue();
        double rel = w == 0 ? Math.abs(got[c])
            : new BigDecimal(got[c]).subtract(want).abs().divide(want.abs(), mc).doubleValue();
        int row = r;
        int col = c;
        assertTrue(rel <= 1e-13, () -> name + " backward of row " + row + " entry " + col + ": got " + got[col]
            + ", want " + w + " (relative error " + rel + ")");
      }
    }
  }
}
