package io.github.sparkactivations.activation;

import org.junit.jupiter.api.Test;

/**
 * The erfc behind the exact GELU (W. J. Cody's rational Chebyshev approximation) against reference
 * values computed with mpmath at 40 significant digits for the exact double argument
 * ({@code mpmath.erfc(mpf(float(x)))}), shown here to 25 digits. The points straddle every interval
 * boundary of Cody's scheme (0.46875, 4) and reach the deep tail where erfc approaches the smallest
 * normal double.
 */
class ErfcAccuracyTest {

  private static final double[][] REFERENCE = {
      {-6.0, 1.999999999999999978480263},
      {-3.5, 1.999999256901627658587254},
      {-1.0, 1.842700792949714869341221},
      {-0.5, 1.520499877813046537682747},
      {-0.46875, 1.492613473217937991588176},
      {-0.2, 1.222702589210478466176453},
      {-1e-10, 1.000000000112837916709551},
      {0.0, 1.0},
      {1e-300, 1.0},
      {1e-10, 9.999999998871620832904487e-1},
      {0.1, 8.875370839817151015952877e-1},
      {0.46875, 5.073865267820620084118239e-1},
      {0.47, 5.062549491139178875897814e-1},
      {0.5, 4.795001221869534623172533e-1},
      {0.75, 2.888443663464848684010622e-1},
      {1.0, 1.572992070502851306587794e-1},
      {1.5, 3.389485352468927293302374e-2},
      {2.0, 4.677734981047265837930744e-3},
      {3.0, 2.209049699858544137277613e-5},
      {3.99, 1.673921136452081405727527e-8},
      {4.0, 1.541725790028001885215967e-8},
      {4.01, 1.419693942137105117302647e-8},
      {5.0, 1.537459794428034850188343e-12},
      {6.0, 2.151973671249891311659335e-17},
      {8.0, 1.122429717298292707996789e-29},
      {10.0, 2.088487583762544757000786e-45},
      {15.0, 7.212994172451206666565067e-100},
      {20.0, 5.395865611607900928934999e-176},
      {25.0, 8.300172571196522752044013e-274},
      {26.0, 5.663192408856142846475728e-296},
      {26.5, 2.210907664263734275929239e-307},
  };

  @Test
  void erfcIsWithinFourUlpOfTheReferenceEverywhere() {
    for (double[] row : REFERENCE) {
      double x = row[0];
      double expected = row[1];
      double actual = Numerics.erfc(x);
      double ulps = Math.abs(actual - expected) / Math.ulp(expected);
      if (!(ulps <= 4)) {
        throw new AssertionError("erfc(" + x + ") = " + actual + " but the reference is " + expected + " ("
            + ulps + " ulp)");
      }
    }
  }

  @Test
  void erfcSpecialValues() {
    org.junit.jupiter.api.Assertions.assertEquals(2.0, Numerics.erfc(Double.NEGATIVE_INFINITY));
    org.junit.jupiter.api.Assertions.assertEquals(0.0, Numerics.erfc(Double.POSITIVE_INFINITY));
    org.junit.jupiter.api.Assertions.assertEquals(0.0, Numerics.erfc(40.0));
    org.junit.jupiter.api.Assertions.assertEquals(2.0, Numerics.erfc(-40.0));
    org.junit.jupiter.api.Assertions.assertTrue(Double.isNaN(Numerics.erfc(Double.NaN)));
  }
}
