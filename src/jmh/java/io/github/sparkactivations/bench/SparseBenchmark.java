package io.github.sparkactivations.bench;

import io.github.sparkactivations.activation.Activations;
import io.github.sparkactivations.activation.ElementwiseActivation;
import java.util.Arrays;
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
 * Every elementwise activation on one sparse vector of {@code size} entries at 1% density (N(0, 2^2)
 * values at random distinct sorted indices). The library path is what the Spark stage does: when
 * f(0) == 0, {@code apply} on the stored values only (the vector stays sparse); otherwise
 * {@code applySparseToDense}. The baseline is what a hand-written UDF does: map the stored values with
 * the textbook formula when that keeps zeros, otherwise densify ({@code toArray}) and map all entries.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class SparseBenchmark {

  @Param({
    "binary_step", "bipolar_step", "sigmoid", "bipolar_sigmoid", "tanh", "relu", "leaky_relu", "prelu",
    "elu", "selu", "celu", "hard_sigmoid", "hard_sigmoid_pytorch", "hard_swish", "gelu",
    "gelu(approximate=tanh)", "mish", "swish", "silu", "softplus", "softsign", "thresholded_relu", "relu6",
    "hardtanh", "log_sigmoid", "tanhshrink", "softshrink", "hardshrink", "shrink"
  })
  public String fn;

  @Param({"4096"})
  public int size;

  private ElementwiseActivation f;
  private boolean sparseOut;
  private int[] indices;
  private double[] values;
  private double[] outValues;
  private double[] dense;
  private double[] denseOut;

  @Setup
  public void setup() {
    f = Activations.parseElementwise(fn);
    sparseOut = f.preservesZero();
    int nnz = Math.max(1, size / 100);
    Random r = new Random(7);
    indices = r.ints(0, size).distinct().limit(nnz).sorted().toArray();
    values = ElementwiseBenchmark.Inputs.gaussian(nnz, 2.0, 42);
    outValues = new double[nnz];
    dense = new double[size];
    denseOut = new double[size];
  }

  @Benchmark
  public double[] bulk() {
    if (sparseOut) {
      f.apply(values, outValues);
      return outValues;
    }
    f.applySparseToDense(size, indices, values, values.length, denseOut, false);
    return denseOut;
  }

  @Benchmark
  public double[] naive() {
    if (sparseOut) {
      Naive.apply(fn, values, outValues);
      return outValues;
    }
    Arrays.fill(dense, 0.0);
    for (int k = 0; k < indices.length; k++) {
      dense[indices[k]] = values[k];
    }
    Naive.apply(fn, dense, denseOut);
    return denseOut;
  }
}
