package io.github.sparkactivations.job;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reading the job's input: the reader and its options, and every check that tells a user why an input
 * cannot be used, before any work (an empty file, a csv with a header line and no rows, a csv wider than
 * the job reads column by column, a format that does not match the data) or when a file turns out to be
 * unreadable during the run.
 */
final class InputReader {

  /** Spark's csv reader refuses a line with more fields than this unless {@code maxColumns} is raised. */
  static final int SPARK_CSV_MAX_COLUMNS = 20_480;

  /**
   * The widest csv the job reads as separate columns. Spark plans one column per csv field on the
   * driver: 4000 columns ran (20 rows, local[2]), a 100,000-column csv did not finish in 15 minutes with a
   * 2 GB driver, while the same values as one vector column take seconds.
   */
  static final int WIDEST_CSV = 4_096;

  private InputReader() {}

  /** The reader for {@code input}: csv gets {@code header} and {@code inferSchema} true unless set. */
  static Dataset<Row> read(SparkSession spark, JobConfig.InputSection in) {
    if (in.format().equals("csv")) {
      checkCsvWidth(spark.sparkContext().hadoopConfiguration(), in);
    }
    Map<String, String> options = new LinkedHashMap<>();
    if (in.format().equals("csv")) {
      options.put("header", "true");
      options.put("inferSchema", "true");
    }
    options.putAll(in.options());
    DataFrameReader reader = spark.read().format(in.format()).options(options);
    Dataset<Row> input;
    try {
      input = reader.load(in.path());
    } catch (Exception e) {   // AnalysisException is checked for javac, but Scala throws it undeclared
      if (e instanceof SparkThrowable st && "UNABLE_TO_INFER_SCHEMA".equals(st.getErrorClass())) {
        throw new ConfigException("input.path", in.path() + " holds no " + in.format()
            + " data files (Spark cannot infer a schema from it); point input.path at a " + in.format()
            + " file or a directory of them, or set input.format");
      }
      throw new ConfigException("input", "cannot read " + in.path() + " as " + in.format() + " (" + JobPlan.innermost(e)
          + "); check that input.format (" + String.join(", ", JobConfig.INPUT_FORMATS) + ") matches the data");
    }
    checkFormatMatches(in, input.schema());
    checkHasData(in, input);
    return input;
  }

  /**
   * Refuses, before Spark reads anything, a csv whose header line has more fields than Spark's
   * {@code maxColumns} allows (Spark would fail deep inside its parser) or than {@link #WIDEST_CSV}.
   * Only the first line of the first file is read.
   */
  static void checkCsvWidth(Configuration hadoop, JobConfig.InputSection in) {
    String sep = option(in, "sep");
    if (sep == null) {
      sep = option(in, "delimiter");
    }
    char delimiter = sep == null || sep.isEmpty() ? ',' : sep.equals("\\t") ? '\t' : sep.charAt(0);
    String quoteOption = option(in, "quote");
    char quote = quoteOption == null || quoteOption.isEmpty() ? '"' : quoteOption.charAt(0);
    int columns;
    Path file;
    try {
      file = firstFile(hadoop, new Path(in.path()));
      if (file == null) {
        return;
      }
      columns = fieldsInFirstLine(hadoop, file, delimiter, quote);
    } catch (IOException | IllegalArgumentException e) {
      return;   // Spark's own reading reports what is wrong with the path
    }
    String max = option(in, "maxColumns");
    int maxColumns = SPARK_CSV_MAX_COLUMNS;
    try {
      maxColumns = max == null ? SPARK_CSV_MAX_COLUMNS : Integer.parseInt(max);
    } catch (NumberFormatException e) {
      // Spark reports the bad option when it reads
    }
    if (columns > WIDEST_CSV) {
      throw new ConfigException("input.path", in.path() + " is a csv of " + columns + " columns (first line of "
          + file.getName() + "), more than the " + WIDEST_CSV + " the job reads as separate columns: Spark plans "
          + "one column per field on the driver, and much wider files ran out of a 2 GB driver's memory; write the "
          + "values as one vector column (libsvm: label index:value ...; or parquet with a vector column) and set "
          + "input.format and features.vectorColumn" + (columns > maxColumns ? " (Spark's csv reader would also "
          + "refuse this file: it has more columns than input.options.maxColumns, " + (max == null ? "default " : "")
          + maxColumns + ")" : ""));
    }
    if (columns > maxColumns) {
      throw new ConfigException("input.options.maxColumns", in.path() + " has " + columns + " columns (first line "
          + "of " + file.getName() + "), more than Spark's csv reader takes (maxColumns, "
          + (max == null ? "default " : "set to ") + maxColumns + "); set input.options.maxColumns to at least "
          + columns + ", e.g. --set input.options.maxColumns=" + columns);
    }
  }

