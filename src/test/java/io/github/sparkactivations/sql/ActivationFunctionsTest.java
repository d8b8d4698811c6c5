package io.github.sparkactivations.sql;

import static io.github.sparkactivations.testing.NumericAssert.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sparkactivations.activation.Activations;
import io.github.sparkactivations.activation.ElementwiseActivation;
import io.github.sparkactivations.testing.Frames;
import io.github.sparkactivations.testing.SparkTestBase;
import java.util.List;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ActivationFunctionsTest extends SparkTestBase {

  @BeforeAll
  static void table() {
    ActivationFunctions.register(spark);
    StructType schema =
        new StructType()
            .add("id", DataTypes.IntegerType)
            .add("spec", DataTypes.StringType)
            .add("v", SQLDataTypes.VectorType())
            .add("a", DataTypes.createArrayType(DataTypes.DoubleType))
            .add("x", DataTypes.DoubleType)
            .add("n", DataTypes.IntegerType);
    spark.createDataFrame(
            List.of(
                RowFactory.create(0, "relu", Vectors.sparse(4, new int[] {1, 2}, new double[] {-1.0, 3.0}),
                    new Double[] {-1.0, 2.0}, -0.5, -2),
                RowFactory.create(1, "elu(alpha=0.5)", Vectors.dense(40.0, 30.0, 20.0), new Double[] {1.0, 2.0, 3.0}, 2.0, 7),
                RowFactory.create(2, null, null, null, null, null)),
            schema)
        .createOrReplaceTempView("t");
  }

  private static List<Row> sql(String query) {
    return spark.sql(query).collectAsList();
  }

  @Test
  void activationInSqlKeepsTheInputTypeAndMatchesTheCore() {
    ElementwiseActivation leaky = Activations.parseElementwise("leaky_relu(alpha=0.2)");
    Dataset<Row> df = spark.sql(
        "SELECT activation('leaky_relu(alpha=0.2)', v) AS v, activation('leaky_relu(alpha=0.2)', a) AS a, "
            + "activation('leaky_relu(alpha=0.2)', x) AS x, activation('leaky_relu(alpha=0.2)', n) AS n FROM t ORDER BY id");
    assertEquals(SQLDataTypes.VectorType(), df.schema().apply("v").dataType());
    assertEquals(DataTypes.createArrayType(DataTypes.DoubleType), df.schema().apply("a").dataType());
    assertEquals(DataTypes.DoubleType, df.schema().apply("x").dataType());
    assertEquals(DataTypes.DoubleType, df.schema().apply("n").dataType());
    List<Row> rows = df.collectAsList();
    SparseVector v = assertInstanceOf(SparseVector.class, rows.get(0).get(0));
    assertClose(new double[] {0.0, leaky.value(-1.0), 3.0, 0.0}, v.toArray(), "sparse stays sparse");
    assertClose(leaky.value(-1.0), (Double) rows.get(0).getList(1).get(0), "array");
    assertClose(leaky.value(-0.5), rows.get(0).getDouble(2), "double");
    assertClose(leaky.value(-2.0), rows.get(0).getDouble(3), "int");
    Row nulls = rows.get(2);
    for (int i = 0; i < 4; i++) {
      assertTrue(nulls.isNullAt(i), "null in, null out");
    }
  }

  @Test
  void derivativeSoftmaxAndPerRowSpecs() {
    List<Row> rows = sql(
        "SELECT activation_derivative('tanh', x), softmax(v), log_softmax(a, 2.5), activation(spec, x), softmax(v, 2) "
            + "FROM t ORDER BY id");
    ElementwiseActivation tanh = Activations.parseElementwise("tanh");
    assertClose(tanh.derivative(-0.5), rows.get(0).getDouble(0), "tanh'");
    Vector p = (Vector) rows.get(1).get(1);
    assertInstanceOf(DenseVector.class, p);
    double s = Math.exp(-10) + Math.exp(-20);
    assertClose(new double[] {1 / (1 + s), Math.exp(-10) / (1 + s), Math.exp(-20) / (1 + s)}, p.toArray(), "softmax");
    double[] x = {0.4, 0.8, 1.2}; // a / 2.5
    double t = Math.exp(x[0] - x[2]) + Math.exp(x[1] - x[2]);
    List<Object> ls = rows.get(1).getList(2);
    assertClose(x[0] - x[2] - Math.log1p(t), (Double) ls.get(0), "log_softmax T=2.5");
    // spec per row: relu on row 0, elu(alpha=0.5) on row 1, null spec on row 2
    assertEquals(0.0, rows.get(0).getDouble(3));
    assertEquals(2.0, rows.get(1).getDouble(3));
    assertNull(rows.get(2).get(3));
    double[] half = {20.0, 15.0, 10.0};
    double u = Math.exp(-5) + Math.exp(-10);
    assertClose(new double[] {1 / (1 + u), Math.exp(-5) / (1 + u), Math.exp(-10) / (1 + u)},
        ((Vector) rows.get(1).get(4)).toArray(), "softmax T=2 " + half.length);
  }

  @Test
  void dataFrameFunctionsMatchSql() {
    Dataset<Row> t = spark.table("t");
    Dataset<Row> api = t.select(
        functions.col("id"),
        ActivationFunctions.activation("elu(alpha=0.5)", functions.col("v")).as("e"),
        ActivationFunctions.activationDerivative("sigmoid", functions.col("a")).as("d"),
        ActivationFunctions.softmax(functions.col("a"), 2.0).as("s"),
        ActivationFunctions.logSoftmax(functions.col("v")).as("l"));
    Dataset<Row> sql = spark.sql(
        "SELECT id, activation('elu(alpha=0.5)', v) AS e, activation_derivative('sigmoid', a) AS d, "
            + "softmax(a, 2.0) AS s, log_softmax(v) AS l FROM t");
    assertDataFrameEquals(sql.orderBy("id"), api.orderBy("id"));
  }

  @Test
  void badCallsFailAtAnalysisWithTheReason() {
    String m = Frames.messages(assertThrows(Exception.class, () -> spark.sql("SELECT activation('rleu', v) FROM t")));
    assertTrue(m.contains("unknown activation 'rleu'"), m);
    m = Frames.messages(assertThrows(Exception.class, () -> spark.sql("SELECT activation('softmax', v) FROM t")));
    assertTrue(m.contains("row-wise"), m);
    m = assertThrows(IllegalArgumentException.class, () -> spark.sql("SELECT activation('softmin', v) FROM t"))
        .getMessage();
    assertTrue(m.startsWith("activation('softmin', t.v): softmin is a row-wise activation (it maps a whole row at "
        + "once), but the SQL function activation applies an elementwise activation to each entry. For a row-wise "
        + "function of each row use the ML stage ActivationTransformer (setActivation(\"softmin\")), or the SQL "
        + "functions softmax(x [, temperature]) and log_softmax(x [, temperature]); elementwise activations: "
        + "binary_step, "), m);
    m = assertThrows(IllegalArgumentException.class,
        () -> spark.sql("SELECT activation_derivative('hardmax', v) FROM t")).getMessage();
    assertTrue(m.startsWith("activation_derivative('hardmax', t.v): hardmax is a row-wise activation (it maps a "
        + "whole row at once), but the SQL function activation_derivative applies an elementwise activation to "
        + "each entry (every output entry depends on every input entry of the row, so its derivative is a "
        + "Jacobian matrix per row, not one value per entry). For gradients use the core's "
        + "RowwiseActivation.backward (the vector-Jacobian product); elementwise activations: binary_step, "), m);
    m = Frames.messages(assertThrows(Exception.class, () -> spark.sql("SELECT softmax(x) FROM t")));
    assertTrue(m.contains("must be of type vector, array<double> or array<float> but was double"), m);
    m = Frames.messages(assertThrows(Exception.class, () -> spark.sql("SELECT softmax(v, 0) FROM t")));
    assertTrue(m.contains("temperature must be > 0"), m);
  }

  @Test
  void runsOnTheExecutionPathTheBuildChose() {
    // the build runs this class twice: as configured (native on this Spark line) and with the UDF forced
    boolean udf = "udf".equals(System.getProperty(EXECUTION));
    Dataset<Row> df = spark.range(1).select(ActivationFunctions.activation("relu", functions.col("id")));
    org.apache.spark.sql.catalyst.expressions.Expression e =
        ((org.apache.spark.sql.catalyst.expressions.Alias) df.queryExecution().analyzed().expressions().head())
            .child();
    assertEquals(udf ? "ScalaUDF" : "ActivationExpression", e.getClass().getSimpleName());
    assertEquals(List.of(0.0), List.of(df.first().getDouble(0)));
  }
}
