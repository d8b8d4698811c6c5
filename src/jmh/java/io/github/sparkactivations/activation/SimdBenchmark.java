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
 * SIMD against scalar kernels in one JVM: the bulk loop of each exp-bound activation on the path the
 * fork chose ({@code simd}: the JDK Vector API, the fork runs with
 * {@code --add-modules=jdk.incubator.vector}) and on the scalar loops ({@code scalar}), over the same
 * N(0, 2²) input (rows of 64 for the softmax family are the whole array). The fork prints the path and
 * its lane count ({@link KernelPath#describe()}). On a loaded machine prefer
 * {@code bench/simd-interleaved.sh}, which alternates the two.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "--add-modules=jdk.incubator.vector"})
public class SimdBenchmark {

  @Param({"sigmoid", "bipolar_sigmoid", "tanh", "elu", "selu", "celu", "gelu", "gelu(approximate=tanh)",
      "silu", "swish", "softplus", "log_sigmoid", "mish", "softmax", "log_softmax", "softmin"})
  public String fn;

  @Param({"4096"})
  public int n;

  private Activation activation;
  private double[] in;
  private double[] out;

  @Setup
  public void setup() {
    activation = Activations.parse(fn);
    Random r = new Random(42);
    in = new double[n];
    out = new double[n];
    for (int i = 0; i < n; i++) {
      in[i] = 2 * r.nextGaussian();
    }
    System.out.println("kernel path: " + KernelPath.describe());
  }

  @Benchmark
  public double[] simd() {
    BulkCalls.run(activation, KernelPath.PATH, in, out);
    return out;
  }

  @Benchmark
  public double[] scalar() {
    BulkCalls.run(activation, ScalarPath.INSTANCE, in, out);
    return out;
  }
}