  /** The path itself if it is a file, else the first data file of the directory (by name), else null. */
  private static Path firstFile(Configuration hadoop, Path path) throws IOException {
    FileSystem fs = path.getFileSystem(hadoop);
    FileStatus st = fs.getFileStatus(path);
    if (st.isFile()) {
      return st.getPath();
    }
    return Arrays.stream(fs.listStatus(path))
        .filter(s -> s.isFile() && !s.getPath().getName().startsWith("_") && !s.getPath().getName().startsWith("."))
        .map(FileStatus::getPath)
        .min(Comparator.comparing(Path::getName))
        .orElse(null);
  }

  /**
   * The number of fields on the first line of {@code file} (decompressed if its extension names a
   * Hadoop codec): delimiters outside quotes plus one; a quoted field may span lines. At most 64 MiB are
   * read, enough for a header of millions of columns.
   */
  static int fieldsInFirstLine(Configuration hadoop, Path file, char delimiter, char quote) throws IOException {
    FileSystem fs = file.getFileSystem(hadoop);
    CompressionCodec codec = new CompressionCodecFactory(hadoop).getCodec(file);
    try (InputStream raw = fs.open(file);
        InputStream in = new java.io.BufferedInputStream(codec == null ? raw : codec.createInputStream(raw), 1 << 16)) {
      int fields = 1;
      boolean quoted = false;
      boolean any = false;
      long limit = 64L << 20;
      for (long n = 0; n < limit; n++) {
        int b = in.read();
        if (b < 0 || (!quoted && (b == '\n' || b == '\r'))) {
          break;
        }
        any = true;
        if (b == quote) {
          quoted = !quoted;
        } else if (b == delimiter && !quoted) {
          fields++;
        }
      }
      return any ? fields : 0;
    }
  }

  /**
   * Catches a format that reads without error but not as the data: json that Spark read entirely as
   * corrupt records, and csv whose header line is binary (a parquet file, an archive).
   */
  static void checkFormatMatches(JobConfig.InputSection in, StructType schema) {
    String formats = String.join(", ", JobConfig.INPUT_FORMATS);
    if (in.format().equals("json")) {
      String corrupt = option(in, "columnNameOfCorruptRecord");
      if (schema.fields().length == 1 && schema.fields()[0].name().equals(corrupt == null ? "_corrupt_record" : corrupt)) {
        throw new ConfigException("input.format", in.path() + " holds no json records (Spark read every line as "
            + schema.fields()[0].name() + "); check that input.format (" + formats + ") matches the data; json is "
            + "one object per line, for one document over several lines set input.options.multiLine=true");
      }
    }
    if (in.format().equals("csv")) {
      for (StructField f : schema.fields()) {
        if (f.name().chars().anyMatch(ch -> ch == 0xFFFD || (Character.isISOControl(ch) && ch != '\t'))) {
          String first = schema.fields()[0].name();
          String magic = first.startsWith("PAR1") ? "parquet" : first.startsWith("ORC") ? "orc" : null;
          if (magic != null) {
            throw new ConfigException("input.format", in.path() + " looks like " + magic + ", not csv (its files "
                + "start with the " + magic + " magic bytes " + (magic.equals("orc") ? "ORC" : "PAR1")
                + "); set input.format: " + magic);
          }
          throw new ConfigException("input.format", in.path() + " does not look like csv text (its header line "
              + "holds binary data); check that input.format (" + formats + ") matches the data");
        }
      }
    }
  }

