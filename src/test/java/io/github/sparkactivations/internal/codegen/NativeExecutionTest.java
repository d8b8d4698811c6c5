package io.github.sparkactivations.internal.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sparkactivations.activation.Activations;
import io.github.sparkactivations.activation.ElementwiseActivation;
import io.github.sparkactivations.activation.RowwiseActivation;
import io.github.sparkactivations.internal.shim.BuildLine;
import io.github.sparkactivations.ml.feature.ActivationTransformer;
import io.github.sparkactivations.ml.feature.SoftmaxTransformer;
import io.github.sparkactivations.sql.ActivationFunctions;
import io.github.sparkactivations.testing.SparkTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.ScalaUDF;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import scala.collection.JavaConverters;
import scala.runtime.AbstractFunction1;

/**
 * The native path against the UDF path and the core: the same rows through both paths give
 * bit-identical results (vector kind, indices, every value's bits, nulls), and both equal the core's
 * scalar {@code value}/{@code derivative} (or the core's row-wise {@code apply}) of every input entry.
 * The inputs mix dense and sparse vectors, arrays with null elements, float arrays, numbers, signed
 * zeros, infinities, extreme magnitudes and NaN (under {@code handleInvalid=keep}).
 */
@SuppressWarnings("unchecked")
class NativeExecutionTest extends SparkTestBase {

  private static final StructType SCHEMA =
      new StructType()
          .add("id", DataTypes.IntegerType, false)
          .add("vec", SQLDataTypes.VectorType(), true)
          .add("arr", DataTypes.createArrayType(DataTypes.DoubleType, true), true)
          .add("flt", DataTypes.createArrayType(DataTypes.FloatType, true), true)
          .add("num", DataTypes.DoubleType, true);
  private static final double[] SPECIAL = {
    0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e300, -1e300, 1e-300, -4.9e-324,
    Double.NaN, 709.8, -745.2, 20.0, -20.0, 1.0, -1.0
  };

  private static double draw(Random r) {
    return r.nextInt(5) == 0 ? SPECIAL[r.nextInt(SPECIAL.length)] : r.nextGaussian() * 4;
  }

