package io.github.sparkactivations.internal;

import static io.github.sparkactivations.testing.Frames.column;
import static io.github.sparkactivations.testing.Frames.vectors;
import static org.apache.spark.sql.functions.expr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sparkactivations.internal.InvalidInputException.Problem;
import io.github.sparkactivations.ml.feature.ActivationTransformer;
import io.github.sparkactivations.ml.feature.SoftmaxTransformer;
import io.github.sparkactivations.testing.SparkTestBase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.OptionalInt;
import org.apache.spark.SparkException;
import org.apache.spark.ml.functions;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

/**
 * The typed invalid-input failure: its fields survive Java serialization and a real local[2] task
 * failure (the driver rethrows the executor's exception as the cause of a {@code SparkException}), so
 * the layers above read the stage uid, column, entry index and null-vs-NaN from fields.
 */
class InvalidInputExceptionTest extends SparkTestBase {

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }

  @Test
  void fieldsAndMessageSurviveJavaSerialization() throws Exception {
    InvalidInputException e =
        new InvalidInputException(InputRef.ofStage("stage_1", "f"), Problem.NAN, 3, 41);
    InvalidInputException back = roundTrip(new SparkException("task failed", e)).getCause() instanceof
        InvalidInputException i ? i : null;
    assertTrue(back != null);
    assertNotSame(e, back);
    assertEquals("stage_1", back.stageUid());
    assertEquals("f", back.column());
    assertEquals(Problem.NAN, back.problem());
    assertFalse(back.isNull());
    assertEquals(3, back.entryIndex());
    assertEquals(OptionalInt.of(41), back.partition());
    assertEquals("stage_1: input column 'f' holds NaN at index 3 in a row of partition 41 "
        + "(+-Infinity is valid input, NaN is not). Set handleInvalid to 'skip' to drop rows with NaN input, or to 'keep' to let NaN propagate to "
        + "the output.", back.getMessage());
    assertEquals("input column 'f' holds NaN at index 3 in a row of partition 41 (+-Infinity is valid input, NaN is not). "
        + "Set stages[2].handleInvalid to 'skip' to drop rows with NaN input, or to 'keep' to let NaN "
        + "propagate to the output.", back.describe("stages[2].handleInvalid"));
  }

  @Test
  void messagesForNullCellsAndNullElements() {
    InvalidInputException cell =
        new InvalidInputException(InputRef.ofStage("s", "x"), Problem.NULL_VALUE, -1);
    assertTrue(cell.isNull());
    assertEquals(OptionalInt.empty(), cell.partition(), "built outside a task");
    assertEquals("s: input column 'x' holds a null value. Set handleInvalid to 'skip' to drop rows with null "
        + "input, or to 'keep' to pass null through.", cell.getMessage());
    InvalidInputException element =
        new InvalidInputException(InputRef.ofSql("softmax(t.v)", "x"), Problem.NULL_ELEMENT, 1);
    assertTrue(element.isNull());
    assertEquals(null, element.stageUid());
    assertEquals("softmax(t.v): argument x holds an array with a null element at index 1. Set handleInvalid "
        + "to 'skip' to drop rows with null input, or to 'keep' to pass null through.", element.getMessage());
  }

  @Test
  void aStageFailureOnLocalTwoCarriesTheTypedExceptionAcrossTheTask() {
    Dataset<Row> df = vectors(spark, Vectors.dense(1.0, 2.0), Vectors.sparse(5, new int[] {1, 4},
        new double[] {3.0, Double.NaN}));
    ActivationTransformer stage =
        new ActivationTransformer("at_uid").setActivation("relu").setInputCol("features").setOutputCol("out");
    SparkException failure = assertThrows(SparkException.class, () -> stage.transform(df).collect());
    InvalidInputException e = InvalidInputException.findIn(failure).orElseThrow();
    assertNotSame(failure, e, "wrapped by Spark's task failure");
    assertEquals("at_uid", e.stageUid());
    assertEquals("features", e.column());
    assertEquals(Problem.NAN, e.problem());
    assertEquals(4, e.entryIndex(), "the vector index of the NaN, not its position among the stored values");

    Dataset<Row> arrays = column(spark, "a", DataTypes.createArrayType(DataTypes.DoubleType),
        (Object) new Double[] {1.0, null, 2.0});
    SoftmaxTransformer softmax = new SoftmaxTransformer("sm_uid").setInputCol("a").setOutputCol("p");
    e = InvalidInputException.findIn(
        assertThrows(SparkException.class, () -> softmax.transform(arrays).collect())).orElseThrow();
    assertEquals("sm_uid", e.stageUid());
    assertEquals("a", e.column());
    assertEquals(Problem.NULL_ELEMENT, e.problem());
    assertEquals(1, e.entryIndex());

    Dataset<Row> nulls = column(spark, "n", DataTypes.DoubleType, 1.0, null);
    e = InvalidInputException.findIn(assertThrows(SparkException.class,
        () -> new ActivationTransformer("n_uid").setInputCol("n").setOutputCol("o").transform(nulls).collect()))
        .orElseThrow();
    assertEquals(Problem.NULL_VALUE, e.problem());
    assertEquals(-1, e.entryIndex());
    assertEquals("n", e.column());
  }

  @Test
  void theFailureNamesThePartitionThatHoldsTheRowOnBothEngines() {
    // spark.range(0, 4, 1, 4) puts id i in partition i; only id 2 has a NaN entry
    Dataset<Row> df = spark.range(0, 4, 1, 4).select(functions.array_to_vector(
        expr("array(1D, CASE WHEN id = 2 THEN double('NaN') ELSE double(id) END)")).as("features"));
    String before = spark.conf().get(EXECUTION);
    for (String engine : List.of("native", "udf")) {
      spark.conf().set(EXECUTION, engine);
      try {
        ActivationTransformer stage = new ActivationTransformer().setActivation("tanh").setInputCol("features")
            .setOutputCol("out");
        InvalidInputException e = InvalidInputException.findIn(
            assertThrows(SparkException.class, () -> stage.transform(df).collect())).orElseThrow();
        assertEquals(OptionalInt.of(2), e.partition(), engine);
        assertEquals(1, e.entryIndex(), engine);
        assertTrue(e.getMessage().contains("holds NaN at index 1 in a row of partition 2 "), e.getMessage());
      } finally {
        spark.conf().set(EXECUTION, before);
      }
    }
  }

  @Test
  void causesWalksEachLinkOnceAndFindsTheOutermostMatch() {
    IllegalStateException root = new IllegalStateException("root");
    RuntimeException middle = new RuntimeException("", root);
    SparkException top = new SparkException("top", middle);
    assertEquals(List.of(top, middle, root), Causes.chain(top));
    assertSame(root, Causes.root(top));
    assertSame(root, Causes.innermostWithMessage(top));
    assertSame(top, Causes.find(top, SparkException.class).orElseThrow());
    assertSame(middle, Causes.find(top, RuntimeException.class).orElseThrow(), "outermost match");
    assertTrue(Causes.find(top, InvalidInputException.class).isEmpty());
    RuntimeException blank = new RuntimeException(" ");
    assertSame(blank, Causes.innermostWithMessage(blank), "no message anywhere: the failure itself");
    // a cycle ends the walk instead of looping
    RuntimeException a = new RuntimeException("a");
    RuntimeException b = new RuntimeException("b", a);
    a.initCause(b);
    assertEquals(List.of(a, b), Causes.chain(a));
  }
}
