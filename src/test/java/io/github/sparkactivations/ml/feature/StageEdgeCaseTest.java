package io.github.sparkactivations.ml.feature;

import static io.github.sparkactivations.testing.NumericAssert.assertClose;
import static io.github.sparkactivations.testing.Frames.column;
import static io.github.sparkactivations.testing.Frames.messages;
import static io.github.sparkactivations.testing.Frames.values;
import static io.github.sparkactivations.testing.Frames.vectors;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sparkactivations.testing.SparkTestBase;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.SparkException;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Adversarial inputs for both stages. Every expected value is written out by hand or from the
 * textbook formula, never computed by the core under test.
 */
class StageEdgeCaseTest extends SparkTestBase {

  private static final double INF = Double.POSITIVE_INFINITY;
  private static final double NAN = Double.NaN;

  private static ActivationTransformer act(String spec) {
    return new ActivationTransformer().setActivation(spec).setInputCol("features").setOutputCol("out");
  }

  private static SoftmaxTransformer softmax() {
    return new SoftmaxTransformer().setInputCol("features").setOutputCol("p");
  }

  private static Vector only(Dataset<Row> out, String col) {
    return (Vector) values(out, col).get(0);
  }

  @Test
  void sizeZeroVectorsStayEmptyInTheirKind() {
    Dataset<Row> df = vectors(spark, Vectors.sparse(0, new int[0], new double[0]), Vectors.dense(new double[0]));
    List<Object> relu = values(act("relu").transform(df), "out");
    assertEquals(0, assertInstanceOf(SparseVector.class, relu.get(0)).size());
    assertEquals(0, assertInstanceOf(DenseVector.class, relu.get(1)).size());
    List<Object> sigmoid = values(act("sigmoid").transform(df), "out");
    assertEquals(0, ((Vector) sigmoid.get(0)).size());
    assertEquals(0, ((Vector) sigmoid.get(1)).size());
    List<Object> sm = values(softmax().transform(df), "p");
    assertEquals(0, ((Vector) sm.get(0)).size());
    assertEquals(0, ((Vector) sm.get(1)).size());
  }

  @Test
  void sparseValuesWithNaNInfinityAndSignedZero() {
    Vector in = Vectors.sparse(6, new int[] {0, 1, 2, 3, 5}, new double[] {NAN, INF, -0.0, -INF, 0.0});
    Dataset<Row> df = vectors(spark, in);
    // keep: relu(NaN) = NaN stays stored, relu(+Inf) = +Inf, -0.0, relu(-Inf) = 0 and the explicit 0.0 drop
    SparseVector relu = assertInstanceOf(SparseVector.class, only(act("relu").setHandleInvalid("keep").transform(df), "out"));
    assertEquals(6, relu.size());
    assertArrayEquals(new int[] {0, 1}, relu.indices());
    assertTrue(Double.isNaN(relu.values()[0]));
    assertEquals(INF, relu.values()[1]);
    // error names the vector index of the NaN
    String m = messages(assertThrows(SparkException.class, () -> act("relu").transform(df).collect()));
    assertTrue(m.contains("holds NaN at index 0"), m);
    // sigmoid densifies: 0.5 at implicit zeros and at both zeros, the limits at +-Inf
    double[] sig = only(act("sigmoid").setHandleInvalid("keep").transform(df), "out").toArray();
    assertTrue(Double.isNaN(sig[0]));
    assertArrayEquals(new double[] {1.0, 0.5, 0.0, 0.5, 0.5}, Arrays.copyOfRange(sig, 1, 6));
    // tanh(-0.0) = -0.0 is a zero: dropped from the sparse output
    Vector onlyZeros = Vectors.sparse(4, new int[] {1, 2}, new double[] {-0.0, 0.0});
    SparseVector tanh = assertInstanceOf(SparseVector.class, only(act("tanh").transform(vectors(spark, onlyZeros)), "out"));
    assertEquals(0, tanh.numActives());
    assertEquals(4, tanh.size());
  }

  @Test
  void hugeSparseVectorsStaySparseWithReluAndDensifyOnlyWhereTheyMust() {
    int wide = 1 << 20;
    List<Vector> rows = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      rows.add(Vectors.sparse(wide, new int[] {i, 70_000 + i, wide - 1}, new double[] {-1.0 - i, 2.0 + i, 0.5}));
    }
    Dataset<Row> df = vectors(spark, rows.toArray(new Vector[0]));
    List<Object> out = values(act("relu").transform(df), "out");
    for (int i = 0; i < rows.size(); i++) {
      SparseVector s = assertInstanceOf(SparseVector.class, out.get(i));
      assertEquals(wide, s.size());
      assertArrayEquals(new int[] {70_000 + i, wide - 1}, s.indices());
      assertArrayEquals(new double[] {2.0 + i, 0.5}, s.values());
    }

