package io.github.sparkactivations.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sparkactivations.testing.SparkTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs the job cannot use: an empty csv, a csv with a header line and no rows, csv files wider than
 * Spark's csv reader or the job reads column by column, and a parquet file whose data page is corrupt.
 * Each exits with one line that says what is wrong with which file and how to fix it, and leaves the
 * previous output (written in overwrite mode, so a run that went ahead would replace it) byte-identical.
 */
class ActivationJobUnusableInputTest extends SparkTestBase {

  @TempDir Path tmp;
  private Path config;
  private Path outDir;
  private TreeSnapshot prior;

  @BeforeEach
  void priorOutput() throws IOException {
    Path good = Files.writeString(tmp.resolve("good.csv"), "a,b,label\n1.0,-2.0,x\n3.0,4.0,y\n");
    config = Files.writeString(tmp.resolve("job.yaml"), String.join("\n",
        "input: { path: " + good + ", format: csv }",
        "features: { columns: [a, b] }",
        "stages:",
        "  - { activation: relu, outputCol: act }",
        "output: { path: " + tmp.resolve("out/acts") + ", format: json, mode: overwrite, keep: [label] }",
        ""));
    JobCli.Result r = JobCli.run("run", config.toString());
    assertEquals(0, r.exit(), r.toString());
    outDir = tmp.resolve("out");
    prior = TreeSnapshot.of(outDir);
  }

  @Test
  void anEmptyCsvAndAHeaderWithoutRowsSayJustThat() throws IOException {
    Path empty = Files.writeString(tmp.resolve("empty.csv"), "");
    expect(2, config + ": input.path: " + empty + " is empty: it holds no header line and no data rows; point "
        + "input.path at a csv file with data", "--set", "input.path=" + empty);
    Path header = Files.writeString(tmp.resolve("header.csv"), "a,b,label\n");
    expect(2, config + ": input.path: " + header + " has a header line (a, b, label) but no data rows, so there is "
        + "nothing to transform and no value to type its columns by; point input.path at a csv with data rows",
        "--set", "input.path=" + header);
    // the same with features.exclude, which used to say the file leaves no numeric column
    expect(2, config + ": input.path: " + header + " has a header line (a, b, label) but no data rows, so there is "
        + "nothing to transform and no value to type its columns by; point input.path at a csv with data rows",
        "--set", "input.path=" + header, "--set", "features={exclude: [label]}");
  }

  @Test
  void aCsvWiderThanSparksMaxColumnsNamesTheOptionAndTheValueToSet() throws IOException {
    Path wide = csv("thirty.csv", 30, 2);
    expect(2, config + ": input.options.maxColumns: " + wide + " has 30 columns (first line of thirty.csv), more "
        + "than Spark's csv reader takes (maxColumns, set to 20); set input.options.maxColumns to at least 30, "
        + "e.g. --set input.options.maxColumns=30",
        "--set", "input.path=" + wide, "--set", "input.options.maxColumns=20", "--set", "features={exclude: []}");
    // the fix works
    JobCli.Result fixed = JobCli.run("run", config.toString(), "--set", "input.path=" + wide,
        "--set", "input.options.maxColumns=30", "--set", "features={exclude: []}", "--set", "output.keep=[]",
        "--set", "output.path=" + tmp.resolve("fixed"));
    assertEquals(0, fixed.exit(), fixed.toString());
  }

