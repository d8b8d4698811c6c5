package io.github.sparkactivations.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import io.github.sparkactivations.ml.feature.ActivationTransformer;
import io.github.sparkactivations.ml.feature.SoftmaxTransformer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.feature.Normalizer;
import org.apache.spark.ml.functions;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.storage.StorageLevel;

/**
 * Spark-level benchmark: our {@link ActivationTransformer} / {@link SoftmaxTransformer} against
 * what a user would do instead, on cached input in local[2], all methods interleaved in one process.
 *
 * <p>Every timing is one full evaluation of {@code method(input).select(out)}, forced by a checksum that
 * reads every output value through the internal row (no external conversion, no collect). One warm-up
 * round, then {@code bench.runs} rounds; each round times every method once, in order. Printed per
 * method: median rows/s, and the median over rounds of (identity-UDF time / method time) in the same
 * round, so machine load that drifts between rounds cancels out.
 *
 * <p>System properties: {@code bench.rows} (dense rows, 1000000), {@code bench.sparseRows} (200000),
 * {@code bench.runs} (5), {@code bench.methods} ({@code all}, or a comma list of substrings of method
 * names, '_' for a space; the identity UDF always runs), {@code bench.mode} ({@code throughput}, or {@code heap}: uncached
 * streaming runs at bench.rows and 4 x bench.rows that report the peak heap).
 */
public final class SparkStageBenchmark {

  static final int DENSE_DIM = 64;
  static final int SPARSE_DIM = 1000;
  static final double SPARSE_DENSITY = 0.01;
  /** The Spark SQL conf that picks the stages' execution path. */
  static final String EXECUTION = "spark.activations.execution";

  private SparkStageBenchmark() {}

  /** A named way to compute column {@code out} from column {@code features}. */
  record Method(String name, String group, UnaryOperator<Dataset<Row>> plan) {}

  public static void main(String[] args) throws Exception {
    long rows = Long.getLong("bench.rows", 1_000_000L);
    long sparseRows = Long.getLong("bench.sparseRows", 200_000L);
    int runs = Integer.getInteger("bench.runs", 5);
    String filter = System.getProperty("bench.methods", "all");
    String mode = System.getProperty("bench.mode", "throughput");
    String kernels = System.getProperty("bench.kernels", "both");
    if ("both".equals(kernels) && !"heap".equals(mode)) {
      KernelRuns.scalarThenSimd();
      return;
    }

    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("spark-activations benchmark")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    printEnvironment(spark);
    registerGenerators(spark);

    if ("heap".equals(mode)) {
      heap(spark, rows);
    } else {
      Dataset<Row> dense = cached(denseInput(spark, rows));
      run(spark, "dense " + rows + " rows x " + DENSE_DIM, dense, rows, select(denseMethods(), filter), runs);
      dense.unpersist(true);
      Dataset<Row> sparse = cached(sparseInput(spark, sparseRows));
      run(spark, "sparse " + sparseRows + " rows x " + SPARSE_DIM + " at " + SPARSE_DENSITY, sparse,
          sparseRows, select(sparseMethods(), filter), runs);
      sparse.unpersist(true);
    }
    spark.stop();
    KernelRuns.write(RESULTS);
  }

  /** (table, method, median ratio to the identity UDF) of every method run, for {@link KernelRuns}. */
  static final List<String[]> RESULTS = new ArrayList<>();

  // ---------------------------------------------------------------------------------------- methods

  static List<Method> denseMethods() {
    List<Method> m = new ArrayList<>();
    m.add(identity());
    for (String fn : List.of("relu", "sigmoid", "tanh", "elu", "gelu")) {
      m.add(stage(fn, "native"));
      m.add(stage(fn, "udf"));
    }
    m.add(softmaxStage("native"));
    m.add(softmaxStage("udf"));
    m.add(udf("relu", "udf", SparkStageBenchmark::reluDense));
    m.add(udf("sigmoid", "udf", v -> mapDense(v, x -> 1.0 / (1.0 + Math.exp(-x)))));
    m.add(udf("tanh", "udf", v -> mapDense(v, Math::tanh)));
    m.add(udf("elu", "udf", v -> mapDense(v, x -> x > 0 ? x : Math.expm1(x))));
    m.add(udf("gelu", "udf", v -> mapDense(v, SparkStageBenchmark::geluTanhApprox)));
    m.add(udf("softmax", "udf", SparkStageBenchmark::softmaxUdf));
    m.add(sql("relu", "greatest(x, 0D)"));
    m.add(sql("sigmoid", "1D / (1D + exp(-x))"));
    m.add(sql("tanh", "tanh(x)"));
    m.add(sql("elu", "CASE WHEN x > 0 THEN x ELSE expm1(x) END"));
    m.add(sql("gelu", "0.5D * x * (1D + tanh(0.7978845608028654D * (x + 0.044715D * x * x * x)))"));
    m.add(sqlSoftmax());
    m.add(new Method("Normalizer (p=2, for scale)", "spark",
        df -> new Normalizer().setP(2.0).setInputCol("features").setOutputCol("out").transform(df)));
    return m;
  }

