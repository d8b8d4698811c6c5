package io.github.sparkactivations.job;

import io.github.sparkactivations.internal.Causes;
import io.github.sparkactivations.job.JobConfig.ResolvedStage;
import io.github.sparkactivations.ml.feature.InvalidParamException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A validated job: the config checked against the file system and the input schema, and the Spark ML
 * {@link Pipeline} built from it. Everything here runs before any data is read (reading a schema is
 * allowed: csv with {@code inferSchema} scans the file once) and throws {@link ConfigException}
 * naming the key at fault.
 */
final class JobPlan {

  final JobConfig config;
  final List<ResolvedStage> stages;
  final Dataset<Row> input;
  final Pipeline pipeline;
  /** Feature columns assembled into the vector (empty with {@code features.vectorColumn}). */
  final List<String> featureColumns;
  /** Columns written, in order: {@code output.keep}, then each stage's output. */
  final List<String> outputColumns;
  /** Schema of the pipeline's output (all columns), with ML attribute metadata. */
  final StructType transformedSchema;
  /**
   * With {@code features.exclude}: the columns left out of the vector because they are not numeric,
   * name to type (e.g. a csv column that one bad cell made string); empty otherwise.
   */
  final Map<String, String> skippedColumns;

  private JobPlan(
      JobConfig config,
      List<ResolvedStage> stages,
      Dataset<Row> input,
      Pipeline pipeline,
      List<String> featureColumns,
      List<String> outputColumns,
      StructType transformedSchema,
      Map<String, String> skippedColumns) {
    this.config = config;
    this.stages = stages;
    this.input = input;
    this.pipeline = pipeline;
    this.featureColumns = featureColumns;
    this.outputColumns = outputColumns;
    this.transformedSchema = transformedSchema;
    this.skippedColumns = skippedColumns;
  }

  /**
   * Checks a validated {@code config} against the file system and the input schema and builds the pipeline.
   *
   * @param stages what {@link JobConfig#validate()} returned for {@code config}
   * @throws ConfigException (without source; the caller adds it) naming the key and the fix
   */
  static JobPlan prepare(JobConfig config, List<ResolvedStage> stages, SparkSession spark) {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    JobConfig.InputSection in = config.input();
    JobConfig.OutputSection out = config.output();

    OutputPaths.check(hadoop, config);

    Dataset<Row> input = InputReader.read(spark, in);
    StructType schema = input.schema();

    // features
    List<String> featureColumns = new ArrayList<>();
    Map<String, String> skipped = new LinkedHashMap<>();
    List<PipelineStage> pipelineStages = new ArrayList<>();
    JobConfig.FeaturesSection f = config.features();
    String featuresCol = f.outputColOrDefault();
    String vectorCol;
    if (f.vectorColumn() != null) {
      StructField field = field(schema, f.vectorColumn(), "features.vectorColumn");
      if (!(field.dataType() instanceof VectorUDT)) {
        throw new ConfigException(
            "features.vectorColumn",
            "column '" + f.vectorColumn() + "' is " + field.dataType().simpleString()
                + ", not a vector; use features.columns or features.exclude for numeric columns");
      }
      vectorCol = f.vectorColumn();
    } else {
      if (f.columns() != null) {
        for (String c : f.columns()) {
          InputReader.requireNumeric(field(schema, c, "features.columns"), "features.columns", in);
          featureColumns.add(c);
        }
      } else {
        for (String c : f.exclude()) {
          field(schema, c, "features.exclude");
        }
        Set<String> excluded = new LinkedHashSet<>(f.exclude());
        for (StructField sf : schema.fields()) {
          if (!excluded.contains(sf.name()) && sf.dataType() instanceof NumericType) {
            featureColumns.add(sf.name());
          } else if (!excluded.contains(sf.name())) {
            skipped.put(sf.name(), sf.dataType().simpleString());
          }
        }
        if (featureColumns.isEmpty()) {
          throw new ConfigException(
              "features.exclude", "leaves no numeric column of " + in.path() + " (columns: " + describe(schema) + ")");
        }
      }
      vectorCol = f.standardize() ? featuresCol + "_unscaled" : featuresCol;
      if (schema.getFieldIndex(vectorCol).isDefined()) {
        throw new ConfigException(
            "features.outputCol", "column '" + vectorCol + "' already exists in the input; choose another features.outputCol");
      }
      pipelineStages.add(new VectorAssembler()
          .setInputCols(featureColumns.toArray(new String[0]))
          .setOutputCol(vectorCol)
          .setHandleInvalid(f.handleInvalid()));
    }
    if (f.standardize()) {
      if (schema.getFieldIndex(featuresCol).isDefined()) {
        throw new ConfigException(
            "features.outputCol", "column '" + featuresCol + "' already exists in the input; choose another features.outputCol");
      }
      pipelineStages.add(new StandardScaler()
          .setInputCol(vectorCol)
          .setOutputCol(featuresCol)
          .setWithMean(true)
          .setWithStd(true));
    }
    int featureStageCount = pipelineStages.size();
    for (ResolvedStage s : stages) {
      pipelineStages.add(s.stage());
    }

    // keep
    for (String k : out.keep()) {
      field(schema, k, "output.keep");
    }

    // schema check, stage by stage, so an error names its stage
    StructType current = schema;
    for (int i = 0; i < pipelineStages.size(); i++) {
      PipelineStage st = pipelineStages.get(i);
      String key = i < featureStageCount ? "features" : stages.get(i - featureStageCount).key();
      try {
        StructType before = current;
        current = st.transformSchema(current);
        if (st instanceof VectorAssembler assembler) {
          // every assembled column is a numeric scalar: the size is the column count (the assembler
          // itself only knows it when it transforms)
          current = withSize(current, assembler.getOutputCol(), featureColumns.size());
        } else if (st instanceof StandardScaler scaler) {
          current = withSize(current, scaler.getOutputCol(), vectorSize(before.apply(scaler.getInputCol())));
        }
      } catch (InvalidParamException e) {
        throw new ConfigException(key + "." + e.param(), JobConfig.oneLine(e.problem()));
      } catch (IllegalArgumentException | UnsupportedOperationException | IllegalStateException e) {
        throw new ConfigException(key, JobConfig.oneLine(e.getMessage()));
      } catch (RuntimeException e) {
        // e.g. AnalysisException for a missing column
        throw new ConfigException(key, JobConfig.oneLine(e.getMessage()));
      }
    }

    List<String> outputColumns = new ArrayList<>(out.keep());
    for (ResolvedStage s : stages) {
      outputColumns.add(s.outputCol());
    }
    if (out.format().equals("csv")) {
      for (String c : outputColumns) {
        StructField sf = current.apply(c);
        if (isVectorOrArray(sf.dataType()) && vectorSize(sf) < 0) {
          throw new ConfigException(
              "output.format",
              "csv writes one column per vector element and needs the length of '" + c
                  + "', which its schema metadata does not give; write parquet, orc or json instead");
        }
      }
    }
    Pipeline pipeline = new Pipeline().setStages(pipelineStages.toArray(new PipelineStage[0]));
    return new JobPlan(config, stages, input, pipeline, List.copyOf(featureColumns), List.copyOf(outputColumns), current,
        java.util.Collections.unmodifiableMap(skipped));
  }

