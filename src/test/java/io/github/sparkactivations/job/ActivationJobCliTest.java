package io.github.sparkactivations.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sparkactivations.activation.Activations;
import io.github.sparkactivations.plot.ActivationChart;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** The CLI without Spark: help, list, plot and usage errors, with their exit codes. */
class ActivationJobCliTest {

  @TempDir Path tmp;

  @Test
  void helpExitsZeroAndNamesTheCommands() {
    JobCli.Result r = JobCli.run("--help");
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().contains("run") && r.out().contains("list") && r.out().contains("plot"), r.out());
    JobCli.Result run = JobCli.run("run", "--help");
    assertEquals(0, run.exit(), run.toString());
    assertTrue(run.out().contains("--set"), run.out());
  }

  @Test
  void usageErrorsExitTwoWithOneErrorLine() {
    JobCli.Result none = JobCli.run();
    assertEquals(2, none.exit(), none.toString());
    assertTrue(none.err().startsWith("error: missing command"), none.err());
    JobCli.Result unknown = JobCli.run("fly");
    assertEquals(2, unknown.exit(), unknown.toString());
    assertTrue(unknown.err().startsWith("error: "), unknown.err());
    JobCli.Result noConfig = JobCli.run("run");
    assertEquals(2, noConfig.exit(), noConfig.toString());
    assertTrue(noConfig.err().startsWith("error: Missing required parameter: '<config>'"), noConfig.err());
  }

  @Test
  void listShowsEveryActivationWithParametersDefaultsAndSparsity() {
    JobCli.Result r = JobCli.run("list");
    assertEquals(0, r.exit(), r.toString());
    for (String name : Activations.names()) {
      assertTrue(r.out().lines().anyMatch(l -> l.startsWith(name + " ")), "missing " + name + ":\n" + r.out());
    }
    assertTrue(r.out().lines().anyMatch(l -> l.matches("elu\\s+alpha=1\\.0\\s+yes.*")), r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.matches("leaky_relu\\s+alpha=0\\.01\\s+yes.*leakyrelu.*")), r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.matches("sigmoid\\s+lambda=1\\.0\\s+no\\s+.*logistic.*")), r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.matches("selu\\s+alpha=1\\.6732632423543772, gamma=1\\.0507009873554805\\s+yes.*")),
        r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.matches("softmax\\s+-\\s+row-wise.*")), r.out());
  }

  @Test
  void plotDrawsEachCurveInItsColourOverTheRange() throws Exception {
    Path png = tmp.resolve("charts/sigmoids.png");
    JobCli.Result r = JobCli.run("plot", "sigmoid", "bipolar_sigmoid", "--out", png.toString(), "--from", "-5", "--to", "5",
        "--width", "800", "--height", "500");
    assertEquals(0, r.exit(), r.toString());
    BufferedImage img = ImageIO.read(png.toFile());
    assertEquals(800, img.getWidth());
    assertEquals(500, img.getHeight());
    // the first two palette colours (sigmoid blue, bipolar_sigmoid red) are drawn
    assertTrue(countColour(img, 0x4E79A7) > 500, "sigmoid curve drawn");
    assertTrue(countColour(img, 0xE15759) > 500, "bipolar_sigmoid curve drawn");
    assertEquals(0, countColour(img, 0x59A14F), "no third function");
  }

  @Test
  void plotWritesSvgByExtension() throws Exception {
    Path svg = tmp.resolve("relu.svg");
    JobCli.Result r = JobCli.run("plot", "relu", "elu(alpha=0.5)", "-o", svg.toString());
    assertEquals(0, r.exit(), r.toString());
    String text = Files.readString(svg);
    assertTrue(text.startsWith("<?xml") && text.contains("<svg"), text.substring(0, Math.min(200, text.length())));
  }

  @Test
  void plotRejectsRowwiseAndUnknownSpecsAndUnknownFormats() {
    JobCli.Result soft = JobCli.run("plot", "softmax", "--out", tmp.resolve("s.png").toString());
    assertEquals(2, soft.exit(), soft.toString());
    assertTrue(soft.err().startsWith("error: softmax is a row-wise activation") && soft.err().contains("curve"), soft.err());
    JobCli.Result bad = JobCli.run("plot", "relux", "--out", tmp.resolve("s.png").toString());
    assertEquals(2, bad.exit(), bad.toString());
    assertTrue(bad.err().startsWith("error: ") && bad.err().contains("relux"), bad.err());
    JobCli.Result fmt = JobCli.run("plot", "relu", "--out", tmp.resolve("s.gif").toString());
    assertEquals(2, fmt.exit(), fmt.toString());
    assertTrue(fmt.err().contains(".png, .svg"), fmt.err());
    JobCli.Result range = JobCli.run("plot", "relu", "--out", tmp.resolve("s.png").toString(), "--from", "3", "--to", "1");
    assertEquals(2, range.exit(), range.toString());
    assertFalse(Files.exists(tmp.resolve("s.png")));
  }

  @Test
  void chartSamplesFAndDerivativeOverTheRange() {
    XYChart chart = ActivationChart.builder().add("elu(alpha=0.5)").range(-5, 5).points(11).build();
    XYSeries f = chart.getSeriesMap().get("elu(alpha=0.5)");
    XYSeries d = chart.getSeriesMap().get("elu(alpha=0.5)'");
    double[] xs = f.getXData();
    double[] ys = f.getYData();
    // f on the even grid (11 points) plus the 100 dot positions of f', sorted
    assertEquals(111, xs.length);
    assertEquals(-5.0, xs[0]);
    assertEquals(5.0, xs[xs.length - 1]);
    for (int i = 1; i < xs.length; i++) {
      assertTrue(xs[i] > xs[i - 1], "increasing x");
    }
    // elu(alpha=0.5): 0.5 (e^x - 1) for x <= 0, x above; derivative 0.5 e^x, then 1
    for (int i = 0; i < xs.length; i++) {
      double x = xs[i];
      assertEquals(x > 0 ? x : 0.5 * (Math.exp(x) - 1), ys[i], 1e-15, "f(" + x + ")");
    }
    double[] dx = d.getXData();
    assertEquals(100, dx.length);
    assertEquals(-4.95, dx[0], 1e-12);
    assertEquals(4.95, dx[99], 1e-12);
    for (int i = 0; i < dx.length; i++) {
      double x = dx[i];
      assertEquals(x > 0 ? 1.0 : 0.5 * Math.exp(x), d.getYData()[i], 1e-15, "f'(" + x + ")");
    }
    assertEquals("elu(alpha=0.5) and its derivative", chart.getTitle());
  }

  private static int countColour(BufferedImage img, int rgb) {
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        if ((img.getRGB(x, y) & 0xFFFFFF) == rgb) {
          n++;
        }
      }
    }
    return n;
  }
}