  static List<Method> sparseMethods() {
    List<Method> m = new ArrayList<>();
    m.add(identity());
    for (String fn : List.of("relu", "sigmoid", "tanh", "elu", "gelu")) {
      m.add(stage(fn, "native"));
      m.add(stage(fn, "udf"));
    }
    m.add(softmaxStage("native"));
    m.add(softmaxStage("udf"));
    m.add(udf("relu", "udf, sparse-preserving", SparkStageBenchmark::reluSparsePreserving));
    m.add(udf("sigmoid", "udf, densifying", v -> mapDense(v, x -> 1.0 / (1.0 + Math.exp(-x)))));
    m.add(udf("softmax", "udf, densifying", SparkStageBenchmark::softmaxUdf));
    m.add(sql("relu", "greatest(x, 0D)"));
    m.add(sql("sigmoid", "1D / (1D + exp(-x))"));
    return m;
  }

  static Method identity() {
    return udf("identity", "udf", v -> v);
  }

  /** The stage on one execution path ({@code native} or {@code udf}), chosen when the plan is built. */
  static Method stage(String fn, String path) {
    return new Method(fn + " ActivationTransformer [" + path + "]", "stage",
        df -> onPath(df, path, () -> new ActivationTransformer().setActivation(fn).setInputCol("features")
            .setOutputCol("out").transform(df)));
  }

  static Method softmaxStage(String path) {
    return new Method("softmax SoftmaxTransformer [" + path + "]", "stage",
        df -> onPath(df, path, () -> new SoftmaxTransformer().setInputCol("features").setOutputCol("out")
            .transform(df)));
  }

  static Dataset<Row> onPath(Dataset<Row> df, String path, java.util.function.Supplier<Dataset<Row>> plan) {
    df.sparkSession().conf().set(EXECUTION, path);
    try {
      return plan.get();
    } finally {
      df.sparkSession().conf().unset(EXECUTION);
    }
  }

  static Method udf(String fn, String kind, UDF1<Vector, Vector> body) {
    String name = "identity".equals(fn) ? "identity UDF (floor)" : fn + " hand-written UDF"
        + (kind.equals("udf") ? "" : " (" + kind.substring(5) + ")");
    UserDefinedFunction f = org.apache.spark.sql.functions.udf(body, SQLDataTypes.VectorType())
        .withName("bench_" + fn);
    return new Method(name, "udf", df -> df.withColumn("out", f.apply(col("features"))));
  }

  /** {@code array_to_vector(transform(vector_to_array(features), x -> body))}: the pure-SQL route. */
  static Method sql(String fn, String body) {
    return new Method(fn + " SQL higher-order function", "sql",
        df -> df.withColumn("a", functions.vector_to_array(col("features"), "float64"))
            .withColumn("out", functions.array_to_vector(expr("transform(a, x -> " + body + ")"))));
  }

  static Method sqlSoftmax() {
    return new Method("softmax SQL higher-order function", "sql",
        df -> df.withColumn("a", functions.vector_to_array(col("features"), "float64"))
            .withColumn("m", expr("array_max(a)"))
            .withColumn("e", expr("transform(a, x -> exp(x - m))"))
            .withColumn("s", expr("aggregate(e, 0D, (acc, y) -> acc + y)"))
            .withColumn("out", functions.array_to_vector(expr("transform(e, y -> y / s)"))));
  }

  // The hand-written UDF bodies: what a user writes in a few lines, allocating one output array.

  interface DoubleFn extends java.io.Serializable {
    double apply(double x);
  }

  static Vector mapDense(Vector v, DoubleFn f) {
    double[] in = v.toArray();
    double[] out = new double[in.length];
    for (int i = 0; i < in.length; i++) {
      out[i] = f.apply(in[i]);
    }
    return Vectors.dense(out);
  }

  static Vector reluDense(Vector v) {
    double[] in = v.toArray();
    double[] out = new double[in.length];
    for (int i = 0; i < in.length; i++) {
      out[i] = Math.max(0.0, in[i]);
    }
    return Vectors.dense(out);
  }

