package io.github.sparkactivations.bench;

import io.github.sparkactivations.activation.Activations;
import io.github.sparkactivations.activation.RowwiseActivation;
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
 * The row-wise activations on one row of {@code size} N(0, 2^2) doubles, against the careful
 * hand-written max-shifted loop ({@link Naive#applyRow}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RowwiseBenchmark {

  @Param({"softmax", "log_softmax", "softmin", "hardmax"})
  public String fn;

  @Param({"64", "4096"})
  public int size;

  private RowwiseActivation f;
  private double[] in;
  private double[] out;

  @Setup
  public void setup() {
    f = Activations.parseRowwise(fn);
    in = ElementwiseBenchmark.Inputs.gaussian(size, 2.0, 42);
    out = new double[size];
  }

  @Benchmark
  public double[] bulk() {
    f.apply(in, out);
    return out;
  }

  @Benchmark
  public double[] naive() {
    Naive.applyRow(fn, in, out);
    return out;
  }
}
