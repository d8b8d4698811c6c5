package io.github.sparkactivations.ml.feature;

import static io.github.sparkactivations.testing.NumericAssert.assertClose;
import static io.github.sparkactivations.testing.Frames.column;
import static io.github.sparkactivations.testing.Frames.messages;
import static io.github.sparkactivations.testing.Frames.values;
import static io.github.sparkactivations.testing.Frames.vectors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sparkactivations.testing.SparkTestBase;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.SparkException;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

class SoftmaxTransformerTest extends SparkTestBase {

  /**
   * softmax(x / t) by the stable recipe of docs/activations.md#row-wise-functions (shift by the max, 1 + the sum of the
   * other terms, log1p for log_softmax), written here independently of the core.
   */
  static double[] softmax(double[] x, double t, boolean log) {
    int k = 0;
    for (int i = 1; i < x.length; i++) {
      if (x[i] / t > x[k] / t) {
        k = i;
      }
    }
    double m = x[k] / t;
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      if (i != k) {
        s += Math.exp(x[i] / t - m);
      }
    }
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = log ? (x[i] / t - m) - Math.log1p(s) : Math.exp(x[i] / t - m) / (1 + s);
    }
    return out;
  }

  private static SoftmaxTransformer stage() {
    return new SoftmaxTransformer().setInputCol("features").setOutputCol("p");
  }

  @Test
  void softmaxOfATextbookRowWithTemperatureAndLog() {
    double[] seed = {40.0, 30.0, 20.0};
    double[] other = {-1000.0, -1001.0, -1002.0}; // all-very-negative row: must not become 0/0
    Dataset<Row> df = vectors(spark, Vectors.dense(seed), Vectors.dense(other), Vectors.dense(new double[0]));
    for (double t : new double[] {1.0, 2.5}) {
      for (boolean log : new boolean[] {false, true}) {
        List<Object> out = values(stage().setTemperature(t).setLogSoftmax(log).transform(df), "p");
        String what = (log ? "log_softmax" : "softmax") + " T=" + t;
        assertClose(softmax(seed, t, log), ((Vector) out.get(0)).toArray(), what);
        assertClose(softmax(other, t, log), ((Vector) out.get(1)).toArray(), what);
        assertEquals(0, ((Vector) out.get(2)).size());
      }
    }
    // the value for [-1000, -1001, -1002] (docs/activations.md#row-wise-functions)
    Vector p = (Vector) values(stage().transform(df), "p").get(1);
    assertClose(new double[] {0.6652409557748219, 0.24472847105479764, 0.09003057317038046}, p.toArray(), "all very negative");
  }

  @Test
  void sparseInputGivesADenseRowOfTheSameSizeAndArraysStayArrays() {
    Vector sparse = Vectors.sparse(5, new int[] {1, 3}, new double[] {2.0, -1.0});
    Vector out = (Vector) values(stage().setTemperature(0.5).transform(vectors(spark, sparse)), "p").get(0);
    assertInstanceOf(DenseVector.class, out);
    assertClose(softmax(sparse.toArray(), 0.5, false), out.toArray(), "sparse");

    Dataset<Row> floats =
        column(spark, "features", DataTypes.createArrayType(DataTypes.FloatType), (Object) new Float[] {1f, 2f, 3f});
    Dataset<Row> fout = stage().transform(floats);
    assertEquals(DataTypes.createArrayType(DataTypes.FloatType), fout.schema().apply("p").dataType());
    List<Object> f = fout.first().getList(fout.schema().fieldIndex("p"));
    double[] want = softmax(new double[] {1, 2, 3}, 1.0, false);
    for (int i = 0; i < 3; i++) {
      assertEquals((float) want[i], (Float) f.get(i));
    }
    Dataset<Row> doubles =
        column(spark, "features", DataTypes.createArrayType(DataTypes.DoubleType), (Object) new Double[] {1.0, 2.0, 3.0});
    Row r = stage().setLogSoftmax(true).transform(doubles).first();
    double[] got = r.getList(r.fieldIndex("p")).stream().mapToDouble(o -> (Double) o).toArray();
    assertClose(softmax(new double[] {1, 2, 3}, 1.0, true), got, "array<double> log_softmax");
  }

  @Test
  void oneInfiniteLogitGivesAOneHotRowAndIsValidInput() {
    double inf = Double.POSITIVE_INFINITY;
    Dataset<Row> df = vectors(spark, Vectors.dense(1.0, inf, -inf));
    Vector p = (Vector) values(stage().transform(df), "p").get(0);
    assertEquals(Vectors.dense(0.0, 1.0, 0.0), p);
  }

  @Test
  void handleInvalidOnNullAndNaNRows() {
    Dataset<Row> df = vectors(spark, Vectors.dense(0.0, 0.0), null, Vectors.dense(1.0, Double.NaN));
    String m = messages(assertThrows(SparkException.class, () -> stage().transform(df).collect()));
    assertTrue(m.contains("input column 'features' holds a null value") && m.contains("handleInvalid"), m);

    Dataset<Row> nanOnly = vectors(spark, Vectors.dense(1.0, Double.NaN));
    m = messages(assertThrows(SparkException.class, () -> stage().transform(nanOnly).collect()));
    assertTrue(m.contains("holds NaN at index 1") && m.contains("handleInvalid"), m);

    Dataset<Row> skipped = stage().setHandleInvalid("skip").transform(df);
    assertEquals(List.of(0), skipped.select("id").as(Encoders.INT()).collectAsList());
    assertEquals(Vectors.dense(0.5, 0.5), skipped.first().getAs("p"));

    List<Object> kept = values(stage().setHandleInvalid("keep").transform(df), "p");
    assertNull(kept.get(1));
    double[] nanRow = ((Vector) kept.get(2)).toArray();
    assertTrue(Arrays.stream(nanRow).allMatch(Double::isNaN), Arrays.toString(nanRow));
  }

  @Test
  void schemaKeepsTheVectorSizeAndRejectsScalarsAndBadTemperatures() {
    Dataset<Row> sized =
        column(spark, "features", SQLDataTypes.VectorType(),
            new AttributeGroup("features", 2).toMetadata(), Vectors.dense(1.0, 2.0));
    Dataset<Row> out = stage().transform(sized);
    assertEquals(stage().transformSchema(sized.schema()), out.schema());
    assertEquals(2, AttributeGroup.fromStructField(out.schema().apply("p")).size());

    Dataset<Row> scalars = column(spark, "features", DataTypes.DoubleType, 1.0);
    String m = assertThrows(IllegalArgumentException.class, () -> stage().transformSchema(scalars.schema())).getMessage();
    assertTrue(m.contains("must be of type vector, array<double> or array<float> but was double"), m);

    for (double bad : new double[] {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY}) {
      m = assertThrows(IllegalArgumentException.class, () -> stage().setTemperature(bad)).getMessage();
      assertTrue(m.contains("temperature"), m);
    }
    SoftmaxTransformer t = new SoftmaxTransformer();
    assertEquals(1.0, t.getTemperature());
    assertTrue(t.uid().startsWith("SoftmaxTransformer_"), t.uid());
    assertEquals(
        List.of("handleInvalid", "inputCol", "inputCols", "logSoftmax", "outputCol", "outputCols", "temperature"),
        Arrays.stream(t.params()).map(p -> p.name()).toList());
  }
}
