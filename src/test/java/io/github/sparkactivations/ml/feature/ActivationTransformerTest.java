package io.github.sparkactivations.ml.feature;

import static io.github.sparkactivations.testing.NumericAssert.assertClose;
import static io.github.sparkactivations.testing.Frames.column;
import static io.github.sparkactivations.testing.Frames.messages;
import static io.github.sparkactivations.testing.Frames.values;
import static io.github.sparkactivations.testing.Frames.vectors;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sparkactivations.activation.Activations;
import io.github.sparkactivations.activation.ElementwiseActivation;
import io.github.sparkactivations.testing.SparkTestBase;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.SparkException;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ActivationTransformerTest extends SparkTestBase {

  private static final double INF = Double.POSITIVE_INFINITY;
  private static final double[] XS = {-5.0, -1.5, -0.0, 0.0, 0.25, 3.0, 40.0, -40.0, INF, -INF};

  /** g(x) per element through the core's scalar methods, independent of the stage's bulk code. */
  private static double[] expected(String spec, boolean derivative, double[] xs) {
    ElementwiseActivation fn = Activations.parseElementwise(spec);
    double[] out = new double[xs.length];
    for (int i = 0; i < xs.length; i++) {
      out[i] = derivative ? fn.derivative(xs[i]) : fn.value(xs[i]);
    }
    return out;
  }

  private static ActivationTransformer stage(String spec) {
    return new ActivationTransformer().setActivation(spec).setInputCol("features").setOutputCol("out");
  }

  @ParameterizedTest
  @ValueSource(strings = {"relu", "leaky_relu(alpha=0.2)", "elu(alpha=0.5)", "sigmoid", "tanh"})
  void denseVectorsMatchTheCoreElementByElement(String spec) {
    double[] other = {1.0, -2.0, 0.5};
    Dataset<Row> df = vectors(spark, Vectors.dense(XS), Vectors.dense(other), Vectors.dense(new double[0]));
    for (boolean derivative : new boolean[] {false, true}) {
      List<Object> out = values(stage(spec).setDerivative(derivative).transform(df), "out");
      String what = spec + (derivative ? "'" : "");
      assertInstanceOf(DenseVector.class, out.get(0));
      assertClose(expected(spec, derivative, XS), ((Vector) out.get(0)).toArray(), what);
      assertClose(expected(spec, derivative, other), ((Vector) out.get(1)).toArray(), what);
      assertEquals(0, ((Vector) out.get(2)).size());
    }
  }

  @Test
  void reluKeepsSparseVectorsSparseAndDropsTheZerosItCreates() {
    Vector in = Vectors.sparse(8, new int[] {1, 3, 4, 6}, new double[] {-1.0, 2.0, -0.5, INF});
    Vector out = (Vector) values(stage("relu").transform(vectors(spark, in)), "out").get(0);
    SparseVector s = assertInstanceOf(SparseVector.class, out);
    assertEquals(8, s.size());
    assertArrayEquals(new int[] {3, 6}, s.indices());
    assertArrayEquals(new double[] {2.0, INF}, s.values());
  }

  @Test
  void sparseVectorWithoutNewZerosKeepsItsIndices() {
    Vector in = Vectors.sparse(5, new int[] {0, 2, 4}, new double[] {-1.0, 2.0, -3.0});
    Vector out = (Vector) values(stage("elu(alpha=0.5)").transform(vectors(spark, in)), "out").get(0);
    SparseVector s = assertInstanceOf(SparseVector.class, out);
    assertArrayEquals(new int[] {0, 2, 4}, s.indices());
    assertClose(expected("elu(alpha=0.5)", false, in.toArray()), s.toArray(), "elu");
  }

  @Test
  void sparseVectorDensifiesWhenFOfZeroIsNotZero() {
    Vector in = Vectors.sparse(6, new int[] {2, 5}, new double[] {-3.0, 4.0});
    Vector out = (Vector) values(stage("sigmoid").transform(vectors(spark, in)), "out").get(0);
    assertInstanceOf(DenseVector.class, out);
    assertClose(expected("sigmoid", false, in.toArray()), out.toArray(), "sigmoid");
    assertEquals(0.5, out.apply(0)); // the fill value f(0)
  }

  @Test
  void derivativeKeepsSparsityOnlyWhereTheDerivativeOfZeroIsZero() {
    Vector in = Vectors.sparse(5, new int[] {1, 3}, new double[] {-2.0, 0.5});
    Dataset<Row> df = vectors(spark, in);
    Vector relu = (Vector) values(stage("relu").setDerivative(true).transform(df), "out").get(0);
    SparseVector s = assertInstanceOf(SparseVector.class, relu); // relu'(0) = 0
    assertArrayEquals(new int[] {3}, s.indices());
    assertArrayEquals(new double[] {1.0}, s.values());

    Vector tanh = (Vector) values(stage("tanh").setDerivative(true).transform(df), "out").get(0);
    assertInstanceOf(DenseVector.class, tanh); // tanh'(0) = 1 although tanh(0) = 0
    assertClose(expected("tanh", true, in.toArray()), tanh.toArray(), "tanh'");
  }

  @Test
  void arraysStayArraysOfTheirElementType() {
    Dataset<Row> doubles =
        column(spark, "features", DataTypes.createArrayType(DataTypes.DoubleType),
            (Object) new Double[] {-1.0, 0.5, 2.0});
    Dataset<Row> out = stage("elu(alpha=0.5)").transform(doubles);
    assertEquals(DataTypes.createArrayType(DataTypes.DoubleType), out.schema().apply("out").dataType());
    double[] got = out.select("out").first().getList(0).stream().mapToDouble(o -> (Double) o).toArray();
    assertClose(expected("elu(alpha=0.5)", false, new double[] {-1.0, 0.5, 2.0}), got, "array<double>");

    Dataset<Row> floats =
        column(spark, "features", DataTypes.createArrayType(DataTypes.FloatType),
            (Object) new Float[] {-1.5f, 0.25f, 3.0f});
    Dataset<Row> fout = stage("sigmoid").transform(floats);
    assertEquals(DataTypes.createArrayType(DataTypes.FloatType), fout.schema().apply("out").dataType());
    List<Object> f = fout.select("out").first().getList(0);
    double[] exact = expected("sigmoid", false, new double[] {-1.5, 0.25, 3.0});
    for (int i = 0; i < exact.length; i++) {
      assertEquals((float) exact[i], (Float) f.get(i), "array<float>[" + i + "]");
    }
  }

  @Test
  void numericScalarsOfEveryTypeBecomeDoubles() {
    StructType schema =
        new StructType()
            .add("id", DataTypes.IntegerType)
            .add("i", DataTypes.IntegerType)
            .add("l", DataTypes.LongType)
            .add("f", DataTypes.FloatType)
            .add("d", DataTypes.DoubleType)
            .add("m", DataTypes.createDecimalType(10, 3));
    Dataset<Row> df =
        spark.createDataFrame(
            List.of(RowFactory.create(0, -3, 7L, -0.5f, 1.25, new BigDecimal("-2.125"))), schema);
    ActivationTransformer t =
        new ActivationTransformer()
            .setActivation("leaky_relu(alpha=0.2)")
            .setInputCols("i", "l", "f", "d", "m")
            .setOutputCols("oi", "ol", "of", "od", "om");
    Dataset<Row> out = t.transform(df);
    double[] in = {-3.0, 7.0, -0.5, 1.25, -2.125};
    double[] want = expected("leaky_relu(alpha=0.2)", false, in);
    String[] outs = {"oi", "ol", "of", "od", "om"};
    Row r = out.first();
    for (int i = 0; i < outs.length; i++) {
      assertEquals(DataTypes.DoubleType, out.schema().apply(outs[i]).dataType());
      assertClose(want[i], r.getDouble(r.fieldIndex(outs[i])), outs[i]);
    }
  }

  @Test
  void errorModeFailsNamingTheColumnTheProblemAndTheFix() {
    Dataset<Row> nulls = vectors(spark, Vectors.dense(1.0), null);
    SparkException e = assertThrows(SparkException.class, () -> stage("relu").transform(nulls).collect());
    String m = messages(e);
    assertTrue(m.contains("input column 'features'"), m);
    assertTrue(m.contains("null"), m);
    assertTrue(m.contains("handleInvalid"), m);

    Dataset<Row> nan = vectors(spark, Vectors.sparse(4, new int[] {0, 2}, new double[] {1.0, Double.NaN}));
    m = messages(assertThrows(SparkException.class, () -> stage("relu").transform(nan).collect()));
    assertTrue(m.contains("input column 'features' holds NaN at index 2"), m);
    assertTrue(m.contains("handleInvalid"), m);

    Dataset<Row> scalarNaN = column(spark, "features", DataTypes.DoubleType, Double.NaN);
    m = messages(assertThrows(SparkException.class, () -> stage("tanh").transform(scalarNaN).collect()));
    assertTrue(m.contains("NaN"), m);
  }

  @Test
  void skipDropsNullRowsAndRowsWithNaNEntries() {
    Dataset<Row> df =
        vectors(
            spark,
            Vectors.dense(1.0, -1.0),
            null,
            Vectors.dense(Double.NaN, 1.0),
            Vectors.sparse(3, new int[] {1}, new double[] {-INF}),
            Vectors.sparse(3, new int[] {1}, new double[] {Double.NaN}));
    Dataset<Row> out = stage("relu").setHandleInvalid("skip").transform(df);
    assertEquals(List.of(0, 3), out.orderBy("id").select("id").as(org.apache.spark.sql.Encoders.INT()).collectAsList());

    Dataset<Row> arrays =
        column(spark, "features", DataTypes.createArrayType(DataTypes.DoubleType),
            new Double[] {1.0}, null, new Double[] {Double.NaN}, new Double[] {null, 1.0}, new Double[] {-INF});
    Dataset<Row> aout = stage("relu").setHandleInvalid("skip").transform(arrays);
    assertEquals(List.of(0, 4), aout.orderBy("id").select("id").as(org.apache.spark.sql.Encoders.INT()).collectAsList());

    Dataset<Row> scalars = column(spark, "features", DataTypes.DoubleType, 1.0, null, Double.NaN, -INF);
    Dataset<Row> sout = stage("sigmoid").setHandleInvalid("skip").transform(scalars);
    assertEquals(List.of(1.0 / (1.0 + Math.exp(-1.0)), 0.0), values(sout, "out").subList(0, 2));
    assertEquals(2, sout.count());
  }

  @Test
  void keepPassesNullThroughAndLetsNaNPropagate() {
    Dataset<Row> df =
        vectors(spark, null, Vectors.dense(Double.NaN, -1.0), Vectors.sparse(3, new int[] {2}, new double[] {Double.NaN}));
    List<Object> out = values(stage("relu").setHandleInvalid("keep").transform(df), "out");
    assertNull(out.get(0));
    assertTrue(Double.isNaN(((Vector) out.get(1)).apply(0)));
    assertEquals(0.0, ((Vector) out.get(1)).apply(1));
    SparseVector s = assertInstanceOf(SparseVector.class, out.get(2));
    assertArrayEquals(new int[] {2}, s.indices());
    assertTrue(Double.isNaN(s.values()[0]));

    Dataset<Row> arrays =
        column(spark, "features", DataTypes.createArrayType(DataTypes.DoubleType),
            (Object) null, new Double[] {null, -1.0, 2.0});
    List<Object> aout = values(stage("relu").setHandleInvalid("keep").transform(arrays), "out");
    assertNull(aout.get(0));
    Row kept = stage("relu").setHandleInvalid("keep").transform(arrays).orderBy("id").collectAsList().get(1);
    assertEquals(Arrays.asList(null, 0.0, 2.0), kept.getList(kept.fieldIndex("out")));

    Dataset<Row> scalars = column(spark, "features", DataTypes.IntegerType, 3, null);
    assertEquals(Arrays.asList(3.0, null), values(stage("relu").setHandleInvalid("keep").transform(scalars), "out"));
  }

  @Test
  void multiColumnSkipDropsARowIfAnyInputIsInvalid() {
    StructType schema =
        new StructType()
            .add("id", DataTypes.IntegerType)
            .add("a", SQLDataTypes.VectorType())
            .add("b", DataTypes.DoubleType);
    Dataset<Row> df =
        spark.createDataFrame(
            List.of(
                RowFactory.create(0, Vectors.dense(-1.0, 2.0), 3.0),
                RowFactory.create(1, Vectors.dense(1.0), null),
                RowFactory.create(2, null, 1.0),
                RowFactory.create(3, Vectors.dense(4.0), -2.0)),
            schema);
    ActivationTransformer t =
        new ActivationTransformer().setInputCols("a", "b").setOutputCols("oa", "ob").setHandleInvalid("skip");
    Dataset<Row> out = t.transform(df).orderBy("id");
    assertEquals(List.of(0, 3), out.select("id").as(org.apache.spark.sql.Encoders.INT()).collectAsList());
    Row first = out.first();
    assertEquals(Vectors.dense(0.0, 2.0), first.getAs("oa"));
    assertEquals(3.0, first.<Double>getAs("ob"));
  }

  @Test
  void outputCarriesTheVectorSizeAndThePredictedSchemaIsExact() {
    StructField sized = new AttributeGroup("features", 3).toStructField();
    Dataset<Row> df =
        column(spark, "features", SQLDataTypes.VectorType(), sized.metadata(), Vectors.dense(1.0, -2.0, 3.0));
    ActivationTransformer t = stage("tanh");
    Dataset<Row> out = t.transform(df);
    assertEquals(t.transformSchema(df.schema()), out.schema());
    assertEquals(3, AttributeGroup.fromStructField(out.schema().apply("out")).size());
    assertTrue(out.schema().apply("out").nullable());

    // VectorAssembler(handleInvalid=keep) needs the size from metadata to even plan the job
    Dataset<Row> assembled =
        new VectorAssembler()
            .setInputCols(new String[] {"out", "features"})
            .setOutputCol("all")
            .setHandleInvalid("keep")
            .transform(out);
    assertEquals(6, ((Vector) assembled.first().getAs("all")).size());

    // unknown size in, no size out
    Dataset<Row> plain = vectors(spark, Vectors.dense(1.0));
    assertEquals(-1, AttributeGroup.fromStructField(t.transformSchema(plain.schema()).apply("out")).size());
  }

  @Test
  void transformSchemaRejectsBadColumnsBeforeAnyJobRuns() {
    Dataset<Row> df = vectors(spark, Vectors.dense(1.0));
    StructType schema = df.schema();
    String m = assertThrows(IllegalArgumentException.class,
        () -> stage("relu").setInputCol("nope").transformSchema(schema)).getMessage();
    assertTrue(m.contains("input column 'nope' does not exist") && m.contains("features"), m);

    m = assertThrows(IllegalArgumentException.class,
        () -> stage("relu").setInputCol("s").transformSchema(schema.add("s", DataTypes.StringType))).getMessage();
    assertTrue(m.contains("input column 's' must be of type vector, array<double> or array<float>, or a numeric type but was string"), m);

    m = assertThrows(IllegalArgumentException.class,
        () -> stage("relu").setOutputCol("id").transformSchema(schema)).getMessage();
    assertTrue(m.contains("output column 'id' already exists"), m);

    m = assertThrows(IllegalArgumentException.class,
        () -> new ActivationTransformer().transformSchema(schema)).getMessage();
    assertTrue(m.contains("exactly one of inputCol, inputCols") && m.contains("neither"), m);

    m = assertThrows(IllegalArgumentException.class,
        () -> stage("relu").setInputCols("features").setOutputCols("x").transformSchema(schema)).getMessage();
    assertTrue(m.contains("both are set"), m);

    m = assertThrows(IllegalArgumentException.class,
        () -> new ActivationTransformer().setInputCols("features", "id").setOutputCols("x").transformSchema(schema))
        .getMessage();
    assertTrue(m.contains("inputCols has 2 names but outputCols has 1"), m);

    m = assertThrows(IllegalArgumentException.class,
        () -> new ActivationTransformer().setInputCols("features", "id").setOutputCols("x", "x").transformSchema(schema))
        .getMessage();
    assertTrue(m.contains("output column 'x' already exists"), m);
  }

  @Test
  void anInvalidSpecFailsWhenSetNamingParamValueAndValidNames() {
    ActivationTransformer t = new ActivationTransformer();
    String m = assertThrows(IllegalArgumentException.class, () -> t.setActivation("rleu")).getMessage();
    assertTrue(m.contains("parameter activation") && m.contains("'rleu'"), m);
    assertTrue(m.contains("leaky_relu") && m.contains("sigmoid"), m); // lists the valid names
    assertEquals("relu", t.getActivation()); // unchanged

    assertTrue(m.contains("softmin") && m.contains("hardmax"), m); // row-wise names are valid values too
    m = assertThrows(IllegalArgumentException.class, () -> t.setActivation("relu(")).getMessage();
    assertTrue(m.contains("'relu('") && m.contains("; row-wise softmax, log_softmax, softmin, hardmax"), m);

    // the ParamMap / copy path validates too
    assertThrows(IllegalArgumentException.class, () -> t.copy(new ParamMap().put(t.activation().w("nope"))));
    assertThrows(IllegalArgumentException.class, () -> t.setHandleInvalid("ignore"));
  }

  @Test
  void copyKeepsTheUidAndAppliesExtraParamsWithoutTouchingTheOriginal() {
    ActivationTransformer t = stage("relu");
    ActivationTransformer c = t.copy(new ParamMap().put(t.activation().w("elu(alpha=0.5)")));
    assertEquals(t.uid(), c.uid());
    assertEquals("elu(alpha=0.5)", c.getActivation());
    assertEquals("relu", t.getActivation());
    assertEquals("features", c.getInputCol());
  }

  @Test
  void paramsAreFoundByReflectionAndExplained() {
    ActivationTransformer t = new ActivationTransformer();
    List<String> names = Arrays.stream(t.params()).map(p -> p.name()).toList();
    assertEquals(
        List.of("activation", "derivative", "handleInvalid", "inputCol", "inputCols", "outputCol", "outputCols"),
        names);
    assertTrue(t.explainParams().contains("(default: relu)"), t.explainParams());
    assertTrue(t.uid().startsWith("ActivationTransformer_"), t.uid());
    assertEquals(t.uid() + "__output", t.getOutputCol());
  }

  @Test
  void theClosureSurvivesRealTaskSerialization() {
    List<Row> rows = new java.util.ArrayList<>();
    for (int i = 0; i < 200; i++) {
      rows.add(RowFactory.create(i, Vectors.dense(i - 100.0, 100.0 - i)));
    }
    StructType schema = vectors(spark, Vectors.dense(0.0)).schema();
    Dataset<Row> rddBacked =
        spark.createDataFrame(
            new org.apache.spark.api.java.JavaSparkContext(spark.sparkContext()).parallelize(rows, 4), schema);
    Dataset<Row> out = stage("leaky_relu(alpha=0.1)").transform(rddBacked.repartition(3));
    assertEquals(200, out.count());
    Row r = out.filter("id = 10").first();
    assertClose(new double[] {-9.0, 90.0}, ((Vector) r.getAs("out")).toArray(), "leaky_relu");
  }
}