    // f'(0) = alpha != 0 although leaky_relu(0) = 0: dense, filled with alpha, 2^18 wide
    int size = 1 << 18;
    Vector one = Vectors.sparse(size, new int[] {3, 200_000}, new double[] {-7.0, 9.0});
    Vector d = only(act("leaky_relu(alpha=0.2)").setDerivative(true).transform(vectors(spark, one)), "out");
    double[] expected = new double[size];
    Arrays.fill(expected, 0.2);
    expected[200_000] = 1.0;
    assertInstanceOf(DenseVector.class, d);
    assertArrayEquals(expected, d.toArray());

    // softmax of the same row: every implicit zero gets exp(0 - 9) / Z, computed in closed form
    Vector p = only(softmax().transform(vectors(spark, one)), "p");
    double zeros = size - 2;
    double z = 1.0 + Math.exp(-16.0) + zeros * Math.exp(-9.0);
    assertEquals(size, p.size());
    assertEquals(1.0 / z, p.apply(200_000), 1e-9 / z);
    assertEquals(Math.exp(-16.0) / z, p.apply(3), 1e-9 * Math.exp(-16.0) / z);
    assertEquals(Math.exp(-9.0) / z, p.apply(0), 1e-9 * Math.exp(-9.0) / z);
  }

  @Test
  void derivativeOfASparseVectorWhereFPrimeOfZeroIsNotZero() {
    Vector in = Vectors.sparse(5, new int[] {1, 2, 4}, new double[] {-3.0, -0.0, 2.0});
    Dataset<Row> df = vectors(spark, in);
    // leaky_relu'(x) = alpha for x <= 0 (alpha at the kink, -0.0 included), 1 for x > 0
    Vector leaky = only(act("leaky_relu(alpha=0.2)").setDerivative(true).transform(df), "out");
    assertInstanceOf(DenseVector.class, leaky);
    assertArrayEquals(new double[] {0.2, 0.2, 0.2, 0.2, 1.0}, leaky.toArray());
    // elu'(x) = alpha * exp(x) for x < 0, alpha at 0, 1 for x > 0
    Vector elu = only(act("elu(alpha=0.5)").setDerivative(true).transform(df), "out");
    assertInstanceOf(DenseVector.class, elu);
    assertClose(new double[] {0.5, 0.5 * Math.exp(-3.0), 0.5, 0.5, 1.0}, elu.toArray(), "elu'");
    // the other way round: binary_step(0) = 1 is dense, but its derivative is 0 everywhere: sparse, empty
    SparseVector step = assertInstanceOf(SparseVector.class, only(act("binary_step").setDerivative(true).transform(df), "out"));
    assertEquals(0, step.numActives());
    assertEquals(5, step.size());
  }

  @Test
  void softmaxOfRowsOfMinusInfinity() {
    double[] allMinusInf = {-INF, -INF, -INF};
    Dataset<Row> df = vectors(spark, Vectors.dense(allMinusInf), Vectors.sparse(4, new int[] {0, 2}, new double[] {-INF, -INF}));
    List<Object> p = values(softmax().transform(df), "p"); // +-Inf are valid input: no error
    assertTrue(Arrays.stream(((Vector) p.get(0)).toArray()).allMatch(Double::isNaN), "all -Inf is 0/0");
    // the implicit zeros share the mass, the -Inf entries get exactly 0
    assertArrayEquals(new double[] {0.0, 0.5, 0.0, 0.5}, ((Vector) p.get(1)).toArray());
    List<Object> log = values(softmax().setLogSoftmax(true).transform(df), "p");
    double ln2 = Math.log(2.0);
    assertArrayEquals(new double[] {-INF, -ln2, -INF, -ln2}, ((Vector) log.get(1)).toArray());
  }

  @Test
  void extremeTemperaturesGiveTheLimitNotAnOverflowArtifact() {
    Dataset<Row> df =
        vectors(spark, Vectors.dense(1e10, 2e10), Vectors.dense(0.1, 0.2), Vectors.dense(1.0, 1.0),
            Vectors.sparse(3, new int[] {1}, new double[] {0.5}));
    // T -> 0: softmax(x / T) tends to the one-hot of the max; ties split evenly
    List<Object> tiny = values(softmax().setTemperature(1e-300).transform(df), "p");
    assertArrayEquals(new double[] {0.0, 1.0}, ((Vector) tiny.get(0)).toArray());
    List<Object> min = values(softmax().setTemperature(Double.MIN_VALUE).transform(df), "p");
    assertArrayEquals(new double[] {0.0, 1.0}, ((Vector) min.get(1)).toArray());
    assertArrayEquals(new double[] {0.5, 0.5}, ((Vector) min.get(2)).toArray());
    assertArrayEquals(new double[] {0.0, 1.0, 0.0}, ((Vector) min.get(3)).toArray());
    List<Object> minLog = values(softmax().setTemperature(Double.MIN_VALUE).setLogSoftmax(true).transform(df), "p");
    assertArrayEquals(new double[] {-INF, 0.0}, ((Vector) minLog.get(1)).toArray());
    double ln2 = Math.log(2.0);
    assertArrayEquals(new double[] {-ln2, -ln2}, ((Vector) minLog.get(2)).toArray());
    // T huge: x / T is within 1e-290 of 0, every exp is exactly 1: uniform
    List<Object> huge = values(softmax().setTemperature(1e300).transform(df), "p");
    assertArrayEquals(new double[] {0.5, 0.5}, ((Vector) huge.get(0)).toArray());
    List<Object> max = values(softmax().setTemperature(Double.MAX_VALUE).transform(df), "p");
    assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, ((Vector) max.get(3)).toArray());
    // the extreme range at T = MAX: x / T = [-1, 1] up to rounding, no overflow of x_i - max
    Dataset<Row> wide = vectors(spark, Vectors.dense(-Double.MAX_VALUE, Double.MAX_VALUE));
    Vector w = only(softmax().setTemperature(Double.MAX_VALUE).transform(wide), "p");
    double e2 = Math.exp(-2.0);
    assertClose(new double[] {e2 / (1 + e2), 1 / (1 + e2)}, w.toArray(), "softmax([-1, 1])");
  }

  @Test
  void specStringsWithOddWhitespaceCaseAndAliases() {
    Dataset<Row> df = vectors(spark, Vectors.dense(-2.0, 3.0));
    assertArrayEquals(new double[] {-0.4, 3.0}, only(act("  LeakyReLU ( Alpha = 0.2 ) ").transform(df), "out").toArray());
    assertArrayEquals(new double[] {0.0, 3.0}, only(act("\tRELU\n").transform(df), "out").toArray());
    assertArrayEquals(new double[] {-2.0, 2.5}, only(act("HARD_TANH(MIN=-2, MAX=2.5)").transform(df), "out").toArray());
    assertClose(new double[] {1 / (1 + Math.exp(4.0)), 1 / (1 + Math.exp(-6.0))},
        only(act("logistic(lambda=2)").transform(df), "out").toArray(), "logistic");
    // row-wise names parse with the same leniency (values: ActivationTransformerRowwiseTest)
    assertArrayEquals(new double[] {0.0, 1.0}, only(act(" HARDMAX ").transform(df), "out").toArray());
    assertEquals("log_softmax", act("LogSoftmax").getActivationFunction().name());
    assertEquals("softmin", act(" softmin ").getActivationFunction().name());
    for (String bad : new String[] {"", "   ", "relu(", "leaky_relu(alpha=)", "elu(alpha=1e400)"}) {
      String m = assertThrows(IllegalArgumentException.class, () -> act(bad)).getMessage();
      assertTrue(m.contains("parameter activation") && m.contains("'" + bad + "'"), m);
      assertTrue(m.contains("leaky_relu") && m.contains("sigmoid"), "lists the valid names: " + m);
    }
    String m = assertThrows(IllegalArgumentException.class, () -> new ActivationTransformer().setActivation(null)).getMessage();
    assertTrue(m.contains("parameter activation") && m.contains("null"), m);
  }

  @Test
  void columnParamMistakesAreRejectedBeforeAnyJob() {
    StructType schema = vectors(spark, Vectors.dense(1.0)).schema().add("Out", DataTypes.DoubleType);
    String m = assertThrows(IllegalArgumentException.class,
        () -> new ActivationTransformer().setInputCols().setOutputCols().transformSchema(schema)).getMessage();
    assertTrue(m.contains("inputCols") && m.contains("empty"), m);
    m = assertThrows(IllegalArgumentException.class,
        () -> act("relu").setOutputCol("features").transformSchema(schema)).getMessage();
    assertTrue(m.contains("output column 'features' already exists"), m);
    // Spark resolves names case-insensitively by default: 'out' would be ambiguous with 'Out'
    m = assertThrows(IllegalArgumentException.class, () -> act("relu").transformSchema(schema)).getMessage();
    assertTrue(m.contains("output column 'out'") && m.contains("'Out'"), m);
    // a struct that is not an ML vector, and the old mllib vector type
    StructType structs =
        new StructType()
            .add("s", new StructType().add("x", DataTypes.DoubleType))
            .add("old", new org.apache.spark.mllib.linalg.VectorUDT())
            .add("strs", DataTypes.createArrayType(DataTypes.StringType));
    m = assertThrows(IllegalArgumentException.class, () -> act("relu").setInputCol("s").transformSchema(structs)).getMessage();
    assertTrue(m.contains("input column 's' must be of type") && m.contains("struct<x:double>"), m);
    m = assertThrows(IllegalArgumentException.class, () -> act("relu").setInputCol("old").transformSchema(structs)).getMessage();
    assertTrue(m.contains("org.apache.spark.mllib.linalg") && m.contains("MLUtils.convertVectorColumnsToML"), m);
    m = assertThrows(IllegalArgumentException.class, () -> softmax().setInputCol("strs").transformSchema(structs)).getMessage();
    assertTrue(m.contains("but was array<string>"), m);
  }

  @Test
  void oddColumnNamesAreTakenLiterallyInEveryMode() {
    StructType schema =
        new StructType()
            .add("id", DataTypes.IntegerType)
            .add("a.b", SQLDataTypes.VectorType())
            .add("we`ird", DataTypes.createArrayType(DataTypes.FloatType));
    Dataset<Row> df =
        spark.createDataFrame(
            List.of(
                RowFactory.create(0, Vectors.dense(-1.0, 2.0), new Float[] {-1f, 4f}),
                RowFactory.create(1, null, new Float[] {1f}),
                RowFactory.create(2, Vectors.dense(3.0), new Float[] {null, 2f})),
            schema);
    ActivationTransformer t =
        new ActivationTransformer()
            .setInputCols("a.b", "we`ird", "a.b")
            .setOutputCols("o.1", "o`2", "o 3")
            .setHandleInvalid("skip");
    Dataset<Row> out = t.transform(df);
    assertEquals(List.of(0), out.select("id").as(Encoders.INT()).collectAsList());
    Row r = out.first();
    assertEquals(Vectors.dense(0.0, 2.0), r.getAs("o.1"));
    assertEquals(Arrays.asList(0f, 4f), r.getList(r.fieldIndex("o`2")));
    assertEquals(Vectors.dense(0.0, 2.0), r.getAs("o 3"));

    // keep: the null element of a float array stays null, the others are computed and rounded once
    Dataset<Row> kept = t.copy(new org.apache.spark.ml.param.ParamMap()).setHandleInvalid("keep").transform(df);
    Row two = kept.filter("id = 2").first();
    assertEquals(Arrays.asList(null, 2f), two.getList(two.fieldIndex("o`2")));
  }

  @Test
  void decimalAndIntegralScalarsAtTheirExtremes() {
    StructType schema =
        new StructType()
            .add("id", DataTypes.IntegerType)
            .add("b", DataTypes.ByteType)
            .add("s", DataTypes.ShortType)
            .add("l", DataTypes.LongType)
            .add("m", DataTypes.createDecimalType(38, 0))
            .add("f", DataTypes.FloatType);
    Dataset<Row> df =
        spark.createDataFrame(
            List.of(RowFactory.create(0, (byte) -128, (short) 32767, Long.MIN_VALUE,
                new BigDecimal("-99999999999999999999999999999999999999"), -0.0f)),
            schema);
    Dataset<Row> out =
        new ActivationTransformer()
            .setActivation("leaky_relu(alpha=0.5)")
            .setInputCols("b", "s", "l", "m", "f")
            .setOutputCols("ob", "os", "ol", "om", "of")
            .transform(df);
    Row r = out.first();
    assertEquals(-64.0, r.getDouble(r.fieldIndex("ob")));
    assertEquals(32767.0, r.getDouble(r.fieldIndex("os")));
    assertEquals(-0x1p62, r.getDouble(r.fieldIndex("ol"))); // Long.MIN_VALUE = -2^63, exact in double
    assertEquals(-0.5e38, r.getDouble(r.fieldIndex("om")), 1e24);
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(r.getDouble(r.fieldIndex("of"))));
  }

  @Test
  void arraysWithNullElementsUnderEachMode() {
    Dataset<Row> df =
        column(spark, "features", DataTypes.createArrayType(DataTypes.DoubleType),
            new Double[] {1.0, null, -3.0}, new Double[] {});
    String m = messages(assertThrows(SparkException.class, () -> softmax().transform(df).collect()));
    assertTrue(m.contains("input column 'features' holds an array with a null element at index 1"), m);
    assertTrue(m.contains("handleInvalid"), m);
    List<Row> keep = softmax().setHandleInvalid("keep").transform(df).orderBy("id").select("p").collectAsList();
    assertTrue(keep.get(0).isNullAt(0), "a row-wise function of a row with a hole has no value");
    assertEquals(List.of(), keep.get(1).getList(0)); // an empty row stays empty
    assertEquals(List.of(1), softmax().setHandleInvalid("skip").transform(df).select("id").as(Encoders.INT()).collectAsList());
  }
}
