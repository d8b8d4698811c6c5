package io.github.sparkactivations.ml.feature;

import static io.github.sparkactivations.testing.NumericAssert.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sparkactivations.activation.Activations;
import io.github.sparkactivations.activation.ElementwiseActivation;
import io.github.sparkactivations.testing.SparkTestBase;
import io.github.sparkactivations.testing.StageTestKit;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagePersistenceTest extends SparkTestBase {

  /** Where {@link FixtureWriter} saved the 0.1.0 stages (a test resource, committed). */
  static final String FIXTURES = "src/test/resources/fixtures/0.1.0";

  /** Two vector columns and an array column; no NaN (sparse NaN never equals itself). */
  static StructType schema() {
    return new StructType()
        .add("id", DataTypes.IntegerType)
        .add("a", SQLDataTypes.VectorType())
        .add("b", SQLDataTypes.VectorType())
        .add("c", DataTypes.createArrayType(DataTypes.DoubleType));
  }

  static Dataset<Row> data() {
    return spark.createDataFrame(
        List.of(
            RowFactory.create(0, Vectors.dense(-1.0, 0.5, 2.0), Vectors.sparse(3, new int[] {1}, new double[] {-2.0}),
                new Double[] {3.0, -3.0}),
            RowFactory.create(1, Vectors.sparse(3, new int[] {0, 2}, new double[] {4.0, -0.25}), Vectors.dense(0.0, 1.0, 2.0),
                new Double[] {0.0, 1.5}),
            RowFactory.create(2, null, Vectors.dense(5.0, 6.0, 7.0), null)),
        schema());
  }

  /** Non-default values everywhere, so a load that dropped a param could not pass by accident. */
  static ActivationTransformer activationStage() {
    return activationStage(new ActivationTransformer());
  }

  static ActivationTransformer activationStage(ActivationTransformer stage) {
    return stage
        .setActivation("elu(alpha=0.5)")
        .setDerivative(true)
        .setInputCols("a", "b", "c")
        .setOutputCols("ea", "eb", "ec")
        .setHandleInvalid("keep");
  }

  static SoftmaxTransformer softmaxStage() {
    return softmaxStage(new SoftmaxTransformer());
  }

  static SoftmaxTransformer softmaxStage(SoftmaxTransformer stage) {
    return stage
        .setInputCol("b")
        .setOutputCol("pb")
        .setTemperature(2.5)
        .setLogSoftmax(true)
        .setHandleInvalid("skip");
  }

  @Test
  void activationTransformerRoundTripsAlonePipelineAndPipelineModel(@TempDir Path dir) throws Exception {
    StageTestKit.assertRoundTrip(activationStage(), data(), dir);
  }

  @Test
  void softmaxTransformerRoundTripsAlonePipelineAndPipelineModel(@TempDir Path dir) throws Exception {
    StageTestKit.assertRoundTrip(softmaxStage(), data(), dir);
  }

  @Test
  void stagesSavedByVersion010StillLoadAndTransform() {
    ActivationTransformer a = ActivationTransformer.load(FIXTURES + "/ActivationTransformer");
    assertEquals("ActivationTransformer_fixture010", a.uid());
    assertEquals("elu(alpha=0.5)", a.getActivation());
    assertTrue(a.getDerivative());
    assertArrayEquals(new String[] {"a", "b", "c"}, a.getInputCols());
    assertArrayEquals(new String[] {"ea", "eb", "ec"}, a.getOutputCols());
    assertEquals("keep", a.getHandleInvalid());
    StageTestKit.assertSameParams(activationStage(new ActivationTransformer(a.uid())), a);

    SoftmaxTransformer s = SoftmaxTransformer.load(FIXTURES + "/SoftmaxTransformer");
    assertEquals(2.5, s.getTemperature());
    assertTrue(s.getLogSoftmax());
    assertEquals("skip", s.getHandleInvalid());
    StageTestKit.assertSameParams(softmaxStage(new SoftmaxTransformer(s.uid())), s);

    PipelineModel model = PipelineModel.load(FIXTURES + "/PipelineModel");
    Transformer[] stages = model.stages();
    assertEquals(List.of(ActivationTransformer.class, SoftmaxTransformer.class),
        List.of(stages[0].getClass(), stages[1].getClass()));
    Dataset<Row> out = model.transform(data()).orderBy("id");
    assertEquals(List.of(0, 1, 2), out.select("id").as(org.apache.spark.sql.Encoders.INT()).collectAsList());
    // elu'(x) with alpha 0.5 of row 0's column a, computed by the core's scalar derivative
    ElementwiseActivation elu = Activations.parseElementwise("elu(alpha=0.5)");
    Vector ea = out.first().getAs("ea");
    assertClose(new double[] {elu.derivative(-1.0), elu.derivative(0.5), elu.derivative(2.0)}, ea.toArray(), "ea");
    Vector pb = out.first().getAs("pb");
    assertClose(SoftmaxTransformerTest.softmax(new double[] {0.0, -2.0, 0.0}, 2.5, true), pb.toArray(), "pb");
  }

  /** A valid sample value per param name, different from the default. */
  private static final Map<String, Object> SAMPLES =
      Map.of(
          "activation", "leaky_relu(alpha=0.2)",
          "derivative", true,
          "handleInvalid", "keep",
          "inputCol", "in",
          "outputCol", "out",
          "inputCols", new String[] {"x", "y"},
          "outputCols", new String[] {"u", "v"},
          "temperature", 0.75,
          "logSoftmax", true);

  /** SynapseML-style getter/setter fuzzing: every param has get/set named after it that round-trip. */
  @Test
  void everyParamRoundTripsThroughItsGetterAndSetter() throws Exception {
    for (Params stage : new Params[] {new ActivationTransformer(), new SoftmaxTransformer()}) {
      for (Param<?> p : stage.params()) {
        String cap = Character.toUpperCase(p.name().charAt(0)) + p.name().substring(1);
        Object value = SAMPLES.get(p.name());
        assertTrue(value != null, "no sample value for " + p.name());
        assertFalse(stage.isSet(p), p.name());
        Method setter = findSetter(stage.getClass(), "set" + cap);
        Object returned = setter.invoke(stage, value);
        assertTrue(returned == stage, "set" + cap + " must return the stage");
        Object got = stage.getClass().getMethod("get" + cap).invoke(stage);
        assertTrue(java.util.Objects.deepEquals(value, got), p.name() + ": set " + value + ", got " + got);
        assertTrue(stage.isSet(p), p.name());
      }
    }
  }

  private static Method findSetter(Class<?> c, String name) {
    for (Method m : c.getMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == 1) {
        return m;
      }
    }
    throw new AssertionError(c.getSimpleName() + " has no public " + name);
  }
}