  /**
   * The unfitted {@code VectorAssembler} and {@code StandardScaler} declare their output without a
   * vector size, which they only set when they transform; set it here so the stages after them (and
   * csv output) see the size at validation time.
   */
  private static StructType withSize(StructType schema, String col, int size) {
    StructField o = schema.apply(col);
    if (size < 0 || vectorSize(o) >= 0) {
      return schema;
    }
    StructField sized = new StructField(o.name(), o.dataType(), o.nullable(), new AttributeGroup(col, size).toMetadata());
    StructField[] fields = schema.fields().clone();
    fields[schema.fieldIndex(col)] = sized;
    return new StructType(fields);
  }

  /**
   * The first line of the innermost message of a failure, at most 300 characters: Spark wraps the cause
   * that names the problem (a bad footer, a number that does not parse) in messages that carry
   * whole stack traces.
   */
  static String innermost(Throwable e) {
    Throwable named = Causes.innermostWithMessage(e);
    if (named.getMessage() == null || named.getMessage().isBlank()) {
      return e.getClass().getSimpleName();
    }
    String best = named.getMessage().strip().split("\\R", 2)[0].strip();
    if (named.getClass().getName().startsWith("java.") && named.getClass() != RuntimeException.class
        && named.getClass() != Exception.class) {
      best = named.getClass().getSimpleName() + ": " + best;   // NumberFormatException: For input string ...
    }
    return best.length() <= 300 ? best : best.substring(0, 297) + "...";
  }

  static boolean isVectorOrArray(DataType t) {
    return t instanceof VectorUDT || t instanceof ArrayType;
  }

  /** The vector length from ML attribute metadata, or -1 when unknown. */
  static int vectorSize(StructField f) {
    if (!(f.dataType() instanceof VectorUDT)) {
      return -1;
    }
    try {
      return AttributeGroup.fromStructField(f).size();
    } catch (RuntimeException e) {
      return -1;
    }
  }

  private static StructField field(StructType schema, String name, String key) {
    if (schema.getFieldIndex(name).isEmpty()) {
      throw new ConfigException(
          key, "no column '" + name + "' in the input (columns: " + describe(schema) + ")");
    }
    return schema.apply(name);
  }

  /** {@code a:double, b:string, ...}, shortened for wide inputs. */
  static String describe(StructType schema) {
    List<String> cols = Arrays.stream(schema.fields())
        .map(sf -> printable(sf.name()) + ":" + sf.dataType().simpleString())
        .collect(Collectors.toList());
    if (cols.size() > 12) {
      return String.join(", ", cols.subList(0, 10)) + ", ... (" + cols.size() + " columns)";
    }
    return String.join(", ", cols);
  }

  /**
   * {@code name} with every control character, replacement character and other unprintable code point
   * shown as {@code \\uXXXX}, so a column name read from a binary header cannot garble a message line.
   */
  static String printable(String name) {
    StringBuilder sb = new StringBuilder(name.length());
    name.codePoints().forEach(cp -> {
      int type = Character.getType(cp);
      if (cp == 0xFFFD || Character.isISOControl(cp) || type == Character.UNASSIGNED || type == Character.FORMAT
          || type == Character.PRIVATE_USE || type == Character.SURROGATE || type == Character.LINE_SEPARATOR
          || type == Character.PARAGRAPH_SEPARATOR) {
        sb.append(String.format("\\u%04X", cp));
      } else {
        sb.appendCodePoint(cp);
      }
    });
    return sb.toString();
  }

  /** The line printed before a run (and by {@code --dry-run}) naming the non-numeric columns that
   * {@code features.exclude} leaves out of the vector; null when there are none. */
  String skippedColumnsNote() {
    if (skippedColumns.isEmpty()) {
      return null;
    }
    List<String> cols = new ArrayList<>();
    skippedColumns.forEach((n, t) -> cols.add(printable(n) + ":" + t));
    return "note: features.exclude leaves out " + cols.size() + " non-numeric column" + (cols.size() == 1 ? "" : "s")
        + " (" + String.join(", ", cols) + "); list them in features.exclude to silence this, or, for a csv column "
        + "made string by a cell that is not a number, fix that cell";
  }
}
