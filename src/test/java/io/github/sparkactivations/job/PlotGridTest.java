package io.github.sparkactivations.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sparkactivations.plot.ActivationGrid;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** {@code plot --layout grid}: one panel per function, each with its f and f'. */
class PlotGridTest {

  @TempDir Path tmp;

  @Test
  void gridDrawsOnePanelPerFunctionWithFAndDerivative() throws Exception {
    Path png = tmp.resolve("grid.png");
    JobCli.Result r = JobCli.run("plot", "sigmoid", "tanh", "relu", "elu(alpha=0.5)", "--layout", "grid", "--out",
        png.toString());
    assertEquals(0, r.exit(), r.toString());
    assertEquals("wrote " + png, r.out().strip());
    BufferedImage img = ImageIO.read(png.toFile());
    assertEquals(3 * 480, img.getWidth(), "three panels a row, 480 px each");
    assertEquals(2 * 340, img.getHeight(), "four functions take two rows");
    int[][] panels = {{0, 0}, {1, 0}, {2, 0}, {0, 1}};
    for (int[] p : panels) {
      int x0 = p[0] * 480;
      int y0 = p[1] * 340;
      assertTrue(count(img, x0, y0, 0x4E79A7) > 300, "f drawn in panel " + p[0] + "," + p[1]);
      assertTrue(count(img, x0, y0, 0xE15759) > 300, "f' drawn in panel " + p[0] + "," + p[1]);
    }
    assertEquals(0, count(img, 480, 340, 0x4E79A7) + count(img, 960, 340, 0x4E79A7), "two empty cells");
  }

  @Test
  void gridWithNoDerivativeDrawsFOnly() throws Exception {
    Path png = tmp.resolve("f-only.png");
    JobCli.Result r = JobCli.run("plot", "sigmoid", "tanh", "relu", "elu(alpha=0.5)", "--layout", "grid",
        "--no-derivative", "--out", png.toString());
    assertEquals(0, r.exit(), r.toString());
    BufferedImage img = ImageIO.read(png.toFile());
    assertEquals(3 * 480, img.getWidth());
    assertEquals(2 * 340, img.getHeight());
    int[][] cells = {{0, 0}, {1, 0}, {2, 0}, {0, 1}};
    for (int[] p : cells) {
      int x0 = p[0] * 480;
      int y0 = p[1] * 340;
      assertTrue(count(img, x0, y0, 0x4E79A7) > 300, "f drawn in panel " + p[0] + "," + p[1]);
      assertEquals(0, count(img, x0, y0, 0xE15759), "no f' dot in panel " + p[0] + "," + p[1]);
    }
    // the panels behind it: f alone (plus the invisible tick anchor), f and f' when asked for
    List<XYChart> fOnly = ActivationGrid.panels(List.of("relu", "tanh"), -2, 3, 480, 340, false);
    List<XYChart> both = ActivationGrid.panels(List.of("relu", "tanh"), -2, 3, 480, 340, true);
    for (int i = 0; i < 2; i++) {
      String name = List.of("relu", "tanh").get(i);
      assertEquals(List.of(" ", name), List.copyOf(fOnly.get(i).getSeriesMap().keySet()));
      assertEquals(List.of(" ", name, name + "'"), List.copyOf(both.get(i).getSeriesMap().keySet()));
      assertEquals("f(x)", fOnly.get(i).getYAxisTitle());
    }
  }

  @Test
  void eachPanelHoldsItsFunctionAndDerivativeOverTheRange() {
    List<XYChart> panels = ActivationGrid.panels(List.of("relu", "leaky_relu(alpha=0.1)"), -2, 3, 480, 340);
    assertEquals(2, panels.size());
    assertEquals("leaky_relu(alpha=0.1)", panels.get(1).getTitle());
    XYSeries f = panels.get(1).getSeriesMap().get("leaky_relu(alpha=0.1)");
    XYSeries d = panels.get(1).getSeriesMap().get("leaky_relu(alpha=0.1)'");
    double[] xs = f.getXData();
    assertEquals(-2.0, xs[0]);
    assertEquals(3.0, xs[xs.length - 1]);
    for (int i = 0; i < xs.length; i++) {
      assertEquals(xs[i] > 0 ? xs[i] : 0.1 * xs[i], f.getYData()[i], 1e-15, "f at " + xs[i]);
    }
    for (int i = 0; i < d.getXData().length; i++) {
      double x = d.getXData()[i];
      assertEquals(x > 0 ? 1.0 : 0.1, d.getYData()[i], 0.0, "f' at " + x);
    }
  }

  @Test
  void gridRefusesVectorFormatsAndUnknownLayouts() {
    Path svg = tmp.resolve("grid.svg");
    JobCli.Result r = JobCli.run("plot", "relu", "--layout", "grid", "--out", svg.toString());
    assertEquals(2, r.exit(), r.toString());
    assertEquals(List.of("error: a grid is drawn as one bitmap; end the file name " + svg
        + " with .png or .jpg (or use the overlay layout for .svg and .pdf)"), r.err().lines().toList());
    assertFalse(Files.exists(svg));
    JobCli.Result bad = JobCli.run("plot", "relu", "--layout", "mosaic", "--out", tmp.resolve("m.png").toString());
    assertEquals(2, bad.exit(), bad.toString());
    assertEquals("error: --layout: 'mosaic' is not a layout (allowed: overlay, grid)", bad.err().lines().findFirst().orElse(""));
  }

  private static int count(BufferedImage img, int x0, int y0, int rgb) {
    int n = 0;
    for (int y = y0; y < y0 + 340; y++) {
      for (int x = x0; x < x0 + 480; x++) {
        if ((img.getRGB(x, y) & 0xFFFFFF) == rgb) {
          n++;
        }
      }
    }
    return n;
  }
}
