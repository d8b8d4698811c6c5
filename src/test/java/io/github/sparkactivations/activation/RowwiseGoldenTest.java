package io.github.sparkactivations.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.sparkactivations.activation.reference.RefRowwise;
import io.github.sparkactivations.testing.NumericAssert;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden rows of softmax, log_softmax, softmin and hardmax: the worked rows of docs/activations.md as
 * literals, and every special row (one or two infinities, all -Inf, -Inf among finite, NaN,
 * empty, a 1000-entry row, a spread of +-MAX_VALUE, ties and -0.0/0.0) against {@link RefRowwise}.
 */
class RowwiseGoldenTest {

  private static final double INF = Double.POSITIVE_INFINITY;
  private static final double NAN = Double.NaN;
  private static final double MAX = Double.MAX_VALUE;

  /** The golden rows, the same for each row-wise name (GoldenCoverageTest reads the keys). */
  static final Map<String, List<double[]>> ROWS = new LinkedHashMap<>();

  static {
    List<double[]> rows = new ArrayList<>(List.of(
        new double[] {40, 30, 20}, new double[] {-1000, -1001, -1002}, new double[] {0, -40},
        new double[] {750, -750}, new double[] {1, 2, 3, 4}, new double[] {0, 0, 0}, new double[] {5},
        new double[] {1, INF, 2}, new double[] {INF, 1, INF}, new double[] {-INF, -INF},
        new double[] {-INF, 1, 2}, new double[] {1, -INF, INF}, new double[] {-INF, INF}, new double[] {INF},
        new double[] {1, NAN, 2}, new double[] {NAN, INF}, new double[] {}, new double[] {MAX, -MAX},
        new double[] {1.7e308, -1.7e308, 0}, new double[] {Double.parseDouble("1.8e308"), Double.parseDouble("-1.8e308")} /* = +-Inf: one-hot */, new double[] {-0.0, 0.0},
        new double[] {0.0, -0.0}, new double[] {3, 7, 7, 1}, new double[] {-745, 0}, new double[] {-800, 0, -0.5},
        new double[] {1e-300, -1e-300}, new double[] {-1e10, 1e10, 0}, new double[] {36.7, -36.7},
        new double[] {-0.25, 0.125, 0.5, -2.75, 3.0, 11.5, -7.0}));
    SplittableRandom r = new SplittableRandom(20_260_1000L);
    double[] big = new double[1000];
    for (int i = 0; i < big.length; i++) {
      big[i] = r.nextDouble(-20, 20);
    }
    rows.add(big);
    for (String name : List.of("softmax", "log_softmax", "softmin", "hardmax")) {
      ROWS.put(name, rows);
    }
  }

  /** As docs/activations.md#accuracy, with atol 1e-323 (entries such as e^-745 are subnormal). */
  private static String compareRows(double[] expected, double[] actual) {
    return NumericAssert.mismatch(expected, actual, NumericAssert.RTOL, 1e-323);
  }

