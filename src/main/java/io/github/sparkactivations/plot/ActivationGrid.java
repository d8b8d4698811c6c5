package io.github.sparkactivations.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One panel per activation, each with its f (line) and, unless turned off, f' (dots), laid out in a
 * grid: each function on its own axes, as one draws them to learn them, instead of overlaid on one chart.
 *
 * <pre>{@code
 * ActivationGrid.save(ActivationGrid.panels(List.of("sigmoid", "tanh", "relu", "leaky_relu", "elu(alpha=0.5)"),
 *     -5, 5, 480, 340), Path.of("activations.png"));
 * }</pre>
 */
public final class ActivationGrid {

  /** Panels per row, at most. */
  public static final int MAX_COLUMNS = 3;

  private static final Color DERIVATIVE = new Color(0xE15759);

  private ActivationGrid() {}

  /** Columns of a grid of {@code n} panels: up to {@link #MAX_COLUMNS}. */
  public static int columns(int n) {
    return Math.min(n, MAX_COLUMNS);
  }

  /** Rows of a grid of {@code n} panels. */
  public static int rows(int n) {
    return (n + MAX_COLUMNS - 1) / MAX_COLUMNS;
  }

  /**
   * The panels: one chart of f and f' per spec, titled with the function, over the same range.
   *
   * @throws IllegalArgumentException for a bad or row-wise spec, a bad range or a bad panel size (see
   *     {@link ActivationChart.Builder})
   */
  public static List<XYChart> panels(List<String> specs, double from, double to, int panelWidth, int panelHeight) {
    return panels(specs, from, to, panelWidth, panelHeight, true);
  }

  /**
   * The panels: one chart per spec, titled with the function, over the same range, with f' beside f
   * when {@code derivatives} is true and f alone otherwise.
   *
   * @throws IllegalArgumentException for a bad or row-wise spec, a bad range or a bad panel size (see
   *     {@link ActivationChart.Builder})
   */
  public static List<XYChart> panels(List<String> specs, double from, double to, int panelWidth, int panelHeight,
      boolean derivatives) {
    if (specs.isEmpty()) {
      throw new IllegalArgumentException("add at least one activation");
    }
    List<XYChart> charts = new ArrayList<>();
    for (String spec : specs) {
      XYChart c = ActivationChart.builder().add(spec).range(from, to).size(panelWidth, panelHeight)
          .derivatives(derivatives).build();
      String name = c.getSeriesMap().keySet().iterator().next();
      c.setTitle(name);
      c.getStyler().setLegendVisible(false);
      c.getStyler().setXAxisDecimalPattern("#.##");
      c.getStyler().setYAxisDecimalPattern("#.##");
      c.getStyler().setXAxisTickMarkSpacingHint(120);
      c.getStyler().setYAxisTickMarkSpacingHint(80);
      // one function per panel: f' in a second colour, so line and dots stay apart where they cross
      XYSeries derivative = c.getSeriesMap().get(name + "'");
      if (derivative != null) {
        derivative.setMarkerColor(DERIVATIVE);
      }
      c.setYAxisTitle(derivatives ? "f(x) (line)   f'(x) (red dots)" : "f(x)");
      unevenAnchor(c, from, to);
      charts.add(c);
    }
    return charts;
  }

  /**
   * XChart labels an axis with the data's own positions when all of them are equally spaced (a lone
   * curve on an even grid: ticks at -4.2, -3.4, ...); an invisible series at uneven positions inside
   * the data's range makes it choose round ticks instead, without changing the axes' ranges.
   */
  private static void unevenAnchor(XYChart c, double from, double to) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (XYSeries s : c.getSeriesMap().values()) {
      for (double y : s.getYData()) {
        if (Double.isFinite(y)) {
          lo = Math.min(lo, y);
          hi = Math.max(hi, y);
        }
      }
    }
    // XChart looks at the first series: put the anchor first and the curves back after it
    List<XYSeries> curves = new ArrayList<>(c.getSeriesMap().values());
    for (XYSeries s : curves) {
      c.removeSeries(s.getName());
    }
    double f = 0.37;
    XYSeries a = c.addSeries(" ", new double[] {from, from + f * (to - from), to},
        new double[] {lo, lo + f * (hi - lo), hi});
    a.setLineColor(new Color(0, 0, 0, 0));
    a.setMarker(SeriesMarkers.NONE);
    a.setShowInLegend(false);
    for (XYSeries s : curves) {
      XYSeries n = c.addSeries(s.getName(), s.getXData(), s.getYData());
      n.setXYSeriesRenderStyle(s.getXYSeriesRenderStyle());
      n.setLineColor(s.getLineColor());
      n.setLineWidth(s.getLineWidth());
      n.setMarker(s.getMarker());
      n.setMarkerColor(s.getMarkerColor());
      n.setShowInLegend(s.isShowInLegend());
    }
  }

  /**
   * Draws the grid into a PNG or JPG file (written like {@link ActivationChart#save}: encoded in memory,
   * renamed into place).
   *
   * @throws IllegalArgumentException when the file name ends in neither .png nor .jpg (a grid is one
   *     bitmap), names a directory, or the whole image would exceed 8192 pixels on a side
   * @throws IOException when the file cannot be written
   */
  public static void save(List<XYChart> panels, Path file) throws IOException {
    Path target = file.toAbsolutePath().normalize();
    String lower = target.getFileName() == null ? "" : target.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean jpg = lower.endsWith(".jpg") || lower.endsWith(".jpeg");
    if (!lower.endsWith(".png") && !jpg) {
      throw new IllegalArgumentException("a grid is drawn as one bitmap; end the file name " + file
          + " with .png or .jpg (or use the overlay layout for .svg and .pdf)");
    }
    if (Files.isDirectory(target)) {
      throw new IllegalArgumentException(file + " is a directory; give an image file name such as "
          + target.resolve("grid" + lower.substring(lower.lastIndexOf('.'))));
    }
    int cols = columns(panels.size());
    int rows = rows(panels.size());
    int w = panels.get(0).getWidth() * cols;
    int h = panels.get(0).getHeight() * rows;
    if (w > ActivationChart.MAX_SIDE || h > ActivationChart.MAX_SIDE) {
      throw new IllegalArgumentException("the grid would be " + w + " x " + h + " pixels, more than "
          + ActivationChart.MAX_SIDE + " on a side; use smaller panels or fewer functions");
    }
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    // each panel rendered by XChart, placed in its cell (left to right, top to bottom); empty cells stay white
    BufferedImage grid = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = grid.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, w, h);
      for (int i = 0; i < panels.size(); i++) {
        XYChart c = panels.get(i);
        g.drawImage(BitmapEncoder.getBufferedImage(c), (i % cols) * c.getWidth(), (i / cols) * c.getHeight(), null);
      }
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
    if (jpg) {
      ImageFiles.writeJpeg(grid, bytes, 0.95f);
    } else {
      ImageIO.write(grid, "png", bytes);
    }
    ImageFiles.write(target, bytes.toByteArray());
  }
}
