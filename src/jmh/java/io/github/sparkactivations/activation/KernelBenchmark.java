package io.github.sparkactivations.activation;

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
 * The package-private scalar kernels ({@link FastMath}) against the {@code java.lang.Math} functions they
 * replace, one loop over 4096 doubles per invocation (in the activation package to reach them).
 * Inputs: N(0, 2^2), a typical pre-activation spread that exercises every branch of the kernels.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class KernelBenchmark {

  @Param({"4096"})
  public int n;

  private double[] in;
  private double[] out;

  @Setup
  public void setup() {
    Random r = new Random(42);
    in = new double[n];
    out = new double[n];
    for (int i = 0; i < n; i++) {
      in[i] = 2 * r.nextGaussian();
    }
  }

  @Benchmark
  public double[] tanhKernel() {
    for (int i = 0; i < in.length; i++) out[i] = FastMath.tanh(in[i]);
    return out;
  }

  @Benchmark
  public double[] tanhMath() {
    for (int i = 0; i < in.length; i++) out[i] = Math.tanh(in[i]);
    return out;
  }

  @Benchmark
  public double[] expm1Kernel() {
    for (int i = 0; i < in.length; i++) out[i] = FastMath.expm1(in[i]);
    return out;
  }

  @Benchmark
  public double[] expm1Math() {
    for (int i = 0; i < in.length; i++) out[i] = Math.expm1(in[i]);
    return out;
  }

  @Benchmark
  public double[] expMath() {
    for (int i = 0; i < in.length; i++) out[i] = Math.exp(in[i]);
    return out;
  }

  @Benchmark
  public double[] sigmoidKernel() {
    for (int i = 0; i < in.length; i++) out[i] = FastMath.sigmoid(in[i]);
    return out;
  }

  @Benchmark
  public double[] sigmoidNaive() {
    for (int i = 0; i < in.length; i++) out[i] = 1.0 / (1.0 + Math.exp(-in[i]));
    return out;
  }

  @Benchmark
  public double[] sigmoidBranchy() {
    for (int i = 0; i < in.length; i++) {
      double x = in[i];
      if (x >= 0) {
        out[i] = 1.0 / (1.0 + Math.exp(-x));
      } else {
        double e = Math.exp(x);
        out[i] = e / (1.0 + e);
      }
    }
    return out;
  }
}
