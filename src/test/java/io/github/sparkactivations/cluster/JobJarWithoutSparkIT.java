package io.github.sparkactivations.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded job jar run with {@code java -jar}, where Spark (provided by spark-submit) is absent:
 * {@code run} exits 2 with one line saying Spark is needed and how to submit the jar, writes nothing
 * and prints no stack trace; {@code list} and {@code plot} work there.
 */
class JobJarWithoutSparkIT {

  @TempDir Path tmp;

  @Test
  void runWithoutSparkIsOneLineAndListStillWorks() throws Exception {
    Path jar = jobJar();
    Path out = tmp.resolve("out/digits");
    Result run = java(jar, "run", "conf/digits.yaml", "--set", "output.path=" + out);
    assertEquals(2, run.exit(), run.toString());
    assertEquals(List.of("error: run needs Spark on the classpath, and the job jar leaves Spark out (spark-submit "
        + "provides it): spark-submit --class io.github.sparkactivations.job.ActivationJob <job jar> run <config>; "
        + "list and plot run without Spark"), run.err(), run.toString());
    assertEquals(List.of(), run.out(), run.toString());
    assertFalse(Files.exists(tmp.resolve("out")), "nothing written");

    Result list = java(jar, "list");
    assertEquals(0, list.exit(), list.toString());
    assertTrue(list.out().stream().anyMatch(l -> l.startsWith("hardtanh ")), list.toString());
  }

  @Test
  void plotWritesSvgAndPngWithoutSpark() throws Exception {
    Path jar = jobJar();
    // the shaded XChart and its relocated SVG and PNG writers, no Spark class needed
    Path svg = tmp.resolve("plots/relus.svg");
    Files.createDirectories(svg.getParent());
    Result plotSvg = java(jar, "plot", "relu", "elu(alpha=0.5)", "--out", svg.toString());
    assertEquals(0, plotSvg.exit(), plotSvg.toString());
    assertEquals(List.of("wrote " + svg), plotSvg.out(), plotSvg.toString());
    String text = Files.readString(svg, StandardCharsets.UTF_8);
    assertTrue(text.startsWith("<?xml"), text.substring(0, Math.min(200, text.length())));
    assertTrue(text.contains("<svg"), "an <svg> element in " + svg);
    // a whole, well-formed document whose root is <svg> (the DOCTYPE's DTD is not fetched)
    DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
    xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    assertEquals("svg", xml.newDocumentBuilder().parse(svg.toFile()).getDocumentElement().getTagName());

    Path png = tmp.resolve("plots/sigmoids.png");
    Result plotPng = java(jar, "plot", "sigmoid", "tanh", "--out", png.toString());
    assertEquals(0, plotPng.exit(), plotPng.toString());
    assertEquals(List.of("wrote " + png), plotPng.out(), plotPng.toString());
    byte[] bytes = Files.readAllBytes(png);
    byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    assertTrue(bytes.length > magic.length, "empty " + png);
    assertArrayEquals(magic, Arrays.copyOf(bytes, magic.length), "PNG signature of " + png);
    // a whole image that decodes, 1000 x 600 by default
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(1000, image.getWidth(), "width");
    assertEquals(600, image.getHeight(), "height");
  }

  record Result(int exit, List<String> out, List<String> err) {}

  private static Path jobJar() {
    Path jar = Path.of(System.getProperty("cluster.jobJar", "target/spark-activations-spark3.5_2.12.jar")).toAbsolutePath();
    assertTrue(Files.isRegularFile(jar), "no job jar at " + jar + ": run `mvn verify` (package first)");
    return jar;
  }

  private Result java(Path jar, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toString()));
    cmd.addAll(List.of(args));
    Path o = tmp.resolve("stdout.txt");
    Path e = tmp.resolve("stderr.txt");
    Process p = new ProcessBuilder(cmd).redirectOutput(o.toFile()).redirectError(e.toFile()).start();
    try {
      assertTrue(p.waitFor(5, TimeUnit.MINUTES), "java -jar did not end in 5 minutes");
    } finally {
      p.destroyForcibly();
    }
    return new Result(p.exitValue(), Files.readAllLines(o, StandardCharsets.UTF_8), Files.readAllLines(e, StandardCharsets.UTF_8));
  }
}