  static Vector reluSparsePreserving(Vector v) {
    if (v instanceof SparseVector s) {
      double[] vals = s.values();
      double[] out = new double[vals.length];
      for (int i = 0; i < vals.length; i++) {
        out[i] = Math.max(0.0, vals[i]);
      }
      return new SparseVector(s.size(), s.indices(), out);
    }
    return reluDense(v);
  }

  static double geluTanhApprox(double x) {
    return 0.5 * x * (1 + Math.tanh(0.7978845608028654 * (x + 0.044715 * x * x * x)));
  }

  static Vector softmaxUdf(Vector v) {
    double[] in = v.toArray();
    double m = Double.NEGATIVE_INFINITY;
    for (double x : in) {
      m = Math.max(m, x);
    }
    double[] out = new double[in.length];
    double s = 0;
    for (int i = 0; i < in.length; i++) {
      out[i] = Math.exp(in[i] - m);
      s += out[i];
    }
    for (int i = 0; i < out.length; i++) {
      out[i] /= s;
    }
    return new DenseVector(out);
  }

  static List<Method> select(List<Method> all, String filter) {
    if ("all".equals(filter)) {
      return all;
    }
    // '_' stands for a space, so that the list survives the exec plugin's command line
    List<String> parts = Arrays.asList(filter.toLowerCase(Locale.ROOT).replace('_', ' ').split(","));
    List<Method> out = new ArrayList<>();
    for (Method m : all) {
      String n = m.name().toLowerCase(Locale.ROOT);
      if (n.startsWith("identity") || parts.stream().anyMatch(p -> !p.isBlank() && n.contains(p.trim()))) {
        out.add(m);
      }
    }
    return out;
  }

  // ------------------------------------------------------------------------------------------ input

  static void registerGenerators(SparkSession spark) {
    spark.udf().register("bench_dense", (UDF1<Long, Vector>) id -> {
      Random r = new Random(id * 0x9E3779B97F4A7C15L + 17);
      double[] xs = new double[DENSE_DIM];
      for (int i = 0; i < xs.length; i++) {
        xs[i] = 2.0 * r.nextGaussian();
      }
      return new DenseVector(xs);
    }, SQLDataTypes.VectorType());
    spark.udf().register("bench_sparse", (UDF1<Long, Vector>) id -> {
      Random r = new Random(id * 0x9E3779B97F4A7C15L + 29);
      int nnz = (int) Math.round(SPARSE_DIM * SPARSE_DENSITY);
      int[] idx = r.ints(0, SPARSE_DIM).distinct().limit(nnz).sorted().toArray();
      double[] vals = new double[nnz];
      for (int i = 0; i < nnz; i++) {
        vals[i] = 2.0 * r.nextGaussian();
      }
      return new SparseVector(SPARSE_DIM, idx, vals);
    }, SQLDataTypes.VectorType());
  }

  static Dataset<Row> denseInput(SparkSession spark, long rows) {
    return spark.range(0, rows, 1, 8).selectExpr("bench_dense(id) AS features");
  }

  static Dataset<Row> sparseInput(SparkSession spark, long rows) {
    return spark.range(0, rows, 1, 8).selectExpr("bench_sparse(id) AS features");
  }

