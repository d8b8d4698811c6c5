package io.github.sparkactivations.activation;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which kernels run the bulk methods ({@code apply(double[], double[])}, {@code applyInPlace}) of the
 * exp-bound activations in this JVM: the JDK Vector API loops, or the scalar loops. Chosen once, when
 * this class is initialised, and never changed.
 *
 * <p>The vector path is taken when all of these hold: the module {@code jdk.incubator.vector} is in
 * the JVM (it is only with the JVM flag {@code --add-modules=jdk.incubator.vector}; under spark-submit
 * set it in {@code spark.driver.extraJavaOptions} and {@code spark.executor.extraJavaOptions}); the
 * system property {@value #PROPERTY} is absent or {@code auto}; the JIT's optimising compiler is not
 * switched off ({@code -Xint}, {@code -XX:TieredStopAtLevel} below 4, {@code -XX:-UseFMA},
 * {@code -XX:UseAVX=0} or {@code 1}: vector code then runs boxed, far slower than scalar); and the
 * preferred vector shape holds at least four doubles (256-bit: AVX2, AVX-512, SVE-256; 128-bit vectors
 * such as NEON are not measured and keep the scalar path). Otherwise the scalar path. The lane count is
 * the hardware's ({@code DoubleVector.SPECIES_PREFERRED}: 4 on AVX2, 8 on AVX-512), picked at run time.
 *
 * <p>Both paths give bit for bit the same results (the vector loops evaluate the same polynomials in
 * the same order, with a fused multiply-add exactly where the scalar kernels use one, and leave NaN,
 * infinities and the overflow and subnormal ranges to the scalar kernels), so the choice changes speed
 * only. The scalar {@code value(x)} methods are always scalar.
 */
public final class KernelPath {

  /**
   * System property that forces the scalar path: {@code -Dsparkactivations.kernels=scalar}; the
   * default, {@code auto}, takes the vector path where it can. Any other value is refused when this
   * class is initialised (an {@link IllegalArgumentException} naming the property, the value and the
   * two choices, inside an {@link ExceptionInInitializerError}), rather than silently ignored.
   */
  public static final String PROPERTY = "sparkactivations.kernels";

  static final BulkPath PATH = select(System.getProperty(PROPERTY, "auto"));

  private KernelPath() {}

  /**
   * The path in use, for logs and reports: {@code "vector API, 4 lanes (256-bit)"}, or
   * {@code "scalar"} followed by the reason, e.g.
   * {@code "scalar (jdk.incubator.vector not in the JVM; --add-modules=jdk.incubator.vector turns it on)"}.
   */
  public static String describe() {
    return PATH.describe();
  }

  /** True iff the bulk methods run on the JDK Vector API. */
  public static boolean vectorized() {
    return PATH.lanes() > 1;
  }

  /** Doubles per vector on the vector path (4 or 8 on common hardware); 1 on the scalar path. */
  public static int lanes() {
    return PATH.lanes();
  }

  /** The choice described above, for a given value of {@value #PROPERTY}. */
  static BulkPath select(String mode) {
    String m = mode.trim().toLowerCase(Locale.ROOT);
    if (m.equals("scalar")) {
      return scalar("forced by -D" + PROPERTY + "=scalar");
    }
    if (!m.equals("auto")) {
      throw new IllegalArgumentException(
          "system property " + PROPERTY + " must be auto or scalar but was '" + mode + "'");
    }
    Optional<Module> vector = Optional.ofNullable(KernelPath.class.getModule().getLayer())
        .orElse(ModuleLayer.boot())
        .findModule("jdk.incubator.vector");
    if (vector.isEmpty()) {
      return scalar("jdk.incubator.vector not in the JVM; --add-modules=jdk.incubator.vector turns it on");
    }
    if (!optimisingJit()) {
      return scalar("the JIT's optimising compiler or its FMA/AVX instructions are off "
          + "(-Xint, -XX:TieredStopAtLevel < 4, -XX:-UseFMA, -XX:UseAVX=0 or 1)");
    }
    KernelPath.class.getModule().addReads(vector.get());
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      Class<?> cls = lookup.findClass(KernelPath.class.getPackageName() + ".VectorPath");
      return (BulkPath) lookup.findConstructor(cls, MethodType.methodType(void.class)).invoke();
    } catch (UnsupportedOperationException e) {
      return scalar(e.getMessage());
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new LinkageError("cannot load the vector kernels", e);
    }
  }

  /**
   * False if the JVM was started without C2 (interpreter only or C1 only) or without the instructions
   * the vector code is compiled to (fused multiply-add, AVX): vector code then runs boxed.
   */
  private static boolean optimisingJit() {
    try {
      List<String> args = ManagementFactory.getRuntimeMXBean().getInputArguments();
      for (String a : args) {
        if (a.equals("-Xint") || a.matches("-XX:TieredStopAtLevel=[0-3]") || a.equals("-XX:-UseFMA")
            || a.matches("-XX:UseAVX=[01]")) {
          return false;
        }
      }
      return true;
    } catch (RuntimeException | LinkageError e) { // no java.management module: assume the default JIT
      return true;
    }
  }

  private static BulkPath scalar(String reason) {
    return new ScalarPath(reason);
  }
}
