package io.github.sparkactivations.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The kernel path choice. The build runs the tests twice, once with {@code jdk.incubator.vector} in
 * the JVM and once without, and tells each run which path it must see
 * ({@code -Dsparkactivations.test.expectKernelPath}), so a build whose vector run silently fell back
 * to scalar (flag lost, class failing to load) fails here.
 */
class KernelPathTest {

  private static boolean vectorModulePresent() {
    return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
  }

  @Test
  void theBuildGetsThePathItAskedFor() {
    String expected = System.getProperty("sparkactivations.test.expectKernelPath", "");
    String d = KernelPath.describe();
    if (expected.equals("vector")) {
      assertTrue(KernelPath.vectorized(), d);
      assertTrue(KernelPath.lanes() >= 2, d);
      assertTrue(d.matches("vector API, \\d+ lanes \\(\\d+-bit\\)"), d);
      assertEquals(KernelPath.lanes() * 64 + "-bit)", d.substring(d.indexOf('(') + 1));
    } else if (expected.equals("scalar")) {
      assertFalse(KernelPath.vectorized(), d);
      assertEquals(1, KernelPath.lanes());
      assertTrue(d.startsWith("scalar ("), d);
    }
    System.out.println("kernel path: " + d);
  }

  @Test
  void scalarCanBeForced() {
    BulkPath k = KernelPath.select(" Scalar ");
    assertEquals(1, k.lanes());
    assertEquals("scalar (forced by -Dsparkactivations.kernels=scalar)", k.describe());
  }

  @Test
  void autoTakesTheVectorPathExactlyWhenTheModuleIsPresent() {
    BulkPath k = KernelPath.select("auto");
    assertEquals(vectorModulePresent(), k.lanes() > 1, k.describe());
    if (!vectorModulePresent()) {
      assertEquals("scalar (jdk.incubator.vector not in the JVM; --add-modules=jdk.incubator.vector turns it on)",
          k.describe());
    }
  }

  @Test
  void anUnknownModeIsRefusedNamingThePropertyAndTheChoices() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KernelPath.select("simd"));
    assertEquals("system property sparkactivations.kernels must be auto or scalar but was 'simd'", e.getMessage());
  }
}
