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

import io.github.sparkactivations.activation.RowwiseActivation;
import io.github.sparkactivations.testing.SparkTestBase;
import io.github.sparkactivations.testing.StageTestKit;
import java.nio.file.Path;
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
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ActivationTransformer with a row-wise activation (softmax, log_softmax, softmin, hardmax). */
class ActivationTransformerRowwiseTest extends SparkTestBase {

  private static final double NAN = Double.NaN;
  private static final double INF = Double.POSITIVE_INFINITY;

  /** softmin(x) = softmax(-x) by the textbook formula, plain Math.exp (small |x| only). */
  static double[] softmin(double[] x) {
    double sum = 0;
    for (double v : x) {
      sum += Math.exp(-v);
    }
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = Math.exp(-x[i]) / sum;
    }
    return y;
  }

  private static ActivationTransformer stage(String spec) {
    return new ActivationTransformer().setActivation(spec).setInputCol("features").setOutputCol("out");
  }

  private static double[] doubles(Row r, String col) {
    return r.getList(r.fieldIndex(col)).stream().mapToDouble(o -> ((Number) o).doubleValue()).toArray();
  }

  @Test
  void softminOfDenseAndSparseVectorsIsSoftmaxOfTheNegatedRow() {
    double[] x = {1.0, 2.0, 3.0, -0.5};
    Vector sparse = Vectors.sparse(5, new int[] {1, 3}, new double[] {2.0, -1.0});
    Dataset<Row> df = vectors(spark, Vectors.dense(x), sparse, Vectors.dense(new double[0]));
    List<Object> out = values(stage("softmin").transform(df), "out");
    assertClose(softmin(x), ((Vector) out.get(0)).toArray(), "softmin dense");
    // sparse in, dense out of the same size: exp(-0) / sum at every implicit zero
    DenseVector d = assertInstanceOf(DenseVector.class, out.get(1));
    assertEquals(5, d.size());
    assertClose(softmin(new double[] {0.0, 2.0, 0.0, -1.0, 0.0}), d.toArray(), "softmin sparse");
    assertEquals(0, ((Vector) out.get(2)).size()); // an empty row stays empty
    double sum = Arrays.stream(((Vector) out.get(0)).toArray()).sum();
    assertEquals(1.0, sum, 1e-15);
  }

  @Test
  void softmaxAndLogSoftmaxMatchTheIndependentRecipeAndTheSoftmaxTransformerAtTemperatureOne() {
    double[] x = {40.0, 30.0, 20.0}; // a worked row of docs/activations.md
    Dataset<Row> df = vectors(spark, Vectors.dense(x), Vectors.sparse(4, new int[] {2}, new double[] {3.0}));
    for (boolean log : new boolean[] {false, true}) {
      String spec = log ? "LogSoftmax" : "softmax"; // an alias, case-insensitive
      List<Object> out = values(stage(spec).transform(df), "out");
      assertClose(SoftmaxTransformerTest.softmax(x, 1.0, log), ((Vector) out.get(0)).toArray(), spec);
      assertClose(SoftmaxTransformerTest.softmax(new double[] {0, 0, 3, 0}, 1.0, log),
          ((Vector) out.get(1)).toArray(), spec + " sparse");
      List<Object> viaSoftmaxStage =
          values(new SoftmaxTransformer().setLogSoftmax(log).setInputCol("features").setOutputCol("out")
              .transform(df), "out");
      assertEquals(viaSoftmaxStage, out, "same kernel at T = 1: bit-identical");
    }
  }

  @Test
  void hardmaxIsTheOneHotOfTheFirstMaximumWithSignedZerosTied() {
    Dataset<Row> df =
        vectors(
            spark,
            Vectors.dense(1.0, 3.0, 3.0, 2.0), // tie: the first 3 wins
            Vectors.dense(-0.0, 0.0, -1.0), // -0.0 == 0.0: the first wins
            Vectors.dense(-1.0, 0.0, -0.0), // ... either way round
            Vectors.sparse(4, new int[] {1}, new double[] {-2.0}), // max is the implicit 0 at index 0
            Vectors.sparse(3, new int[] {2}, new double[] {5.0}),
            Vectors.dense(-INF, -INF), // all -Inf: e0
            Vectors.dense(1.0, INF, INF)); // several +Inf: the first
    List<Object> out = values(stage("hardmax").transform(df), "out");
    assertEquals(
        List.of(
            Vectors.dense(0, 1, 0, 0),
            Vectors.dense(1, 0, 0),
            Vectors.dense(0, 1, 0),
            Vectors.dense(1, 0, 0, 0),
            Vectors.dense(0, 0, 1),
            Vectors.dense(1, 0),
            Vectors.dense(0, 1, 0)),
        out);
    for (Object o : out) {
      assertInstanceOf(DenseVector.class, o);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"softmax", "log_softmax", "softmin", "hardmax"})
  void aNaNRowUnderKeepBecomesANaNRowAndANullStaysNull(String spec) {
    Dataset<Row> df = vectors(spark, Vectors.dense(1.0, NAN, 2.0), null, Vectors.dense(0.5, -0.5));
    List<Object> out = values(stage(spec).setHandleInvalid("keep").transform(df), "out");
    double[] nanRow = ((Vector) out.get(0)).toArray();
    assertEquals(3, nanRow.length);
    assertTrue(Arrays.stream(nanRow).allMatch(Double::isNaN), spec + ": " + Arrays.toString(nanRow));
    assertNull(out.get(1));
    assertEquals(2, ((Vector) out.get(2)).size());
  }

  @Test
  void arraysStayArraysOfTheirElementTypeAndKeepTheirLength() {
    Dataset<Row> doubles =
        column(spark, "features", DataTypes.createArrayType(DataTypes.DoubleType),
            (Object) new Double[] {0.25, -1.0, 2.0}, (Object) new Double[] {});
    Dataset<Row> out = stage("softmin").transform(doubles).orderBy("id");
    assertEquals(DataTypes.createArrayType(DataTypes.DoubleType), out.schema().apply("out").dataType());
    List<Row> rows = out.collectAsList();
    assertClose(softmin(new double[] {0.25, -1.0, 2.0}), doubles(rows.get(0), "out"), "array<double>");
    assertEquals(0, doubles(rows.get(1), "out").length);

    Dataset<Row> floats =
        column(spark, "features", DataTypes.createArrayType(DataTypes.FloatType),
            (Object) new Float[] {1.5f, -2f, 1.5f});
    Dataset<Row> fout = stage("hardmax").transform(floats);
    assertEquals(DataTypes.createArrayType(DataTypes.FloatType), fout.schema().apply("out").dataType());
    Row r = fout.first();
    assertEquals(List.of(1f, 0f, 0f), r.getList(r.fieldIndex("out")));
    double[] want = softmin(new double[] {1.5, -2.0, 1.5});
    Row s = stage("softmin").transform(floats).first();
    List<Object> got = s.getList(s.fieldIndex("out"));
    for (int i = 0; i < want.length; i++) {
      assertEquals((float) want[i], (Float) got.get(i), "array<float>[" + i + "] rounded once");
    }
  }

  @Test
  void handleInvalidErrorAndSkipAffectTheWholeRow() {
    Dataset<Row> df = vectors(spark, Vectors.dense(0.0, 0.0), null, Vectors.dense(1.0, NAN));
    String m = messages(assertThrows(SparkException.class, () -> stage("hardmax").transform(df).collect()));
    assertTrue(m.contains("input column 'features' holds a null value") && m.contains("handleInvalid"), m);
    Dataset<Row> nanOnly = vectors(spark, Vectors.sparse(4, new int[] {0, 3}, new double[] {1.0, NAN}));
    m = messages(assertThrows(SparkException.class, () -> stage("softmin").transform(nanOnly).collect()));
    assertTrue(m.contains("input column 'features' holds NaN at index 3") && m.contains("handleInvalid"), m);

    Dataset<Row> skipped = stage("softmin").setHandleInvalid("skip").transform(df);
    assertEquals(List.of(0), skipped.select("id").as(Encoders.INT()).collectAsList());
    assertEquals(Vectors.dense(0.5, 0.5), skipped.first().getAs("out"));

    // a null element inside an array invalidates the whole row: error names it, keep gives a null row
    Dataset<Row> arrays =
        column(spark, "features", DataTypes.createArrayType(DataTypes.DoubleType),
            new Double[] {1.0, null, -3.0}, new Double[] {2.0, 2.0});
    m = messages(assertThrows(SparkException.class, () -> stage("softmin").transform(arrays).collect()));
    assertTrue(m.contains("input column 'features' holds an array with a null element at index 1"), m);
    List<Object> kept = values(stage("softmin").setHandleInvalid("keep").transform(arrays), "out");
    assertNull(kept.get(0));
    assertEquals(List.of(1),
        stage("softmin").setHandleInvalid("skip").transform(arrays).select("id").as(Encoders.INT()).collectAsList());
  }

  @Test
  void aRowwiseFunctionOnANumericColumnFailsInTransformSchemaNamingColumnTypeAndWhatIsAllowed() {
    StructType schema = new StructType().add("id", DataTypes.IntegerType).add("x", DataTypes.DoubleType);
    String m = assertThrows(IllegalArgumentException.class,
        () -> stage("softmin").setInputCol("x").transformSchema(schema)).getMessage();
    assertTrue(m.contains("input column 'x' must be of type vector, array<double> or array<float> but was double"), m);
    assertTrue(m.contains("softmin is row-wise") && m.contains("VectorAssembler"), m);
    // multi-column: the scalar one is named even if the others are fine
    StructType mixed = schema.add("v", SQLDataTypes.VectorType()).add("n", DataTypes.LongType);
    m = assertThrows(IllegalArgumentException.class,
        () -> new ActivationTransformer().setActivation("hardmax").setInputCols("v", "n").setOutputCols("a", "b")
            .transformSchema(mixed)).getMessage();
    assertTrue(m.contains("input column 'n'") && m.contains("but was bigint") && m.contains("hardmax is row-wise"), m);
    // the same column is fine for an elementwise function
    assertEquals(DataTypes.DoubleType, stage("relu").setInputCol("x").transformSchema(schema).apply("out").dataType());
  }

  @Test
  void derivativeWithARowwiseFunctionFailsInTransformSchemaWhateverTheSetterOrder() {
    StructType schema = vectors(spark, Vectors.dense(1.0)).schema();
    ActivationTransformer a = stage("hardmax").setDerivative(true);
    ActivationTransformer b = new ActivationTransformer().setDerivative(true).setActivation("softmax")
        .setInputCol("features").setOutputCol("out");
    for (ActivationTransformer t : List.of(a, b)) {
      String m = assertThrows(IllegalArgumentException.class, () -> t.transformSchema(schema)).getMessage();
      assertTrue(m.startsWith(t.uid() + ": derivative=true is not supported for the row-wise activation "), m);
      assertTrue(m.contains("Jacobian") && m.contains("Set derivative to false")
          && m.contains("RowwiseActivation.backward"), m);
    }
    assertEquals("softmax", b.getActivationFunction().name());
    assertInstanceOf(RowwiseActivation.class, b.getActivationFunction());
  }

  @Test
  void outputCarriesTheVectorSizeAndThePredictedSchemaIsExact() {
    StructType schema =
        new StructType()
            .add("id", DataTypes.IntegerType)
            .add(new AttributeGroup("v", 3).toStructField())
            .add("d", DataTypes.createArrayType(DataTypes.DoubleType))
            .add("f", DataTypes.createArrayType(DataTypes.FloatType));
    Dataset<Row> df =
        spark.createDataFrame(
            List.of(RowFactory.create(0, Vectors.sparse(3, new int[] {1}, new double[] {4.0}),
                new Double[] {1.0, 2.0}, new Float[] {3f})),
            schema);
    ActivationTransformer t =
        new ActivationTransformer().setActivation("softmin").setInputCols("v", "d", "f").setOutputCols("ov", "od", "of");
    Dataset<Row> out = t.transform(df);
    assertEquals(t.transformSchema(df.schema()), out.schema());
    assertEquals(3, AttributeGroup.fromStructField(out.schema().apply("ov")).size());
    assertClose(softmin(new double[] {0.0, 4.0, 0.0}), ((Vector) out.first().getAs("ov")).toArray(), "ov");
    // unknown size in, no size out
    Dataset<Row> plain = vectors(spark, Vectors.dense(1.0));
    assertEquals(-1, AttributeGroup.fromStructField(stage("hardmax").transformSchema(plain.schema()).apply("out")).size());
  }

  @Test
  void rowwiseStagesRoundTripAlonePipelineAndPipelineModel(@TempDir Path dir) throws Exception {
    ActivationTransformer hardmax =
        new ActivationTransformer()
            .setActivation("HARDMAX")
            .setInputCols("a", "b", "c")
            .setOutputCols("ha", "hb", "hc")
            .setHandleInvalid("keep");
    StageTestKit.assertRoundTrip(hardmax, StagePersistenceTest.data(), dir.resolve("hardmax"));
    ActivationTransformer softmin =
        new ActivationTransformer().setActivation("softmin").setInputCol("b").setOutputCol("sb").setHandleInvalid("skip");
    StageTestKit.assertRoundTrip(softmin, StagePersistenceTest.data(), dir.resolve("softmin"));

    // and the reloaded stage computes the independently expected values
    softmin.write().overwrite().save(dir.resolve("again").toString());
    ActivationTransformer loaded = ActivationTransformer.load(dir.resolve("again").toString());
    assertEquals("softmin", loaded.getActivation());
    List<Object> sb = values(loaded.transform(StagePersistenceTest.data()), "sb");
    assertClose(softmin(new double[] {0.0, -2.0, 0.0}), ((Vector) sb.get(0)).toArray(), "sb[0]");
    assertClose(softmin(new double[] {5.0, 6.0, 7.0}), ((Vector) sb.get(2)).toArray(), "sb[2]");
  }
}
