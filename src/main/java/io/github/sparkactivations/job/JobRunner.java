package io.github.sparkactivations.job;

import io.github.sparkactivations.internal.Causes;
import io.github.sparkactivations.internal.InvalidInputException;
import io.github.sparkactivations.job.JobConfig.ResolvedStage;
import io.github.sparkactivations.job.report.HtmlReport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Runs a validated {@link JobPlan}: read (and cache) the input, fit and apply the pipeline, write the
 * output to a hidden temporary sibling, compute the report in one pass over the cached result, and
 * only then move output, report and model into place. A failure at any point leaves the previous
 * output, report and model untouched and removes every temporary sibling.
 */
final class JobRunner {

  private JobRunner() {}

  /**
   * @param setupNanos time already spent before this call (Spark start, config, schema validation),
   *     reported as phase {@code setup}
   * @param progress told when each phase starts
   */
  static JobReport run(JobPlan plan, SparkSession spark, String configSource, long setupNanos, RunProgress progress) {
    long start = System.nanoTime() - setupNanos;
    Map<String, Double> phases = JobReport.phases();
    phases.put("setup", seconds(setupNanos));
    JobConfig config = plan.config;
    JobConfig.OutputSection out = config.output();
    boolean overwrite = out.mode().equals("overwrite");
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();

    Dataset<Row> input = plan.input.persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> result = null;
    try (AtomicOutput data = AtomicOutput.begin(hadoop, out.path(), overwrite);
        AtomicOutput report = AtomicOutput.begin(hadoop, config.reportPath(), overwrite);
        AtomicOutput html = AtomicOutput.begin(hadoop, config.htmlReportPath(), overwrite);
        AtomicOutput model = config.model().path() == null
            ? null
            : AtomicOutput.begin(hadoop, config.model().path(), overwrite)) {
      long t = System.nanoTime();
      progress.phase("read");
      long rowsIn = input.count();
      t = phase(phases, "read", t);

      progress.phase("fit");
      PipelineModel fitted = plan.pipeline.fit(input);
      t = phase(phases, "fit", t);

      progress.phase("transform+write");
      Set<String> needed = new LinkedHashSet<>(plan.outputColumns);
      for (ResolvedStage s : plan.stages) {
        needed.add(s.inputCol());
      }
      result = fitted.transform(input)
          .select(needed.stream().map(c -> new Column(StageStatistics.quote(c))).toArray(Column[]::new))
          .persist(StorageLevel.MEMORY_AND_DISK());
      Dataset<Row> written = forFormat(
          result.select(plan.outputColumns.stream().map(c -> new Column(StageStatistics.quote(c))).toArray(Column[]::new)),
          out.format());
      TaskHoldForTests.apply(spark, written).write()
          .format(out.format())
          .options(writerOptions(out))
          .mode(SaveMode.ErrorIfExists)
          .save(data.temporary().toString());
      t = phase(phases, "transform+write", t);

      progress.phase("report");
      StageStatistics.Result stats = StageStatistics.compute(result, plan.stages);
      t = phase(phases, "report", t);
      if (model != null) {
        progress.phase("model");
        try {
          fitted.write().save(model.temporary().toString());
        } catch (IOException e) {
          throw new UncheckedIOException("cannot save the model to " + model.temporary() + ": " + e.getMessage(), e);
        }
      }
      if (model != null) {
        phase(phases, "model", t);
      }

      JobReport finished = new JobReport(
          configSource,
          spark.sparkContext().master(),
          config.input().path(),
          config.input().format(),
          plan.skippedColumns,
          data.target().toString(),
          out.format(),
          out.mode(),
          report.target().toString(),
          html.target().toString(),
          model == null ? null : model.target().toString(),
          rowsIn,
          stats.rows(),
          stats.stages(),
          phases,
          seconds(System.nanoTime() - start),
          ExecutionPath.of(spark).describe());
      writeText(html, HtmlReport.render(finished, stats.details(), config, spark));
      writeText(report, finished.toJson());
      // everything is complete: move output, model and report into place
      data.commit();
      if (model != null) {
        model.commit();
      }
      html.commit();
      report.commit();
      return finished;
    } finally {
      if (result != null) {
        result.unpersist(false);
      }
      input.unpersist(false);
    }
  }

  /**
   * A runtime failure caused by the data, retold with the config key that decides it: Spark's
   * {@code VectorAssembler} and our stages fail on a null or NaN under {@code handleInvalid=error}, naming
   * a param and a stage uid that a job user cannot map to the config; the returned line names
   * {@code features.handleInvalid} or {@code stages[i].handleInvalid} instead. Read from the failure's
   * structure, never its text: the stages' {@link InvalidInputException} (found in the cause chain,
   * where Spark keeps it across executors) by its fields, the assembler's plain {@code SparkException}
   * by the class that threw it.
   *
   * @return the one line naming the key, or null for any other failure
   */
  static String explain(Throwable failure, JobPlan plan) {
    var invalid = InvalidInputException.findIn(failure);
    if (invalid.isPresent()) {
      InvalidInputException e = invalid.get();
      PipelineStage[] stages = plan.pipeline.getStages();
      int first = stages.length - plan.stages.size();
      for (ResolvedStage s : plan.stages) {
        if (stages[first + s.index()].uid().equals(e.stageUid())) {
          String key = s.key() + ".handleInvalid";
          return key + ": " + e.describe(key);
        }
      }
      return null;
    }
    if (thrownBy(Causes.root(failure), VectorAssembler.class)) {
      return "features.handleInvalid: " + firstInvalid(plan) + " (features.handleInvalid is "
          + plan.config.features().handleInvalid() + "); set features.handleInvalid to skip (drop such rows) or keep "
          + "(NaN in the vector, left to the stages' handleInvalid)";
    }
    return null;
  }

