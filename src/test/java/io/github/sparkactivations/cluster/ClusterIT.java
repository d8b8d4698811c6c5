package io.github.sparkactivations.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClusterIT {

  static Path base;
  static SparkSession spark;
  static SparkStandaloneCluster cluster;
  static Path input;

  @BeforeAll
  static void up() throws IOException {
    base = Path.of(System.getProperty("cluster.workDir", "target/cluster-it"))
        .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    Files.createDirectories(base);
    spark = SparkSession.builder().master("local[2]").appName("cluster-it")
        .config("spark.ui.enabled", "false").config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
    input = base.resolve("input");
    long t0 = System.nanoTime();
    VectorDataset.write(spark, input.toString(), 160_000, 16, 24);
    System.out.printf("dataset %.1f s%n", (System.nanoTime() - t0) / 1e9);
    t0 = System.nanoTime();
    cluster = SparkStandaloneCluster.launch(Path.of(System.getProperty("cluster.sparkHome")),
        base.resolve("cluster"), 2, 1, "1g").awaitReady();
    System.out.printf("cluster up %.1f s%n", (System.nanoTime() - t0) / 1e9);
  }

  @AfterAll
  static void down() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void smoke() throws IOException {
    Path jar = base.resolve("smoke.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      Path classes = Path.of("target/test-classes");
      try (var files = Files.walk(classes.resolve("io/github/sparkactivations/cluster"))) {
        for (Path f : files.filter(p -> p.getFileName().toString().startsWith("ClusterSmokeApp")).toList()) {
          out.putNextEntry(new JarEntry(classes.relativize(f).toString()));
          Files.copy(f, (OutputStream) out);
          out.closeEntry();
        }
      }
    }
    SparkSubmitRun local = SparkSubmitRun.start(cluster, "smoke-local", "local[2]",
        ClusterSmokeApp.class.getName(), jar, List.of(input.toString(), base.resolve("out-local").toString()),
        Map.of("spark.sql.files.minPartitionNum", "16"), base.resolve("run-smoke-local"));
    local.awaitSuccess(Duration.ofMinutes(5));
    System.out.println("local " + local.elapsed());
    SparkSubmitRun onCluster = SparkSubmitRun.start(cluster, "smoke-cluster", cluster.masterUrl(),
        ClusterSmokeApp.class.getName(), jar, List.of(input.toString(), base.resolve("out-cluster").toString()),
        Map.of("spark.sql.files.minPartitionNum", "16"), base.resolve("run-smoke-cluster"));
    onCluster.awaitSuccess(Duration.ofMinutes(5));
    System.out.println("cluster " + onCluster.elapsed());
    EventLog ev = EventLog.read(onCluster.eventLogFile());
    System.out.println("executors " + ev.executorsAdded + " ran tasks " + ev.executorsThatRanTasks());
    assertEquals(List.of(), ExactRows.differences(spark.read().parquet(base.resolve("out-local").toString()),
        spark.read().parquet(base.resolve("out-cluster").toString()), "id", 160_000));
  }
}
