package io.github.sparkactivations.job;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The JVMs the build launches for the job ({@code mvn exec:exec@job}, README command 1) can take the
 * SIMD kernels: each exec execution that runs {@code ActivationJob} puts {@code jdk.incubator.vector}
 * in the JVM, among the JVM options before the main class (after it, it would be a job argument).
 */
class ExecJobLaunchTest {

  private static final String MAIN = "io.github.sparkactivations.job.ActivationJob";

  @Test
  void everyExecExecutionOfTheJobAddsTheVectorModule() throws Exception {
    Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
    List<String> jobLaunches = new ArrayList<>();
    NodeList executions = pom.getElementsByTagName("execution");
    for (int i = 0; i < executions.getLength(); i++) {
      Element e = (Element) executions.item(i);
      NodeList args = e.getElementsByTagName("commandlineArgs");
      if (args.getLength() == 0) {
        continue;
      }
      List<String> words = Arrays.asList(args.item(0).getTextContent().trim().split("\\s+"));
      int main = words.indexOf(MAIN);
      if (main < 0) {
        continue;
      }
      String id = e.getElementsByTagName("id").item(0).getTextContent();
      jobLaunches.add(id);
      assertTrue(words.subList(0, main).contains("--add-modules=jdk.incubator.vector"),
          "execution " + id + " launches the job without jdk.incubator.vector: " + words);
    }
    assertFalse(jobLaunches.isEmpty(), "no exec execution runs " + MAIN);
    assertTrue(jobLaunches.contains("job"), "README command 1 runs execution 'job': " + jobLaunches);
  }
}
