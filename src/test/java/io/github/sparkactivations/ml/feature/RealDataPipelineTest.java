package io.github.sparkactivations.ml.feature;

import static io.github.sparkactivations.testing.NumericAssert.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sparkactivations.activation.Activations;
import io.github.sparkactivations.activation.ElementwiseActivation;
import io.github.sparkactivations.testing.SparkTestBase;
import io.github.sparkactivations.testing.StageTestKit;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RealDataPipelineTest extends SparkTestBase {

  /**
   * VectorAssembler -> StandardScaler -> ActivationTransformer(tanh) -> LogisticRegression on the
   * Wisconsin breast-cancer data (569 rows, 30 features): fitted, scored on a held-out split, saved,
   * reloaded and scored again.
   */
  @Test
  void breastCancerPipelineFitsScoresAndReloads(@TempDir Path dir) throws Exception {
    Dataset<Row> raw =
        spark.read().option("header", "true").option("inferSchema", "true").csv("sample-data/breast_cancer.csv");
    assertEquals(569, raw.count());
    String[] features = Arrays.stream(raw.columns()).filter(c -> !c.equals("diagnosis")).toArray(String[]::new);
    assertEquals(30, features.length);
    Dataset<Row>[] split = raw.randomSplit(new double[] {0.75, 0.25}, 42L);

    ActivationTransformer tanh =
        new ActivationTransformer().setActivation("tanh").setInputCol("scaled").setOutputCol("activated");
    Pipeline pipeline =
        new Pipeline()
            .setStages(
                new PipelineStage[] {
                  new StringIndexer().setInputCol("diagnosis").setOutputCol("label"),
                  new VectorAssembler().setInputCols(features).setOutputCol("features"),
                  new StandardScaler().setInputCol("features").setOutputCol("scaled").setWithMean(true),
                  tanh,
                  new LogisticRegression().setFeaturesCol("activated").setMaxIter(50).setRegParam(0.01)
                });
    PipelineModel model = pipeline.fit(split[0]);
    Dataset<Row> scored = model.transform(split[1]).cache();

    // the activation stage kept the vector size for the classifier, and its values are tanh(scaled)
    assertEquals(30, AttributeGroup.fromStructField(scored.schema().apply("activated")).size());
    ElementwiseActivation f = Activations.parseElementwise("tanh");
    for (Row r : scored.select("scaled", "activated").limit(5).collectAsList()) {
      double[] in = ((Vector) r.get(0)).toArray();
      double[] want = Arrays.stream(in).map(f::value).toArray();
      assertClose(want, ((Vector) r.get(1)).toArray(), "tanh(scaled)");
    }
    double auc = new BinaryClassificationEvaluator().evaluate(scored);
    assertTrue(auc > 0.97, "held-out AUC " + auc);

    String path = dir.resolve("model").toString();
    model.save(path);
    PipelineModel reloaded = PipelineModel.load(path);
    StageTestKit.assertSameOutput(
        scored.select("activated", "prediction", "probability"),
        reloaded.transform(split[1]).select("activated", "prediction", "probability"));
  }

  /** Both stages on a streaming DataFrame (file source, memory sink) match the batch result. */
  @Test
  void stagesRunOnAStreamingDataFrame(@TempDir Path dir) throws Exception {
    StructType schema = new StructType().add("id", DataTypes.IntegerType).add("v", SQLDataTypes.VectorType());
    List<Row> rows =
        List.of(
            RowFactory.create(0, Vectors.dense(-1.0, 2.0, 0.5)),
            RowFactory.create(1, Vectors.sparse(3, new int[] {2}, new double[] {-4.0})),
            RowFactory.create(2, null),
            RowFactory.create(3, Vectors.dense(3.0, Double.NaN, 1.0)));
    // a file source: public streaming API on every Spark line (MemoryStream moved package in Spark 4.1)
    String source = dir.resolve("stream-in").toString();
    spark.createDataFrame(rows, schema).write().parquet(source);
    Dataset<Row> input = spark.readStream().schema(schema).parquet(source);

    ActivationTransformer act =
        new ActivationTransformer().setActivation("leaky_relu(alpha=0.1)").setInputCol("v").setOutputCol("a")
            .setHandleInvalid("skip");
    SoftmaxTransformer soft = new SoftmaxTransformer().setInputCol("a").setOutputCol("p").setTemperature(2.0);
    Dataset<Row> streamed = soft.transform(act.transform(input));
    assertTrue(streamed.isStreaming());
    StreamingQuery query =
        streamed.writeStream().format("memory").queryName("activation_stream").outputMode("append").start();
    try {
      query.processAllAvailable();
    } finally {
      query.stop();
    }
    Dataset<Row> got = spark.table("activation_stream").orderBy("id");
    Dataset<Row> batch = soft.transform(act.transform(spark.createDataFrame(rows, schema))).orderBy("id");
    assertEquals(List.of(0, 1), got.select("id").as(Encoders.INT()).collectAsList());
    StageTestKit.assertSameOutput(batch.select("id", "a", "p"), got.select("id", "a", "p"));
  }
}
