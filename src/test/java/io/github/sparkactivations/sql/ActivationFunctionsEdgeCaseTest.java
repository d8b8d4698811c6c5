package io.github.sparkactivations.sql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sparkactivations.testing.Frames;
import io.github.sparkactivations.testing.NumericAssert;
import io.github.sparkactivations.testing.SparkTestBase;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** NULL literals, wrong arity, non-constant arguments and extreme values in SQL text. */
class ActivationFunctionsEdgeCaseTest extends SparkTestBase {

  @BeforeAll
  static void table() {
    ActivationFunctions.register(spark);
    StructType schema =
        new StructType()
            .add("id", DataTypes.IntegerType)
            .add("spec", DataTypes.StringType)
            .add("v", SQLDataTypes.VectorType())
            .add("x", DataTypes.DoubleType)
            .add("s", DataTypes.StringType);
    spark.createDataFrame(
            List.of(
                RowFactory.create(0, "rleu", Vectors.sparse(4, new int[] {1, 3}, new double[] {-2.0, 0.5}), 0.1, "a"),
                RowFactory.create(1, "relu", Vectors.dense(0.1, 0.2), 0.2, "b")),
            schema)
        .createOrReplaceTempView("edge");
  }

  private static String failure(String query) {
    return Frames.messages(assertThrows(Exception.class, () -> spark.sql(query).collect()));
  }

  @Test
  void nullLiterals() {
    Dataset<Row> df = spark.sql("SELECT activation('relu', NULL) AS a, softmax(NULL) AS p, activation_derivative('tanh', NULL) AS d");
    assertEquals(DataTypes.DoubleType, df.schema().apply("a").dataType());
    Row r = df.first();
    for (int i = 0; i < 3; i++) {
      assertTrue(r.isNullAt(i), "NULL in, NULL out, like Spark's built-ins (column " + i + ")");
    }
    String m = failure("SELECT activation(NULL, v) FROM edge");
    assertTrue(m.contains("activation: spec must not be null"), m);
    m = failure("SELECT activation(CAST(NULL AS STRING), v) FROM edge");
    assertTrue(m.contains("activation: spec must not be null"), m);
    m = failure("SELECT softmax(v, NULL) FROM edge");
    assertTrue(m.contains("temperature must be a constant number"), m);
  }

  @Test
  void invalidInputIsAlwaysKeptNeverFailedOrDropped() {
    StructType schema = new StructType().add("id", DataTypes.IntegerType)
        .add("a", DataTypes.createArrayType(DataTypes.DoubleType, true));
    spark.createDataFrame(List.of(
            RowFactory.create(0, new Double[] {1.0, Double.NaN, -2.0}),
            RowFactory.create(1, new Double[] {1.0, null, -2.0}),
            RowFactory.create(2, new Double[] {0.5, -1.0})), schema)
        .createOrReplaceTempView("invalid");
    List<Row> rows = spark.sql("SELECT activation('relu', a), activation_derivative('tanh', a), softmax(a), "
        + "log_softmax(a) FROM invalid ORDER BY id").collectAsList();
    assertEquals(3, rows.size(), "no row dropped");
    double t1 = 1 - Math.tanh(1.0) * Math.tanh(1.0);
    double t2 = 1 - Math.tanh(-2.0) * Math.tanh(-2.0);
    // NaN entry: NaN at that entry elementwise, a NaN row row-wise
    Row nan = rows.get(0);
    assertEquals(List.of(1.0, Double.NaN, 0.0), nan.getList(0));
    assertEquals(t1, (Double) nan.getList(1).get(0), 1e-15);
    assertTrue(Double.isNaN((Double) nan.getList(1).get(1)));
    assertEquals(t2, (Double) nan.getList(1).get(2), 1e-15);
    assertEquals(List.of(Double.NaN, Double.NaN, Double.NaN), nan.getList(2));
    assertEquals(List.of(Double.NaN, Double.NaN, Double.NaN), nan.getList(3));
    // null element: a null element elementwise (the others computed), a null row row-wise
    Row hole = rows.get(1);
    assertEquals(Arrays.asList(1.0, null, 0.0), hole.getList(0));
    assertEquals(t1, (Double) hole.getList(1).get(0), 1e-15);
    assertNull(hole.getList(1).get(1));
    assertEquals(t2, (Double) hole.getList(1).get(2), 1e-15);
    assertTrue(hole.isNullAt(2));
    assertTrue(hole.isNullAt(3));
    // a valid row beside them is computed as usual: softmax(0.5, -1) = (1, e^-1.5) / (1 + e^-1.5)
    double z = 1 + Math.exp(-1.5);
    assertEquals(1 / z, (Double) rows.get(2).getList(2).get(0), 1e-15);
    assertEquals(-1.5 - Math.log(z), (Double) rows.get(2).getList(3).get(1), 1e-15);
  }

  @Test
  void wrongArityAndNonConstantArguments() {
    String m = failure("SELECT activation('relu') FROM edge");
    assertTrue(m.contains("activation takes (spec, x) but was given 1 argument"), m);
    m = failure("SELECT activation_derivative('relu', x, x) FROM edge");
    assertTrue(m.contains("activation_derivative takes (spec, x) but was given 3 argument"), m);
    m = failure("SELECT softmax() FROM edge");
    assertTrue(m.contains("softmax takes (x) or (x, temperature) but was given 0 argument"), m);
    m = failure("SELECT log_softmax(v, x) FROM edge");
    assertTrue(m.contains("log_softmax: temperature must be a constant number but was") && m.contains("x"), m);
    m = failure("SELECT activation('relu', s) FROM edge");
    assertTrue(m.contains("must be of type vector, array<double> or array<float>, or a numeric type but was string"), m);
    m = failure("SELECT activation(id, x) FROM edge");
    assertTrue(m.contains("spec must be a string"), m);
    // a spec read per row is parsed on the executors: its error still names the call and the spec
    m = failure("SELECT activation(spec, x) FROM edge");
    assertTrue(m.contains("activation(edge.spec, edge.x): argument spec: the spec 'rleu' read from the spec column "
        + "is invalid: unknown activation"), m);
    assertFalse(m.contains("argument x"), m); // the bad spec is not the data argument's fault
    m = failure("SELECT softmax(v, 0.0) FROM edge");
    assertTrue(m.contains("softmax") && m.contains("temperature must be > 0"), m);
  }

  @Test
  void derivativeOfSparseAndExtremeTemperaturesInSql() {
    List<Row> rows =
        spark.sql("SELECT activation_derivative('leaky_relu(alpha=0.2)', v), softmax(v, 4.9e-324), log_softmax(v, 1e-300) "
                + "FROM edge ORDER BY id").collectAsList();
    Vector d = (Vector) rows.get(0).get(0);
    assertTrue(d instanceof DenseVector, "f'(0) = 0.2: dense");
    assertArrayEquals(new double[] {0.2, 0.2, 0.2, 1.0}, d.toArray());
    // T = Double.MIN_VALUE: the one-hot of the max, not a NaN row from x / T overflowing
    assertArrayEquals(new double[] {0.0, 1.0}, ((Vector) rows.get(1).get(1)).toArray());
    NumericAssert.assertClose(new double[] {(0.1 - 0.2) / 1e-300, 0.0}, ((Vector) rows.get(1).get(2)).toArray(), "T=1e-300");
  }
}
