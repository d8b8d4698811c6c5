package io.github.sparkactivations.job.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Fixed bins over [lo, hi), the last one closed, with the values outside counted apart. */
class HistogramTest {

  @Test
  void valuesLandInTheirBinsAndTheRestIsCountedApart() {
    Histogram h = new Histogram(0.0, 4.0, 4); // bins [0,1) [1,2) [2,3) [3,4]
    for (double x : new double[] {0.0, 0.5, 1.0, 2.999, 3.0, 4.0, -0.001, 4.001, Double.NaN, Double.NEGATIVE_INFINITY}) {
      h.add(x);
    }
    assertArrayEquals(new long[] {2, 1, 1, 2}, h.counts(), "4.0 falls in the closed last bin");
    assertEquals(2, h.below());
    assertEquals(1, h.above());
    assertEquals(1, h.nan());
    assertEquals(6, h.inRange());
    assertEquals(10, h.total());
    assertEquals(2, h.maxCount());
    assertEquals(0, new Histogram(-1, 1, 3).maxCount());
  }

  @Test
  void partitionsMergeByAddingCounts() {
    Histogram a = new Histogram(0.0, 1.0, 2);
    Histogram b = new Histogram(0.0, 1.0, 2);
    a.add(0.1);
    b.add(0.9);
    b.add(0.8);
    b.add(7.0);
    assertArrayEquals(new long[] {1, 2}, a.merge(b).counts());
    assertEquals(1, a.above());
    assertEquals(2, a.maxCount());
    assertThrows(IllegalArgumentException.class, () -> a.merge(new Histogram(0.0, 1.0, 3)));
    assertThrows(IllegalArgumentException.class, () -> new Histogram(1.0, 1.0, 2));
  }
}
