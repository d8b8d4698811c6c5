package io.github.sparkactivations.job;

import io.github.sparkactivations.activation.KernelPath;
import io.github.sparkactivations.internal.codegen.Execution;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Which code computed the stages of a run: the Spark-side engine (a Catalyst expression in whole-stage
 * generated code, or a UDF; see {@link Execution}) and the kernels under it (the JDK Vector API or
 * scalar Java; see {@link KernelPath}). The job prints it after a run and both reports carry it;
 * {@link #of(SparkSession)} is the one place that decides what to report.
 *
 * @param engine how Spark calls the activation code: {@code native (whole-stage codegen)} or {@code UDF}
 * @param kernels the kernel paths the executors' JVMs took, e.g. {@code vector API, 4 lanes (256-bit)};
 *     several, separated by {@code " | "}, if executors differ (each JVM decides for itself)
 */
public record ExecutionPath(String engine, String kernels) {

  /**
   * The path of the stages run in {@code spark}'s current session: the engine as {@link Execution}
   * decides it on the driver, the kernels as reported by one small task per default-parallelism slot on
   * the executors (the driver's own choice says nothing about an executor started with other JVM flags).
   */
  public static ExecutionPath of(SparkSession spark) {
    String engine = Execution.useNative() ? "native (whole-stage codegen)" : "UDF";
    int slots = Math.max(1, spark.sparkContext().defaultParallelism());
    List<Integer> ids = IntStream.range(0, slots).boxed().toList();
    List<String> seen = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .parallelize(ids, slots)
        .map(i -> KernelPath.describe())
        .collect();
    return new ExecutionPath(engine, String.join(" | ", new TreeSet<>(seen)));
  }

  /** One line, e.g. {@code native (whole-stage codegen); kernels: vector API, 4 lanes (256-bit)}. */
  public String describe() {
    return engine + "; kernels: " + kernels;
  }
}
