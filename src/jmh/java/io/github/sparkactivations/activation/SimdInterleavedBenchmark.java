package io.github.sparkactivations.activation;

import java.util.Locale;
import java.util.Random;

/**
 * SIMD against scalar kernels on a shared, loaded machine: in one JVM, the bulk loop of one activation
 * on the kernel path this JVM chose ({@link KernelPath}; run with
 * {@code --add-modules=jdk.incubator.vector} for the vector path) and on the scalar loops are timed
 * alternately, many rounds, on the same N(0, 2^2) input; the minimum ns per element of each (after a
 * warm-up quarter) estimates its undisturbed speed, and a load burst hits both. Prints one Markdown
 * row per activation with the lane count. Arguments: activation specs (separated by ;), array size
 * (4096), rounds (400). See {@code bench/simd-interleaved.sh}.
 */
public final class SimdInterleavedBenchmark {

  private SimdInterleavedBenchmark() {}

  public static void main(String[] args) {
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 4096;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 400;
    Random r = new Random(42);
    double[] in = new double[n];
    for (int i = 0; i < n; i++) {
      in[i] = 2 * r.nextGaussian();
    }
    double[] out = new double[n];
    BulkPath fast = KernelPath.PATH;
    BulkPath scalar = ScalarPath.INSTANCE;
    System.out.println("kernel path: " + fast.describe());
    System.out.println("| function | size | scalar ns/element | path ns/element | speed-up |");
    System.out.println("|---|---:|---:|---:|---:|");
    for (String fn : args[0].split(";")) {
      Activation a = Activations.parse(fn);
      int inner = Math.max(1, 100_000 / n);
      double bestFast = Double.MAX_VALUE;
      double bestScalar = Double.MAX_VALUE;
      double sink = 0;
      for (int k = 0; k < rounds; k++) {
        long t0 = System.nanoTime();
        for (int j = 0; j < inner; j++) {
          BulkCalls.run(a, fast, in, out);
        }
        long t1 = System.nanoTime();
        for (int j = 0; j < inner; j++) {
          BulkCalls.run(a, scalar, in, out);
        }
        long t2 = System.nanoTime();
        sink += out[n / 2];
        if (k >= rounds / 4) {
          bestFast = Math.min(bestFast, (t1 - t0) / (double) inner / n);
          bestScalar = Math.min(bestScalar, (t2 - t1) / (double) inner / n);
        }
      }
      System.out.printf(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.2fx |%s%n", fn, n, bestScalar, bestFast,
          bestScalar / bestFast, sink == 12345.678 ? " " : "");
    }
  }
}