  static Dataset<Row> cached(Dataset<Row> df) {
    Dataset<Row> c = df.persist(StorageLevel.MEMORY_ONLY());
    long t0 = System.nanoTime();
    long n = c.count();
    System.out.printf(Locale.ROOT, "cached %d rows in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
    return c;
  }

  // ------------------------------------------------------------------------------------- measuring

  /**
   * Sum of every value of every output vector, read from the internal rows of the executed plan: this
   * forces the whole computation without converting rows back to external objects.
   */
  static double checksum(Dataset<Row> out) {
    JavaRDD<InternalRow> rdd = out.select("out").queryExecution().toRdd().toJavaRDD();
    return rdd.mapPartitions(it -> {
      double s = 0;
      while (it.hasNext()) {
        InternalRow row = it.next();
        if (row.isNullAt(0)) {
          continue;
        }
        ArrayData values = row.getStruct(0, 4).getArray(3);
        int n = values.numElements();
        for (int i = 0; i < n; i++) {
          s += values.getDouble(i);
        }
      }
      return List.of(s).iterator();
    }).reduce(Double::sum);
  }

  static void run(SparkSession spark, String title, Dataset<Row> input, long rows, List<Method> methods,
      int runs) {
    System.out.printf(Locale.ROOT, "%n== %s, local[2], %d timed rounds (+1 warm-up), median ==%n", title, runs);
    int k = methods.size();
    double[][] seconds = new double[runs][k];
    double[] checksums = new double[k];
    for (int round = -1; round < runs; round++) {
      for (int j = 0; j < k; j++) {
        Dataset<Row> out = methods.get(j).plan().apply(input);
        long t0 = System.nanoTime();
        double c = checksum(out);
        double s = (System.nanoTime() - t0) / 1e9;
        checksums[j] = c;
        if (round >= 0) {
          seconds[round][j] = s;
        }
      }
      if (round >= 0) {
        System.out.printf(Locale.ROOT, "  round %d done (identity %.3f s)%n", round + 1, seconds[round][0]);
      }
    }
    Map<String, Double> sqlRate = new LinkedHashMap<>();
    Map<String, Double> udfRate = new LinkedHashMap<>();
    double[] rate = new double[k];
    double[] ratio = new double[k];
    for (int j = 0; j < k; j++) {
      double[] t = new double[runs];
      double[] r = new double[runs];
      for (int i = 0; i < runs; i++) {
        t[i] = seconds[i][j];
        r[i] = seconds[i][0] / seconds[i][j];
      }
      rate[j] = rows / median(t);
      ratio[j] = median(r);
      String fn = methods.get(j).name().split(" ")[0];
      if (methods.get(j).group().equals("sql")) {
        sqlRate.put(fn, rate[j]);
      } else if (methods.get(j).group().equals("udf") && !udfRate.containsKey(fn)) {
        udfRate.put(fn, rate[j]);
      }
    }
    System.out.printf(Locale.ROOT, "| %-44s | %10s | %11s | %9s | %9s | %-22s |%n", "method", "rows/s",
        "vs identity", "vs UDF", "vs SQL", "checksum");
    System.out.printf("|%s|%s:|%s:|%s:|%s:|%s|%n", "-".repeat(46), "-".repeat(11), "-".repeat(12),
        "-".repeat(10), "-".repeat(10), "-".repeat(24));
    for (int j = 0; j < k; j++) {
      Method m = methods.get(j);
      String fn = m.name().split(" ")[0];
      String vsUdf = m.group().equals("stage") && udfRate.containsKey(fn)
          ? String.format(Locale.ROOT, "%.2fx", rate[j] / udfRate.get(fn)) : "";
      String vsSql = m.group().equals("stage") && sqlRate.containsKey(fn)
          ? String.format(Locale.ROOT, "%.1fx", rate[j] / sqlRate.get(fn)) : "";
      System.out.printf(Locale.ROOT, "| %-44s | %9.3fM | %11.2f | %9s | %9s | %-22.15g |%n", m.name(),
          rate[j] / 1e6, ratio[j], vsUdf, vsSql, checksums[j]);
      RESULTS.add(new String[] {title.split(" ")[0], m.name(), String.format(Locale.ROOT, "%.2f", ratio[j])});
    }
  }

  static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
  }

  // ------------------------------------------------------------------------------------ heap check

  /**
   * Streams uncached generated input through the stages at two sizes and reports the peak heap (all
   * pools) and the peak old generation. Flat in the number of rows means the stages stream (no
   * collect, no per-partition buffering); run it with a small -Xmx (e.g. -Dbench.xmx=512m) so that any
   * growth with the row count would fail.
   */
  static void heap(SparkSession spark, long rows) {
    List<Method> methods =
        List.of(stage("relu", "native"), stage("relu", "udf"), softmaxStage("native"), softmaxStage("udf"));
    System.out.printf(Locale.ROOT, "%n== peak heap, uncached dense input x %d, max heap %d MB ==%n", DENSE_DIM,
        Runtime.getRuntime().maxMemory() >> 20);
    System.out.printf("| rows | method | seconds | sum of pool peaks MB | peak old gen MB |%n|---:|---|---:|---:|---:|%n");
    for (long n : new long[] {rows, 4 * rows}) {
      for (Method m : methods) {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
          p.resetPeakUsage();
        }
        long t0 = System.nanoTime();
        checksum(m.plan().apply(denseInput(spark, n)));
        double s = (System.nanoTime() - t0) / 1e9;
        long peak = 0;
        long old = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
          if (p.getType() == MemoryType.HEAP) {
            peak += p.getPeakUsage().getUsed();
            if (p.getName().contains("Old")) {
              old = p.getPeakUsage().getUsed();
            }
          }
        }
        System.out.printf(Locale.ROOT, "| %d | %s | %.1f | %d | %d |%n", n, m.name(), s, peak >> 20, old >> 20);
      }
    }
  }

  static void printEnvironment(SparkSession spark) {
    System.out.printf(Locale.ROOT, "Spark %s, Java %s (%s), %d cores, max heap %d MB, load average %.2f%n",
        spark.version(), System.getProperty("java.version"), System.getProperty("java.vm.name"),
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    System.out.println("core bulk kernels: " + KernelRuns.kernelPath());
  }
}