  /**
   * An input without columns is empty (a 0-byte csv has no header line); a csv whose every column was
   * typed string may be a header line without data rows, which is checked by reading one row.
   */
  static void checkHasData(JobConfig.InputSection in, Dataset<Row> input) {
    StructType schema = input.schema();
    if (schema.fields().length == 0) {
      throw new ConfigException("input.path", in.path() + " is empty: it holds no " + (in.format().equals("csv")
          ? "header line and no data rows" : "columns and no rows") + "; point input.path at a " + in.format()
          + " file with data");
    }
    boolean allStrings = Arrays.stream(schema.fields()).allMatch(f -> f.dataType() instanceof StringType);
    if (in.format().equals("csv") && allStrings && !"false".equalsIgnoreCase(option(in, "inferSchema"))
        && input.isEmpty()) {
      String header = JobPlan.describe(schema).replace(":string", "");
      throw new ConfigException("input.path", in.path() + " has a header line (" + header + ") but no data rows, "
          + "so there is nothing to transform and no value to type its columns by; point input.path at a csv "
          + "with data rows");
    }
  }

  /**
   * A runtime failure reading one input file (a corrupt parquet page, a truncated file), retold as the
   * one line that names the file; null for any other failure. The file is taken from the {@code path}
   * parameter of Spark's read-failure error ({@code FAILED_READ_FILE} in Spark 4, its legacy code in
   * Spark 3.5), never from message text.
   */
  static String explainReadFailure(Throwable failure, JobConfig config) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SparkThrowable st && isReadFileError(st.getErrorClass())) {
        String path = st.getMessageParameters() == null ? null : st.getMessageParameters().get("path");
        if (path == null) {
          continue;
        }
        Throwable cause = t.getCause() == null ? t : t.getCause();
        return "input.path: cannot read " + decode(path) + " (" + JobPlan.innermost(cause) + "): the file is "
            + "damaged or is not " + config.input().format() + "; replace or remove it, or set "
            + "spark.conf.spark.sql.files.ignoreCorruptFiles: \"true\" to skip files Spark cannot read (their rows "
            + "are then left out)";
      }
    }
    return null;
  }

  private static boolean isReadFileError(String errorClass) {
    return errorClass != null && (errorClass.equals("_LEGACY_ERROR_TEMP_2064") || errorClass.startsWith("FAILED_READ_FILE"));
  }

  /** Spark gives the file URL-encoded ({@code file:///a%20b/part-0.parquet}); shown decoded. */
  private static String decode(String path) {
    try {
      return new Path(new URI(path)).toString();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return path;
    }
  }

  /**
   * A feature column must be numeric. A csv column is typed from the data when the schema is inferred:
   * a single cell that does not parse as a number (a stray {@code n/a}, a decimal comma, a wrong
   * separator) makes the whole column a string, so the message says so rather than just "string",
   * without scanning the data again to find the cell.
   */
  static void requireNumeric(StructField f, String key, JobConfig.InputSection in) {
    if (f.dataType() instanceof NumericType) {
      return;
    }
    String col = "'" + f.name() + "'";
    String label = "for a label, remove it from " + key + " (output.keep carries it to the output)";
    if (f.dataType() instanceof StringType && in.format().equals("csv")) {
      if ("false".equalsIgnoreCase(option(in, "inferSchema"))) {
        throw new ConfigException(key, "column " + col + " was read as string because input.options.inferSchema "
            + "is false, which reads every csv column as string; remove that option");
      }
      throw new ConfigException(key, "column " + col + " was read as string, not numeric: at least one of its cells "
          + "is not a number (csv types a column from all its cells); fix those cells (e.g. 'n/a', '1,5'), set "
          + "input.options.nullValue to the text that marks a missing value, or check input.options.sep; " + label);
    }
    throw new ConfigException(key, "column " + col + " is " + f.dataType().simpleString() + ", not numeric; "
        + "remove it from " + key + " (or, for a label, list it in output.keep)");
  }

  /** A reader option given in the config, looked up case-insensitively as Spark does; null if absent. */
  static String option(JobConfig.InputSection in, String name) {
    for (Map.Entry<String, String> e : in.options().entrySet()) {
      if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
        return e.getValue() == null ? null : e.getValue().trim();
      }
    }
    return null;
  }
}
