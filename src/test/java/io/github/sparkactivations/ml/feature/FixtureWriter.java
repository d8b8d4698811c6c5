package io.github.sparkactivations.ml.feature;

import io.github.sparkactivations.testing.SparkTestBase;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineStage;

/**
 * Writes the saved-stage fixtures of one release into {@code src/test/resources/fixtures/<version>/}
 * (run once per release from the project root, then commit the files; {@link StagePersistenceTest}
 * checks that every committed fixture still loads and transforms):
 *
 * <pre>
 * mvn -o test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/cp.txt
 * java &lt;the --add-opens flags of spark.java.opens in pom.xml&gt; \
 *   -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) \
 *   io.github.sparkactivations.ml.feature.FixtureWriter 0.1.0
 * </pre>
 */
public final class FixtureWriter {

  private FixtureWriter() {}

  public static void main(String[] args) throws Exception {
    String dir = "src/test/resources/fixtures/" + args[0];
    SparkTestBase.session();
    ActivationTransformer a =
        StagePersistenceTest.activationStage(new ActivationTransformer("ActivationTransformer_fixture010"));
    SoftmaxTransformer s =
        StagePersistenceTest.softmaxStage(new SoftmaxTransformer("SoftmaxTransformer_fixture010"));
    a.write().overwrite().save(dir + "/ActivationTransformer");
    s.write().overwrite().save(dir + "/SoftmaxTransformer");
    new Pipeline()
        .setStages(new PipelineStage[] {a, s})
        .fit(SparkTestBase.session().createDataFrame(java.util.List.of(), StagePersistenceTest.schema()))
        .write()
        .overwrite()
        .save(dir + "/PipelineModel");
  }
}
