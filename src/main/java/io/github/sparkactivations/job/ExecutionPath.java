package io.github.sparkactivations.job;

/**
 * Which code computed the stages of a run: the Spark-side engine (a UDF, or a Catalyst expression
 * with generated code) and the kernel under it (scalar Java, or vectorized). The job prints it after a
 * run and both reports carry it; {@link #current()} is the one place that decides what to report.
 *
 * @param engine how Spark calls the activation code, e.g. {@code UDF}
 * @param kernels how the activation code loops over a row, e.g. {@code scalar}
 */
public record ExecutionPath(String engine, String kernels) {

  /** The path this build runs: Spark UDFs over scalar kernels. */
  public static ExecutionPath current() {
    return new ExecutionPath("UDF", "scalar");
  }

  /** One line, e.g. {@code UDF, scalar kernels}. */
  public String describe() {
    return engine + ", " + kernels + " kernels";
  }
}
