package io.github.sparkactivations.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded job jar run with {@code java -jar}, where Spark (provided by spark-submit) is absent:
 * {@code run} exits 2 with one line saying Spark is needed and how to submit the jar, writes nothing
 * and prints no stack trace; {@code list} and {@code plot} work there.
 */
class JobJarWithoutSparkIT {

  @TempDir Path tmp;

  @Test
  void runWithoutSparkIsOneLineAndListStillWorks() throws Exception {
    Path jar = Path.of(System.getProperty("cluster.jobJar", "target/spark-activations-spark3.5_2.12.jar")).toAbsolutePath();
    assertTrue(Files.isRegularFile(jar), "no job jar at " + jar + ": run `mvn verify` (package first)");
    Path out = tmp.resolve("out/digits");
    Result run = java(jar, "run", "conf/digits.yaml", "--set", "output.path=" + out);
    assertEquals(2, run.exit(), run.toString());
    assertEquals(List.of("error: run needs Spark on the classpath, and the job jar leaves Spark out (spark-submit "
        + "provides it): spark-submit --class io.github.sparkactivations.job.ActivationJob <job jar> run <config>; "
        + "list and plot run without Spark"), run.err(), run.toString());
    assertEquals(List.of(), run.out(), run.toString());
    assertFalse(Files.exists(tmp.resolve("out")), "nothing written");

    Result list = java(jar, "list");
    assertEquals(0, list.exit(), list.toString());
    assertTrue(list.out().stream().anyMatch(l -> l.startsWith("hardtanh ")), list.toString());
  }

  record Result(int exit, List<String> out, List<String> err) {}

  private Result java(Path jar, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toString()));
    cmd.addAll(List.of(args));
    Path o = tmp.resolve("stdout.txt");
    Path e = tmp.resolve("stderr.txt");
    Process p = new ProcessBuilder(cmd).redirectOutput(o.toFile()).redirectError(e.toFile()).start();
    try {
      assertTrue(p.waitFor(5, TimeUnit.MINUTES), "java -jar did not end in 5 minutes");
    } finally {
      p.destroyForcibly();
    }
    return new Result(p.exitValue(), Files.readAllLines(o, StandardCharsets.UTF_8), Files.readAllLines(e, StandardCharsets.UTF_8));
  }
}
