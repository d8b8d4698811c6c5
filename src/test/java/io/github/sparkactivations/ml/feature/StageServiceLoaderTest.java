package io.github.sparkactivations.ml.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sparkactivations.testing.SparkTestBase;
import io.github.sparkactivations.testing.StageTestKit;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stages as a tool that knows them only by name finds and drives them (Spark Connect ML from
 * Spark 4.0 does this): {@code META-INF/services/org.apache.spark.ml.Transformer} lists them, each is
 * built by its {@code (String uid)} constructor, every param is set through the generic
 * {@code Params} API, and save/load keeps every value.
 */
class StageServiceLoaderTest extends SparkTestBase {

  /** A non-default, valid value for every param of both stages, by name. */
  private static final Map<String, Object> VALUES =
      Map.of(
          "inputCol", "a",
          "outputCol", "out_a",
          "inputCols", new String[] {"a", "b"},
          "outputCols", new String[] {"out_a", "out_b"},
          "handleInvalid", "keep",
          "activation", "elu(alpha=0.5)",
          "derivative", true,
          "temperature", 2.5,
          "logSoftmax", true);

  @Test
  void serviceLoaderListsBothStages() {
    Set<String> found =
        ServiceLoader.load(Transformer.class).stream()
            .map(p -> p.type().getName())
            .filter(n -> n.startsWith("io.github.sparkactivations."))
            .collect(Collectors.toSet());
    assertEquals(Set.of(ActivationTransformer.class.getName(), SoftmaxTransformer.class.getName()), found);
  }

  @Test
  void eachStageIsBuiltByUidSetGenericallyAndRoundTrips(@TempDir Path dir) throws Exception {
    Dataset<Row> df = StagePersistenceTest.data();
    for (ServiceLoader.Provider<Transformer> provider : ServiceLoader.load(Transformer.class).stream().toList()) {
      Class<? extends Transformer> type = provider.type();
      if (!type.getName().startsWith("io.github.sparkactivations.")) {
        continue;
      }
      String uid = type.getSimpleName() + "_generic";
      Transformer stage = type.getConstructor(String.class).newInstance(uid);
      assertEquals(uid, stage.uid());

      Map<String, Object> set = new TreeMap<>();
      for (Param<?> p : stage.params()) {
        assertTrue(VALUES.containsKey(p.name()), type.getSimpleName() + " has a param this test does not set: " + p.name());
        Object value = VALUES.get(p.name());
        stage.set(stage.getParam(p.name()), value);
        set.put(p.name(), value);
      }
      for (Map.Entry<String, Object> e : set.entrySet()) {
        Object got = stage.getOrDefault(stage.getParam(e.getKey()));
        assertTrue(Objects.deepEquals(e.getValue(), got), type.getSimpleName() + "." + e.getKey() + " = " + got);
      }

      // save with every param set; load by the generic reader (class name from the metadata) and by read()
      String path = dir.resolve(uid).toString();
      ((MLWritable) stage).write().save(path);
      Transformer generic = (Transformer) DefaultParamsReader.loadParamsInstance(path, spark.sparkContext());
      StageTestKit.assertSameParams(stage, generic);

      // single-column mode: clear the multi-column params on both, then the outputs must agree
      for (Transformer t : new Transformer[] {stage, generic}) {
        t.clear(t.getParam("inputCols"));
        t.clear(t.getParam("outputCols"));
      }
      Dataset<Row> out = stage.transform(df);
      assertTrue(Set.of(out.columns()).contains("out_a"), type.getSimpleName() + " output columns");
      StageTestKit.assertSameOutput(out, generic.transform(df));
    }
  }
}
