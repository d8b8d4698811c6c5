package io.github.sparkactivations.bench;

import io.github.sparkactivations.activation.Activations;
import io.github.sparkactivations.activation.ElementwiseActivation;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Bulk {@link ElementwiseActivation#apply(double[], double[])} of every elementwise activation (default
 * parameters) on a dense array of {@code size} doubles, against a plain loop of the textbook
 * {@code java.lang.Math} formula ({@link Naive}) in the same run. Inputs: N(0, 2^2), seed 42, so that
 * every branch (both signs, the saturated tails, the small-|x| polynomials) is exercised as in real
 * pre-activations.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ElementwiseBenchmark {

  @Param({
    "binary_step", "bipolar_step", "sigmoid", "bipolar_sigmoid", "tanh", "relu", "leaky_relu", "prelu",
    "elu", "selu", "celu", "hard_sigmoid", "hard_sigmoid_pytorch", "hard_swish", "gelu",
    "gelu(approximate=tanh)", "mish", "swish", "silu", "softplus", "softsign", "thresholded_relu", "relu6",
    "hardtanh", "log_sigmoid", "tanhshrink", "softshrink", "hardshrink", "shrink"
  })
  public String fn;

  @Param({"64", "4096"})
  public int size;

  private ElementwiseActivation f;
  private double[] in;
  private double[] out;

  @Setup
  public void setup() {
    f = Activations.parseElementwise(fn);
    in = Inputs.gaussian(size, 2.0, 42);
    out = new double[size];
  }

  @Benchmark
  public double[] bulk() {
    f.apply(in, out);
    return out;
  }

  @Benchmark
  public double[] naive() {
    Naive.apply(fn, in, out);
    return out;
  }

  /** Shared input generation. */
  static final class Inputs {
    private Inputs() {}

    static double[] gaussian(int n, double sigma, long seed) {
      Random r = new Random(seed);
      double[] xs = new double[n];
      for (int i = 0; i < n; i++) {
        xs[i] = sigma * r.nextGaussian();
      }
      return xs;
    }
  }
}