  /** True if {@code t} was thrown from code of {@code type} (or its companion object). */
  private static boolean thrownBy(Throwable t, Class<?> type) {
    StackTraceElement[] frames = t.getStackTrace();
    if (frames.length == 0) {
      return false;
    }
    String thrower = frames[0].getClassName();
    return thrower.equals(type.getName()) || thrower.startsWith(type.getName() + "$");
  }

  /**
   * Which feature column holds a null or NaN, and the first row that has one (its 1-based position in
   * the input's read order and its feature values): found by a second scan, on the failure path only.
   */
  static String firstInvalid(JobPlan plan) {
    String generic = "a feature column holds a null or NaN value";
    List<String> cols = plan.featureColumns;
    if (cols.isEmpty()) {
      return generic;
    }
    try {
      StructType schema = plan.input.schema();
      int[] idx = cols.stream().mapToInt(schema::fieldIndex).toArray();
      List<scala.Tuple2<Row, Long>> found = plan.input.javaRDD().zipWithIndex()
          .filter(t -> badColumns(t._1(), idx).length > 0)
          .take(1);
      if (found.isEmpty()) {
        return generic;
      }
      Row row = found.get(0)._1();
      long position = found.get(0)._2() + 1;
      List<String> bad = new ArrayList<>();
      for (int i : badColumns(row, idx)) {
        bad.add("'" + JobPlan.printable(schema.fields()[i].name()) + "' is " + (row.isNullAt(i) ? "null" : "NaN"));
      }
      List<String> values = new ArrayList<>();
      for (int i : idx) {
        values.add(JobPlan.printable(schema.fields()[i].name()) + "=" + row.get(i));
      }
      String sample = String.join(", ", values);
      if (sample.length() > 200) {
        sample = sample.substring(0, 197) + "...";
      }
      return "feature column " + String.join(", ", bad) + " in data row " + position + " (" + sample
          + "; the first such row)";
    } catch (RuntimeException e) {
      return generic;
    }
  }

  /** Schema indexes among {@code idx} where {@code row} is null or NaN. */
  private static int[] badColumns(Row row, int[] idx) {
    return java.util.Arrays.stream(idx)
        .filter(i -> row.isNullAt(i) || (row.get(i) instanceof Number n && Double.isNaN(n.doubleValue())))
        .toArray();
  }

  /**
   * The written form of the result: vectors natively for parquet/orc; arrays of doubles for json;
   * for csv (which cannot hold arrays) each vector/array column {@code c} of length n becomes the
   * columns {@code c_0 .. c_(n-1)}, the way the input's pixel columns are laid out.
   */
  static Dataset<Row> forFormat(Dataset<Row> df, String format) {
    if (format.equals("parquet") || format.equals("orc")) {
      return df;
    }
    List<Column> cols = new ArrayList<>();
    for (StructField f : df.schema().fields()) {
      Column c = df.col(StageStatistics.quote(f.name()));
      boolean vector = f.dataType() instanceof VectorUDT;
      boolean arr = f.dataType() instanceof ArrayType;
      if (!vector && !arr) {
        cols.add(c);
        continue;
      }
      Column doubles = StageStatistics.asDoubles(c, f.dataType());
      if (format.equals("json")) {
        cols.add(doubles.as(f.name()));
      } else {
        int n = JobPlan.vectorSize(f);
        if (n < 0) {
          throw new IllegalStateException("csv output needs the length of column " + f.name());
        }
        for (int i = 0; i < n; i++) {
          cols.add(doubles.getItem(i).as(f.name() + "_" + i));
        }
      }
    }
    return df.select(cols.toArray(new Column[0]));
  }

  private static Map<String, String> writerOptions(JobConfig.OutputSection out) {
    Map<String, String> o = new java.util.LinkedHashMap<>();
    if (out.format().equals("csv")) {
      o.put("header", "true");
    }
    o.putAll(out.options());
    return o;
  }

  private static void writeText(AtomicOutput target, String text) {
    FileSystem fs = target.fileSystem();
    if (fs instanceof ChecksumFileSystem checksummed) {
      fs = checksummed.getRawFileSystem(); // no hidden .crc sibling next to a small JSON file
    }
    try (FSDataOutputStream os = fs.create(target.temporary(), false)) {
      writeAll(os, text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target.temporary() + ": " + e.getMessage(), e);
    }
  }

  private static void writeAll(OutputStream os, String text) throws IOException {
    os.write(text.getBytes(StandardCharsets.UTF_8));
  }

  private static long phase(Map<String, Double> phases, String name, long since) {
    long now = System.nanoTime();
    phases.put(name, seconds(now - since));
    return now;
  }

  private static double seconds(long nanos) {
    return Math.round(nanos / 1e7) / 100.0;
  }

  /** The output schema a run would write (for {@code --dry-run}). */
  static StructType writtenSchema(JobPlan plan) {
    List<StructField> fields = new ArrayList<>();
    for (String c : plan.outputColumns) {
      fields.add(plan.transformedSchema.apply(c));
    }
    return new StructType(fields.toArray(new StructField[0]));
  }
}
