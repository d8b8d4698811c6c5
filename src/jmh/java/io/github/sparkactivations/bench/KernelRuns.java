package io.github.sparkactivations.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs {@link SparkStageBenchmark} once per kernel path of the core, each in its own JVM (the core picks
 * its bulk kernels once per JVM): {@code scalar} ({@code -Dsparkactivations.kernels=scalar}) and
 * {@code simd} ({@code --add-modules=jdk.incubator.vector}), then prints the stages side by side: UDF
 * and native execution on each kernel path, each as the median ratio to the identity UDF of its own
 * JVM's rounds. {@code -Dbench.kernels=scalar} or {@code simd} runs one path in this JVM instead.
 */
final class KernelRuns {

  private KernelRuns() {}

  static final String[] PATHS = {"scalar", "simd"};

  static void scalarThenSimd() throws Exception {
    List<String> base = new ArrayList<>();
    base.add(ProcessHandle.current().info().command().orElse("java"));
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (!a.startsWith("-Dbench.kernels=")) {
        base.add(a);
      }
    }
    Map<String, Map<String, String>> ratios = new LinkedHashMap<>();
    for (String path : PATHS) {
      List<String> cmd = new ArrayList<>(base);
      cmd.add("-Dbench.kernels=" + path);
      cmd.add(path.equals("simd") ? "--add-modules=jdk.incubator.vector" : "-Dsparkactivations.kernels=scalar");
      cmd.add("-classpath");
      cmd.add(System.getProperty("java.class.path"));
      cmd.add(SparkStageBenchmark.class.getName());
      System.out.printf("%n######## kernel path: %s ########%n", path);
      int rc = new ProcessBuilder(cmd).inheritIO().start().waitFor();
      if (rc != 0) {
        throw new IllegalStateException("the " + path + " benchmark JVM exited with " + rc);
      }
      for (String line : Files.readAllLines(results(path))) {
        String[] f = line.split("\t");
        ratios.computeIfAbsent(f[0] + "\t" + f[1], k -> new LinkedHashMap<>()).put(path, f[2]);
      }
    }
    System.out.printf(
        "%n== stages side by side: median ratio to the identity UDF of the same JVM (higher is faster) ==%n");
    System.out.printf("| input | stage | UDF | native | UDF + SIMD | native + SIMD |%n|---|---|---:|---:|---:|---:|%n");
    for (String key : ratios.keySet()) {
      String[] k = key.split("\t");
      if (!k[1].endsWith("[native]")) {
        continue;
      }
      String stage = k[1].substring(0, k[1].length() - " [native]".length());
      Map<String, String> nat = ratios.get(key);
      Map<String, String> udf = ratios.getOrDefault(k[0] + "\t" + stage + " [udf]", Map.of());
      System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", k[0], stage,
          udf.getOrDefault("scalar", ""), nat.getOrDefault("scalar", ""), udf.getOrDefault("simd", ""),
          nat.getOrDefault("simd", ""));
    }
  }

  /** Writes this JVM's results where {@link #scalarThenSimd} reads them (only in a child run). */
  static void write(List<String[]> results) throws IOException {
    String path = System.getProperty("bench.kernels", "both");
    if (!List.of(PATHS).contains(path)) {
      return;
    }
    List<String> lines = new ArrayList<>();
    for (String[] r : results) {
      lines.add(String.join("\t", r));
    }
    Files.createDirectories(results(path).getParent());
    Files.write(results(path), lines);
  }

  private static Path results(String path) {
    return Path.of("target", "spark-bench-" + path + ".tsv");
  }

  /** The core's own description of its bulk kernel path, where the core has one. */
  static String kernelPath() {
    try {
      return (String) Class.forName("io.github.sparkactivations.activation.KernelPath").getMethod("describe")
          .invoke(null);
    } catch (ReflectiveOperationException e) {
      return "scalar (this core has no SIMD kernels)";
    }
  }
}