  private static Dataset<Row> input() {
    Random r = new Random(20261207L);
    List<Row> rows = new ArrayList<>();
    for (int id = 0; id < 48; id++) {
      Vector vec;
      if (id % 11 == 10) {
        vec = null;
      } else if (id % 2 == 0) {
        double[] xs = new double[id % 7 == 0 ? 0 : 9];
        for (int i = 0; i < xs.length; i++) {
          xs[i] = draw(r);
        }
        vec = Vectors.dense(xs);
      } else {
        int size = 13;
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < size; i++) {
          if (r.nextInt(3) == 0) {
            idx.add(i);
          }
        }
        double[] vals = new double[idx.size()];
        for (int k = 0; k < vals.length; k++) {
          vals[k] = draw(r);
        }
        vec = Vectors.sparse(size, idx.stream().mapToInt(Integer::intValue).toArray(), vals);
      }
      Double[] arr = id % 13 == 12 ? null : new Double[id % 6];
      Float[] flt = id % 13 == 11 ? null : new Float[id % 5];
      for (int i = 0; arr != null && i < arr.length; i++) {
        arr[i] = r.nextInt(9) == 0 ? null : draw(r);
      }
      for (int i = 0; flt != null && i < flt.length; i++) {
        flt[i] = r.nextInt(9) == 0 ? null : (float) draw(r);
      }
      Double num = id % 9 == 8 ? null : draw(r);
      rows.add(RowFactory.create(id, vec, arr, flt, num));
    }
    return spark.createDataFrame(rows, SCHEMA);
  }

  /** Runs {@code query} with {@value Execution#CONF} set to {@code mode}, collecting the rows by id. */
  private static List<Row> on(String mode, Supplier<Dataset<Row>> query) {
    return withExecution(mode, () -> {
      Dataset<Row> df = query.get();
      String plan = mode + ": " + df.queryExecution().optimizedPlan();
      assertEquals("native".equals(mode), holds(df, ActivationExpression.class), plan);
      assertEquals("udf".equals(mode), holds(df, ScalaUDF.class), plan);
      return df.orderBy("id").collectAsList();
    });
  }

  /** {@code body} with {@value Execution#CONF} set to {@code mode}, restoring the session's value. */
  private static <T> T withExecution(String mode, Supplier<T> body) {
    String before = spark.conf().get(Execution.CONF, null);
    spark.conf().set(Execution.CONF, mode);
    try {
      return body.get();
    } finally {
      if (before == null) {
        spark.conf().unset(Execution.CONF);
      } else {
        spark.conf().set(Execution.CONF, before);
      }
    }
  }

  private static boolean holds(Dataset<Row> df, Class<?> type) {
    return holds(df.queryExecution().optimizedPlan(), type);
  }

  private static boolean holds(LogicalPlan plan, Class<?> type) {
    AbstractFunction1<Expression, Object> isType =
        new AbstractFunction1<>() {
          @Override
          public Object apply(Expression e) {
            return type.isInstance(e);
          }
        };
    for (Expression e : JavaConverters.seqAsJavaList(plan.expressions())) {
      if (e.find(isType).isDefined()) {
        return true;
      }
    }
    for (LogicalPlan child : JavaConverters.seqAsJavaList(plan.children())) {
      if (holds(child, type)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void elementwiseStagesAreBitIdenticalOnBothPathsAndToTheCore() {
    Dataset<Row> in = input();
    List<String> names = Activations.elementwiseNames();
    for (int from = 0; from < names.size(); from += 10) {
      List<String> batch = names.subList(from, Math.min(names.size(), from + 10));
      Supplier<Dataset<Row>> query =
          () -> {
            Dataset<Row> df = in;
            for (String name : batch) {
              for (boolean d : new boolean[] {false, true}) {
                String p = name + (d ? "'" : "") + "_";
                df = new ActivationTransformer().setActivation(name).setDerivative(d).setHandleInvalid("keep")
                    .setInputCols("vec", "arr", "flt", "num")
                    .setOutputCols(p + "vec", p + "arr", p + "flt", p + "num")
                    .transform(df);
              }
            }
            return df;
          };
      List<Row> nat = on("native", query);
      List<Row> udf = on("udf", query);
      List<Row> cols = on("native", query); // warm path twice: generated code is cached per plan
      for (int i = 0; i < nat.size(); i++) {
        Row n = nat.get(i);
        Row u = udf.get(i);
        assertEquals(cols.get(i).length(), n.length());
        for (String name : batch) {
          ElementwiseActivation fn = Activations.parseElementwise(name);
          for (boolean d : new boolean[] {false, true}) {
            String p = name + (d ? "'" : "") + "_";
            String at = "row " + n.getInt(0) + ", " + p;
            for (String c : new String[] {"vec", "arr", "flt", "num"}) {
              Object nv = n.get(n.fieldIndex(p + c));
              assertSame(nv, u.get(u.fieldIndex(p + c)), at + c + " native vs udf");
              Object expected = expected(fn, d, n.get(n.fieldIndex(c)), c);
              assertSame(expected, nv, at + c + " vs the core");
            }
          }
        }
      }
    }
  }

  @Test
  void rowwiseStagesAreBitIdenticalOnBothPathsAndToTheCore() {
    Dataset<Row> in = input();
    Supplier<Dataset<Row>> query =
        () -> {
          Dataset<Row> df = in;
          for (String name : Activations.rowwiseNames()) {
            df = new ActivationTransformer().setActivation(name).setHandleInvalid("keep")
                .setInputCols("vec", "arr", "flt").setOutputCols(name + "_vec", name + "_arr", name + "_flt")
                .transform(df);
          }
          for (double t : new double[] {0.25, 3.0, 1e-300}) {
            for (boolean log : new boolean[] {false, true}) {
              String p = (log ? "log" : "") + "t" + t + "_";
              df = new SoftmaxTransformer().setTemperature(t).setLogSoftmax(log).setHandleInvalid("keep")
                  .setInputCols("vec", "arr").setOutputCols(p + "vec", p + "arr").transform(df);
            }
          }
          return df;
        };
    List<Row> nat = on("native", query);
    List<Row> udf = on("udf", query);
    for (int i = 0; i < nat.size(); i++) {
      Row n = nat.get(i);
      Row u = udf.get(i);
      for (int f = SCHEMA.size(); f < n.length(); f++) {
        assertSame(n.get(f), u.get(f), "row " + n.getInt(0) + ", " + n.schema().fieldNames()[f]);
      }
      for (String name : Activations.rowwiseNames()) {
        RowwiseActivation fn = Activations.parseRowwise(name);
        for (String c : new String[] {"vec", "arr", "flt"}) {
          assertSame(rowwise(fn, n.get(n.fieldIndex(c)), c), n.get(n.fieldIndex(name + "_" + c)),
              "row " + n.getInt(0) + ", " + name + " of " + c);
        }
      }
    }
  }

  @Test
  void interpretedEvaluationMatchesGeneratedCode() {
    Dataset<Row> in = input();
    Supplier<Dataset<Row>> query =
        () -> new ActivationTransformer().setActivation("elu(alpha=0.5)").setHandleInvalid("keep")
            .setInputCols("vec", "arr", "flt", "num").setOutputCols("o1", "o2", "o3", "o4").transform(
                new SoftmaxTransformer().setHandleInvalid("keep").setInputCol("vec").setOutputCol("o5").transform(in));
    List<Row> generated = on("native", query);
    // no whole-stage codegen and no generated projections: Spark calls eval row by row
    spark.conf().set("spark.sql.codegen.wholeStage", "false");
    spark.conf().set("spark.sql.codegen.factoryMode", "NO_CODEGEN");
    try {
      List<Row> interpreted = on("native", query);
      for (int i = 0; i < generated.size(); i++) {
        for (int f = 0; f < generated.get(i).length(); f++) {
          assertSame(generated.get(i).get(f), interpreted.get(i).get(f), "row " + i + ", field " + f);
        }
      }
    } finally {
      spark.conf().unset("spark.sql.codegen.wholeStage");
      spark.conf().unset("spark.sql.codegen.factoryMode");
    }
  }

  @Test
  void explainNamesTheExpressionInsideWholeStageCodegen() {
    Dataset<Row> in = input();
    withExecution("native", () -> {
      Dataset<Row> df = new ActivationTransformer().setActivation("relu").setInputCol("vec").setOutputCol("out")
          .setHandleInvalid("keep").transform(in);
      df.collectAsList();
      String plan = df.queryExecution().executedPlan().toString();
      assertTrue(plan.lines().anyMatch(l -> l.contains("*(") && l.contains("activation_relu(vec#")), plan);
      Dataset<Row> sql = in.select(ActivationFunctions.softmax(in.col("arr")));
      sql.collectAsList();
      assertEquals("softmax(arr)", sql.columns()[0]);
      assertTrue(holds(sql, ActivationExpression.class));
      assertTrue(sql.queryExecution().executedPlan().toString().contains("softmax(arr#"));
      return null;
    });
  }

  @Test
  void theConfPicksThePathAndRefusesOtherValues() {
    Dataset<Row> in = input();
    assertTrue(Execution.nativeSupported(), "this build's own Spark line");
    // the line is the build's major.minor, so a jar built for one Spark 4 line falls back to the UDF on another
    String running = spark.version();
    assertEquals(running.substring(0, running.indexOf('.', running.indexOf('.') + 1)), BuildLine.LINE);
    assertTrue(BuildLine.runs(BuildLine.LINE + ".7"));
    String[] mm = BuildLine.LINE.split("\\.");
    assertFalse(BuildLine.runs(mm[0] + "." + (Integer.parseInt(mm[1]) + 1) + ".0"), "the next minor line");
    assertFalse(BuildLine.runs(BuildLine.LINE + "0.1"), "4.20 is not 4.2");
    withExecution("UDF", () -> {
      Dataset<Row> df = in.select(ActivationFunctions.activation("tanh", in.col("num")));
      assertTrue(holds(df, ScalaUDF.class));
      assertFalse(holds(df, ActivationExpression.class));
      return null;
    });
    withExecution("auto", () -> {
      assertTrue(holds(in.select(ActivationFunctions.activation("tanh", in.col("num"))), ActivationExpression.class));
      return null;
    });
    String m = withExecution("fast", () -> assertThrows(IllegalArgumentException.class,
        () -> new ActivationTransformer().setActivation("relu").setInputCol("vec").transform(in)).getMessage());
    assertTrue(m.contains(Execution.CONF) && m.contains("'fast'") && m.contains("auto, native, udf"), m);
  }

  // ------------------------------------------------------------------------------- expectations

  private static Object expected(ElementwiseActivation fn, boolean d, Object x, String column) {
    if (x == null) {
      return null;
    }
    switch (column) {
      case "num":
        return d ? fn.derivative((Double) x) : fn.value((Double) x);
      case "vec":
        Vector v = (Vector) x;
        double g0 = d ? fn.derivative(0.0) : fn.value(0.0);
        boolean keepsSparse = d ? g0 == 0.0 && fn.derivative(-0.0) == 0.0 : fn.preservesZero();
        double[] all = v.toArray();
        double[] out = new double[all.length];
        for (int i = 0; i < all.length; i++) {
          out[i] = d ? fn.derivative(all[i]) : fn.value(all[i]);
        }
        if (v instanceof SparseVector s) {
          for (int i = 0; i < out.length; i++) {
            if (!contains(s.indices(), i)) {
              out[i] = g0; // an implicit zero is +0.0
            }
          }
          if (keepsSparse) {
            return new DenseVector(out).toSparse(); // drops the exact zeros, as both paths do
          }
        }
        return new DenseVector(out);
      default:
        List<Object> in = JavaConverters.seqAsJavaList((scala.collection.Seq<Object>) x);
        List<Object> res = new ArrayList<>();
        for (Object o : in) {
          if (o == null) {
            res.add(null);
          } else {
            double y = ((Number) o).doubleValue();
            double g = d ? fn.derivative(y) : fn.value(y);
            res.add("flt".equals(column) ? (Object) (float) g : (Object) g);
          }
        }
        return res;
    }
  }

  private static Object rowwise(RowwiseActivation fn, Object x, String column) {
    if (x == null) {
      return null;
    }
    if (x instanceof Vector v) {
      double[] out = v.toArray().clone(); // a dense vector's toArray is its own values array
      fn.applyInPlace(out);
      return new DenseVector(out);
    }
    List<Object> in = JavaConverters.seqAsJavaList((scala.collection.Seq<Object>) x);
    double[] xs = new double[in.size()];
    for (int i = 0; i < xs.length; i++) {
      if (in.get(i) == null) {
        return null; // keep: a null element makes the whole row null
      }
      xs[i] = ((Number) in.get(i)).doubleValue();
    }
    fn.applyInPlace(xs);
    List<Object> res = new ArrayList<>();
    for (double y : xs) {
      res.add("flt".equals(column) ? (Object) (float) y : (Object) y);
    }
    return res;
  }

  private static boolean contains(int[] xs, int x) {
    for (int v : xs) {
      if (v == x) {
        return true;
      }
    }
    return false;
  }

  /** Equal down to the bits: vector kind, size, indices, each value's bits (any NaN equals any NaN). */
  private static void assertSame(Object expected, Object actual, String what) {
    if (expected == null || actual == null) {
      assertEquals(expected, actual, what);
      return;
    }
    if (expected instanceof Vector e) {
      Vector a = (Vector) actual;
      assertEquals(e.getClass(), a.getClass(), what + ": vector kind");
      assertEquals(e.size(), a.size(), what + ": size");
      if (e instanceof SparseVector s) {
        assertTrue(java.util.Arrays.equals(s.indices(), ((SparseVector) a).indices()), what + ": indices");
      }
      assertBits(e.toArray(), a.toArray(), what);
      return;
    }
    if (!(expected instanceof List<?> || expected instanceof scala.collection.Seq<?>)) {
      assertEquals(expected, actual, what); // Double.equals compares bits (NaN == NaN, 0.0 != -0.0)
      return;
    }
    List<Object> e = expected instanceof scala.collection.Seq<?> s
        ? new ArrayList<>(JavaConverters.seqAsJavaList(s)) : (List<Object>) expected;
    List<Object> a = new ArrayList<>(JavaConverters.seqAsJavaList((scala.collection.Seq<Object>) actual));
    assertEquals(e, a, what); // element equals: Double/Float.equals, by bits
  }

  private static void assertBits(double[] e, double[] a, String what) {
    assertEquals(e.length, a.length, what + ": length");
    for (int i = 0; i < e.length; i++) {
      assertEquals(Double.valueOf(e[i]), Double.valueOf(a[i]), what + "[" + i + "]");
    }
  }
}