  @TestFactory
  Stream<DynamicTest> rowsMatchTheReference() {
    return ROWS.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
      RowwiseActivation a = Activations.parseRowwise(e.getKey());
      assertEquals(e.getKey(), a.name());
      assertEquals(Map.of(), a.params());
      assertEquals(e.getKey(), a.spec());
      List<String> failures = new ArrayList<>();
      for (double[] row : e.getValue()) {
        double[] expected = RefRowwise.apply(e.getKey(), row);
        double[] out = new double[row.length];
        a.apply(row, out);
        String m = compareRows(expected, out);
        if (m != null) {
          failures.add(e.getKey() + shortRow(row) + ": " + m);
        }
        double[] inPlace = row.clone();
        a.applyInPlace(inPlace);
        for (int i = 0; i < row.length; i++) {
          if (Double.doubleToLongBits(inPlace[i]) != Double.doubleToLongBits(out[i])) {
            failures.add(e.getKey() + shortRow(row) + ": applyInPlace differs from apply at " + i);
            break;
          }
        }
      }
      if (!failures.isEmpty()) {
        fail(failures.size() + " mismatching rows:\n" + String.join("\n", failures));
      }
    }));
  }

  private static String shortRow(double[] row) {
    return row.length > 8 ? "[" + row.length + " entries]" : Arrays.toString(row);
  }

  private static double[] apply(String name, double... row) {
    double[] out = new double[row.length];
    Activations.parseRowwise(name).apply(row, out);
    return out;
  }

  private static void assertRow(double[] expected, double[] actual) {
    String m = compareRows(expected, actual);
    if (m != null) {
      fail(m + ": expected " + Arrays.toString(expected) + " but was " + Arrays.toString(actual));
    }
  }

  @Test
  void publishedRowsMatch() {
    assertRow(new double[] {0.9999546000703311, 4.539786860886666e-05, 2.061060046209062e-09},
        apply("softmax", 40, 30, 20));
    assertRow(new double[] {0.6652409557748219, 0.24472847105479764, 0.09003057317038046},
        apply("softmax", -1000, -1001, -1002));
    assertRow(new double[] {-4.248354255291589e-18, -40.0}, apply("log_softmax", 0, -40));
    assertRow(new double[] {0.0, -1500.0}, apply("log_softmax", 750, -750));
    assertRow(new double[] {0.25, 0.25, 0.25, 0.25}, apply("softmax", 0, 0, 0, 0));
    assertRow(new double[] {-1.3862943611198906, -1.3862943611198906, -1.3862943611198906, -1.3862943611198906},
        apply("log_softmax", 0, 0, 0, 0));
    assertRow(new double[] {2.061060046209062e-09, 4.539786860886666e-05, 0.9999546000703311},
        apply("softmin", 40, 30, 20));
  }

  @Test
  void specialRowsFollowC7AndC8() {
    assertRow(new double[] {0, 1, 0}, apply("softmax", 1, INF, 2));
    assertRow(new double[] {-INF, 0, -INF}, apply("log_softmax", 1, INF, 2));
    assertRow(new double[] {NAN, NAN, NAN}, apply("softmax", INF, 1, INF));
    assertRow(new double[] {NAN, NAN, NAN}, apply("log_softmax", INF, 1, INF));
    assertRow(new double[] {NAN, NAN}, apply("softmax", -INF, -INF));
    assertRow(new double[] {NAN, NAN}, apply("log_softmax", -INF, -INF));
    assertRow(new double[] {0, 0.5, 0.5}, apply("softmax", -INF, 0, 0));
    assertRow(new double[] {-INF, -0.6931471805599453, -0.6931471805599453}, apply("log_softmax", -INF, 0, 0));
    assertRow(new double[] {0, 1, 0}, apply("softmin", 1, -INF, 2));
    assertRow(new double[] {NAN, NAN, NAN}, apply("softmin", -INF, 1, -INF));
    assertRow(new double[] {0, 0.5, 0.5}, apply("softmin", INF, 0, 0));
    assertRow(new double[] {NAN, NAN}, apply("softmin", INF, INF));
    assertRow(new double[] {NAN, NAN, NAN}, apply("softmax", 1, NAN, 2));
    assertRow(new double[] {NAN, NAN, NAN}, apply("hardmax", 1, NAN, 9));
    assertRow(new double[] {1, 0}, apply("softmax", MAX, -MAX));
    assertRow(new double[] {0, -INF}, apply("log_softmax", MAX, -MAX));
    assertRow(new double[] {1, 0}, apply("hardmax", -0.0, 0.0));
    assertRow(new double[] {1, 0}, apply("hardmax", 0.0, -0.0));
    assertRow(new double[] {0, 1, 0, 0}, apply("hardmax", 3, 7, 7, 1));
    assertRow(new double[] {1, 0}, apply("hardmax", -INF, -INF));
    assertRow(new double[] {0, 1, 0}, apply("hardmax", -INF, INF, INF));
    for (String name : List.of("softmax", "log_softmax", "softmin", "hardmax")) {
      assertArrayEquals(new double[0], apply(name));
    }
  }

  @Test
  void rejectsShortOutputAndMismatchedBackwardArrays() {
    for (String name : List.of("softmax", "log_softmax", "softmin", "hardmax")) {
      RowwiseActivation a = Activations.parseRowwise(name);
      assertThrows(IllegalArgumentException.class, () -> a.apply(new double[3], new double[2]));
      assertThrows(IllegalArgumentException.class, () -> a.backward(new double[3], new double[2], new double[3]));
      assertThrows(IllegalArgumentException.class, () -> a.backward(new double[3], new double[3], new double[4]));
    }
  }
}
