package io.github.sparkactivations.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Persistence checks for a stage, in the spirit of Spark's {@code DefaultReadWriteTest} and
 * SynapseML's {@code SerializationFuzzing}: save and load the stage alone, inside an unfitted
 * {@link Pipeline} and inside a fitted {@link PipelineModel}, and compare the uid, every param
 * (set or default) and the transformed output (schema with metadata, then rows).
 */
public final class StageTestKit {

  private StageTestKit() {}

  /** Runs all three round trips of {@code stage} (use non-default params) over {@code df}. */
  public static <T extends Transformer & MLWritable> void assertRoundTrip(
      T stage, Dataset<Row> df, Path dir) throws Exception {
    Dataset<Row> expected = stage.transform(df);

    // alone: save, refuse a second save, overwrite, load through the static read() (as Pipeline does)
    String alone = dir.resolve("alone").toString();
    stage.save(alone);
    assertThrows(IOException.class, () -> stage.save(alone), "a second save must not overwrite");
    stage.write().overwrite().save(alone);
    Method read = stage.getClass().getMethod("read");
    Transformer loaded = (Transformer) ((MLReader<?>) read.invoke(null)).load(alone);
    assertSameParams(stage, loaded);
    assertSameOutput(expected, loaded.transform(df));

    // inside an unfitted Pipeline
    String pipelinePath = dir.resolve("pipeline").toString();
    new Pipeline().setStages(new PipelineStage[] {stage}).save(pipelinePath);
    Pipeline pipeline = Pipeline.load(pipelinePath);
    assertEquals(1, pipeline.getStages().length);
    assertSameParams(stage, pipeline.getStages()[0]);
    assertSameOutput(expected, pipeline.fit(df).transform(df));

    // inside a fitted PipelineModel
    String modelPath = dir.resolve("model").toString();
    new Pipeline().setStages(new PipelineStage[] {stage}).fit(df).save(modelPath);
    PipelineModel model = PipelineModel.load(modelPath);
    assertSameParams(stage, model.stages()[0]);
    assertSameOutput(expected, model.transform(df));
  }

  /** Same class, uid, and for every param the same set/default state and value. */
  public static void assertSameParams(Params expected, Params actual) {
    assertSame(expected.getClass(), actual.getClass());
    assertEquals(expected.uid(), actual.uid());
    assertEquals(expected.params().length, actual.params().length);
    for (Param<?> p : expected.params()) {
      Param<Object> q = actual.getParam(p.name());
      assertEquals(expected.isSet(p), actual.isSet(q), "isSet(" + p.name() + ")");
      assertEquals(expected.hasDefault(p), actual.hasDefault(q), "hasDefault(" + p.name() + ")");
      if (expected.isDefined(p)) {
        Object e = expected.getOrDefault(p);
        Object a = actual.getOrDefault(q);
        assertTrue(Objects.deepEquals(e, a), p.name() + ": expected " + show(e) + " but was " + show(a));
      }
    }
  }

  /** Equal schemas (metadata included) and equal rows, in order. */
  public static void assertSameOutput(Dataset<Row> expected, Dataset<Row> actual) {
    SparkTestBase.assertDataFrameEquals(expected, actual);
  }

  private static String show(Object o) {
    return o instanceof Object[] a ? Arrays.toString(a) : String.valueOf(o);
  }
}