  @Test
  void aCsvTooWideToReadColumnByColumnIsRefusedBeforeAnyWork() throws IOException {
    Path over = csv("over.csv", 20_481, 2);
    expect(2, config + ": input.path: " + over + " is a csv of 20481 columns (first line of over.csv), more than "
        + "the 4096 the job reads as separate columns: Spark plans one column per field on the driver, and much wider "
        + "files ran out of a 2 GB driver's memory; write the values as one vector column (libsvm: label "
        + "index:value ...; or parquet with a vector column) and set input.format and features.vectorColumn "
        + "(Spark's csv reader would also refuse this file: it has more columns than input.options.maxColumns, "
        + "default 20480)", "--set", "input.path=" + over, "--set", "features={exclude: []}");
    Path huge = csv("huge.csv", 100_000, 2);
    expect(2, config + ": input.path: " + huge + " is a csv of 100000 columns (first line of huge.csv), more than "
        + "the 4096 the job reads as separate columns: Spark plans one column per field on the driver, and much wider "
        + "files ran out of a 2 GB driver's memory; write the values as one vector column (libsvm: label "
        + "index:value ...; or parquet with a vector column) and set input.format and features.vectorColumn",
        "--set", "input.path=" + huge, "--set", "input.options.maxColumns=200000", "--set", "features={exclude: []}");
  }

  @Test
  void aCorruptParquetDataPageNamesTheFile() throws IOException {
    Path pq = tmp.resolve("pq");
    spark.range(0, 2000).selectExpr("cast(id as double) as a", "cast(-id as double) as b", "cast(id as string) as label")
        .coalesce(1).write().parquet(pq.toString());
    Path part;
    try (Stream<Path> s = Files.list(pq)) {
      List<Path> files = s.toList();
      for (Path f : files) {
        if (f.getFileName().toString().endsWith(".crc")) {
          Files.delete(f);   // copied data has no checksum files: the corruption reaches the parquet reader
        }
      }
      part = files.stream().filter(f -> f.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(part);
    for (int i = 8; i < 200; i++) {
      bytes[i] = 0x7f;   // the first data page's header; the footer at the end stays intact
    }
    Files.write(part, bytes);
    JobCli.Result r = JobCli.run("run", config.toString(), "--set", "input.path=" + pq, "--set", "input.format=parquet");
    assertEquals(1, r.exit(), r.toString());
    String first = r.err().lines().findFirst().orElse("");
    String expectedStart = "error: run failed: " + config + ": input.path: cannot read file:" + part + " (";
    assertEquals(expectedStart, first.substring(0, Math.min(first.length(), expectedStart.length())), r.toString());
    String expectedEnd = "): the file is damaged or is not parquet; replace or remove it, or set "
        + "spark.conf.spark.sql.files.ignoreCorruptFiles: \"true\" to skip files Spark cannot read (their rows are "
        + "then left out)";
    assertEquals(expectedEnd, first.substring(Math.max(0, first.length() - expectedEnd.length())), r.toString());
    assertEquals(List.of("(run again with --stacktrace for the full trace)"), r.err().lines().skip(1).toList());
    assertEquals(prior, TreeSnapshot.of(outDir), "the previous output is byte-identical");
  }

  /** A csv of {@code columns} numeric columns c0.. and {@code rows} rows. */
  private Path csv(String name, int columns, int rows) throws IOException {
    StringBuilder sb = new StringBuilder();
    sb.append(IntStream.range(0, columns).mapToObj(i -> "c" + i).collect(Collectors.joining(","))).append('\n');
    for (int r = 0; r < rows; r++) {
      int row = r;
      sb.append(IntStream.range(0, columns).mapToObj(i -> Integer.toString(i - row)).collect(Collectors.joining(",")))
          .append('\n');
    }
    return Files.writeString(tmp.resolve(name), sb);
  }

  /** Exit code and exactly one stderr line, and the previous output byte-identical. */
  private void expect(int exit, String line, String... sets) {
    String[] args = Stream.concat(Stream.of("run", config.toString()), Stream.of(sets)).toArray(String[]::new);
    JobCli.Result r = JobCli.run(args);
    assertEquals(exit, r.exit(), r.toString());
    assertEquals(List.of("error: " + line), r.err().lines().toList(), r.toString());
    assertEquals(prior, TreeSnapshot.of(outDir), "the previous output is byte-identical");
  }
}
