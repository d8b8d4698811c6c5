package io.github.sparkactivations.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sparkactivations.testing.SparkTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's statistics on rows a stage keeps null, and on a run with no rows at all. */
class ActivationJobStatisticsTest extends SparkTestBase {

  @TempDir Path tmp;

  private Path vectors(Row... rows) {
    StructType schema = new StructType()
        .add("id", DataTypes.LongType)
        .add("dense", SQLDataTypes.VectorType(), true);
    Path p = tmp.resolve("in");
    spark.createDataFrame(Arrays.asList(rows), schema).coalesce(1).write().parquet(p.toString());
    return p;
  }

  private Path config(Path input, String format) throws Exception {
    Path cfg = tmp.resolve("job.yaml");
    Files.writeString(cfg, String.join("\n",
        "input: { path: " + input + ", format: parquet }",
        "features: { vectorColumn: dense }",
        "stages:",
        "  - { activation: relu, inputCol: dense, outputCol: act, handleInvalid: keep }",
        "output: { path: " + tmp.resolve("out") + ", format: " + format + ", mode: overwrite, keep: [id] }",
        ""));
    return cfg;
  }

  @Test
  void aNullVectorKeptByAStageCountsAsANullRowAndTheRestIsMeasured() throws Exception {
    Path in = vectors(
        RowFactory.create(1L, Vectors.dense(1.0, -2.0)),
        RowFactory.create(2L, null),
        RowFactory.create(3L, Vectors.dense(0.5, 3.0)));
    for (String format : List.of("parquet", "json")) {
      JobCli.Result r = JobCli.run("run", config(in, format).toString());
      assertEquals(0, r.exit(), format + ": " + r);
      assertEquals("", r.err(), "no error line");
      JobReport report = JobReport.fromJson(Files.readString(tmp.resolve("out.report.json")));
      assertEquals(3, report.rowsOut());
      JobReport.StageStats s = report.stages().get(0);
      assertEquals(1, s.nullRows());
      assertEquals(4, s.values());                  // relu(1, -2) and relu(0.5, 3)
      assertEquals(0.0, s.min(), 0.0);
      assertEquals(3.0, s.max(), 0.0);
      assertEquals((1.0 + 0.0 + 0.5 + 3.0) / 4, s.mean(), 1e-15);
      assertEquals(0.25, s.zeroFraction(), 0.0);    // relu(-2) = 0
      assertEquals(0.25, s.saturatedFraction(), 0.0); // relu'(-2) = 0
      List<Row> written = spark.read().format(format).load(tmp.resolve("out").toString()).orderBy("id").collectAsList();
      assertEquals(3, written.size());
      assertTrue(written.get(1).isNullAt(written.get(1).fieldIndex("act")), format + ": the null row is kept null");
    }
  }

  @Test
  void aRunWithNoRowsReportsNullFractionsNotTheStringNaN() throws Exception {
    Path in = vectors();
    JobCli.Result r = JobCli.run("run", config(in, "parquet").toString(), "--quiet");
    assertEquals(0, r.exit(), r.toString());
    assertEquals("", r.err(), "no error line");
    assertFalse(r.out().contains("progress:"), "--quiet prints no progress: " + r.out());
    JsonNode stage = new ObjectMapper().readTree(tmp.resolve("out.report.json").toFile()).get("stages").get(0);
    assertEquals(0, stage.get("values").asLong());
    for (String field : List.of("min", "mean", "max", "zeroFraction", "saturatedFraction")) {
      assertTrue(stage.get(field).isNull(), field + " is null: " + stage);
    }
    String row = r.out().lines().filter(l -> l.contains(" act ")).findFirst().orElseThrow();
    List<String> cells = Arrays.asList(row.trim().split("\\s+"));
    assertEquals(List.of("-", "-", "-", "-", "-"), cells.subList(cells.size() - 5, cells.size()),
        "min, mean, max, zero, saturated shown as '-': " + row);
  }
}
