package io.github.sparkactivations.bench;

import io.github.sparkactivations.activation.Activation;
import io.github.sparkactivations.activation.Activations;
import io.github.sparkactivations.activation.ElementwiseActivation;
import io.github.sparkactivations.activation.RowwiseActivation;
import java.util.Locale;

/**
 * A load-tolerant companion of the JMH benchmarks for a shared machine: in one JVM, the library's bulk
 * path and the naive {@code java.lang.Math} loop ({@link Naive}) of one activation are timed
 * alternately, many times, on the same N(0, 2^2) input; the minimum time of each (after a warm-up
 * quarter) estimates its undisturbed speed, and because the two alternate, a load burst hits both.
 * Run one activation per JVM (as JMH forks do), e.g. {@code bench/core-interleaved.sh}.
 *
 * <p>Arguments: activation spec, array size (4096), rounds (400).
 */
public final class InterleavedCoreBenchmark {

  private InterleavedCoreBenchmark() {}

  public static void main(String[] args) {
    String fn = args[0];
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 4096;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 400;
    Activation a = Activations.parse(fn);
    double[] in = ElementwiseBenchmark.Inputs.gaussian(n, 2.0, 42);
    double[] out = new double[n];
    int inner = Math.max(1, 100_000 / n);
    double bestLib = Double.MAX_VALUE;
    double bestNaive = Double.MAX_VALUE;
    double sink = 0;
    for (int r = 0; r < rounds; r++) {
      long t0 = System.nanoTime();
      for (int k = 0; k < inner; k++) {
        if (a instanceof ElementwiseActivation e) {
          e.apply(in, out);
        } else {
          ((RowwiseActivation) a).apply(in, out);
        }
      }
      long t1 = System.nanoTime();
      for (int k = 0; k < inner; k++) {
        if (a instanceof ElementwiseActivation) {
          Naive.apply(fn, in, out);
        } else {
          Naive.applyRow(fn, in, out);
        }
      }
      long t2 = System.nanoTime();
      sink += out[n / 2];
      if (r >= rounds / 4) {
        bestLib = Math.min(bestLib, (t1 - t0) / (double) inner / n);
        bestNaive = Math.min(bestNaive, (t2 - t1) / (double) inner / n);
      }
    }
    System.out.printf(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2fx |%s%n", fn, n, bestLib, bestNaive,
        bestNaive / bestLib, sink == 12345.678 ? " " : "");
  }
}
