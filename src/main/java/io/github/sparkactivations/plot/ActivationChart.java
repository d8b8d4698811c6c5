package io.github.sparkactivations.plot;

import io.github.sparkactivations.activation.Activations;
import io.github.sparkactivations.activation.ElementwiseActivation;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Charts of activations f and their derivatives f' over a range: the curves one compares before
 * choosing an activation (by default over [-5, 5]). Each function gets one colour; f is drawn as a
 * solid line, f' as dots in the same colour.
 *
 * <pre>{@code
 * XYChart chart = ActivationChart.builder()
 *     .add("sigmoid").add("bipolar_sigmoid")
 *     .range(-5, 5)
 *     .build();
 * ActivationChart.save(chart, Path.of("sigmoids.png"));
 * }</pre>
 */
public final class ActivationChart {

  /** Default lower end of the x range. */
  public static final double DEFAULT_FROM = -5.0;
  /** Default upper end of the x range. */
  public static final double DEFAULT_TO = 5.0;
  /** Samples per curve; odd, so that x = 0 is sampled on symmetric ranges. */
  public static final int DEFAULT_POINTS = 1001;
  /** Largest width or height in pixels: a bitmap of 8192 x 8192 already takes 256 MB. */
  static final int MAX_SIDE = 8192;
  /** Samples of f', drawn as dots. */
  static final int DERIVATIVE_DOTS = 100;

  /** Tableau 10, a palette that stays readable on projectors and for colour-blind readers. */
  private static final Color[] PALETTE = {
    new Color(0x4E79A7), new Color(0xE15759), new Color(0x59A14F), new Color(0xF28E2B),
    new Color(0xB07AA1), new Color(0x76B7B2), new Color(0xEDC948), new Color(0xFF9DA7),
    new Color(0x9C755F), new Color(0xBAB0AC)
  };

  private ActivationChart() {}

  /** A new chart builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link XYChart} of f and f' for each added activation. */
  public static final class Builder {
    private final List<ElementwiseActivation> functions = new ArrayList<>();
    private double from = DEFAULT_FROM;
    private double to = DEFAULT_TO;
    private int points = DEFAULT_POINTS;
    private boolean derivatives = true;
    private String title;
    private int width = 1000;
    private int height = 600;

    private Builder() {}

    /**
     * Adds an activation by spec, e.g. {@code elu(alpha=0.5)}.
     *
     * @throws IllegalArgumentException for a bad spec, or a row-wise function such as softmax, which
     *     has no curve over a scalar x
     */
    public Builder add(String spec) {
      return add(Activations.requireElementwise(
          Activations.parse(spec), "a chart draws an elementwise activation as a curve over one x", ""));
    }

    /** Adds an activation. */
    public Builder add(ElementwiseActivation f) {
      if (functions.size() >= PALETTE.length) {
        throw new IllegalArgumentException("at most " + PALETTE.length + " activations fit in one chart");
      }
      functions.add(f);
      return this;
    }

    /**
     * The x range.
     *
     * @throws IllegalArgumentException unless both are finite and {@code from < to}
     */
    public Builder range(double from, double to) {
      if (!Double.isFinite(from) || !Double.isFinite(to) || !(from < to)) {
        throw new IllegalArgumentException("the range must be finite with from < to, but was [" + from + ", " + to + "]");
      }
      this.from = from;
      this.to = to;
      return this;
    }

    /** Samples per curve (at least 2; default 1001). */
    public Builder points(int n) {
      if (n < 2) {
        throw new IllegalArgumentException("points must be >= 2 but was " + n);
      }
      this.points = n;
      return this;
    }

    /** Whether to draw f' (default true). */
    public Builder derivatives(boolean on) {
      this.derivatives = on;
      return this;
    }

    /** The chart title (default: the functions' names). */
    public Builder title(String t) {
      this.title = t;
      return this;
    }

    /** Size in pixels (default 1000 x 600; from 200 x 150 to 8192 x 8192). */
    public Builder size(int w, int h) {
      if (w < 200 || h < 150 || w > MAX_SIDE || h > MAX_SIDE) {
        throw new IllegalArgumentException("the chart must be from 200 x 150 to " + MAX_SIDE + " x " + MAX_SIDE
            + " pixels but was " + w + " x " + h);
      }
      this.width = w;
      this.height = h;
      return this;
    }

    /** The chart. */
    public XYChart build() {
      if (functions.isEmpty()) {
        throw new IllegalArgumentException("add at least one activation");
      }
      XYChart chart = new XYChartBuilder()
          .width(width)
          .height(height)
          .title(title != null ? title : defaultTitle())
          .xAxisTitle("x")
          .yAxisTitle(derivatives ? "f(x) (line)   and   f'(x) (dots)" : "f(x)")
          .build();
      style(chart);
      // f' is drawn as dots: XChart strokes each segment separately, so a dashed stroke over 1000
      // short segments would come out solid; dots also show a jump in f' (relu at 0) honestly.
      // The dots sit at the centres of DERIVATIVE_DOTS equal cells (x = -4.95, -4.85, ... on [-5, 5]).
      int dotCount = DERIVATIVE_DOTS;
      double[] dx = new double[dotCount];
      for (int i = 0; i < dotCount; i++) {
        dx[i] = from + (to - from) * (i + 0.5) / dotCount;
      }
      // f is sampled on the even grid plus the dot positions. Besides putting the curve exactly through
      // the dots' x, this keeps XChart from labelling the axis with raw sample positions (-4.7, -4.3,
      // ...), which it does when all x values of a series are equally spaced.
      double[] xs = DoubleStream.concat(
              IntStream.range(0, points).mapToDouble(i -> i == points - 1 ? to : from + (to - from) * i / (points - 1)),
              Arrays.stream(dx))
          .sorted()
          .distinct()
          .toArray();
      for (int k = 0; k < functions.size(); k++) {
        ElementwiseActivation f = functions.get(k);
        Color color = PALETTE[k];
        double[] ys = new double[xs.length];
        f.apply(xs, ys);
        XYSeries s = chart.addSeries(label(f), xs, finite(ys));
        s.setLineColor(color);
        s.setLineWidth(3f);
        s.setMarker(SeriesMarkers.NONE);
        if (derivatives) {
          double[] ds = new double[dotCount];
          f.derivative(dx, ds);
          XYSeries d = chart.addSeries(label(f) + "'", dx, finite(ds));
          d.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
          d.setMarker(SeriesMarkers.CIRCLE);
          d.setMarkerColor(color);
          d.setShowInLegend(false);
        }
      }
      chart.getStyler().setXAxisMin(from);
      chart.getStyler().setXAxisMax(to);
      return chart;
    }

    private String defaultTitle() {
      List<String> names = new ArrayList<>();
      for (ElementwiseActivation f : functions) {
        names.add(label(f));
      }
      String fs = String.join(", ", names);
      String t = fs + (derivatives ? (names.size() == 1 ? " and its derivative" : " and their derivatives") : "");
      if (t.length() > 70) {
        return derivatives ? "Activation functions and their derivatives" : "Activation functions";
      }
      return t;
    }
  }

  /** The name alone when every parameter has its default ({@code sigmoid}), else the spec ({@code elu(alpha=0.5)}). */
  static String label(ElementwiseActivation f) {
    return Activations.parse(f.name()).spec().equals(f.spec()) ? f.name() : f.spec();
  }

  /** Infinite values (none for the built-in activations on finite x) would break the axis; drop them. */
  private static double[] finite(double[] ys) {
    double[] out = ys.clone();
    for (int i = 0; i < out.length; i++) {
      if (Double.isInfinite(out[i])) {
        out[i] = Double.NaN;
      }
    }
    return out;
  }

  private static void style(XYChart chart) {
    Styler s = chart.getStyler();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotBorderVisible(false);
    chart.getStyler().setPlotGridLinesColor(new Color(0xE3E3E3));
    chart.getStyler().setAxisTickMarksColor(new Color(0x888888));
    chart.getStyler().setChartTitleBoxVisible(false);
    chart.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
    chart.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
    chart.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
    chart.getStyler().setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    chart.getStyler().setLegendBorderColor(new Color(0xCCCCCC));
    chart.getStyler().setAntiAlias(true);
    chart.getStyler().setCursorEnabled(false);
    chart.getStyler().setXAxisTickMarkSpacingHint(90);
    chart.getStyler().setYAxisTickMarkSpacingHint(60);
    chart.getStyler().setMarkerSize(5);
    s.setChartPadding(16);
  }

  /**
   * Saves the chart; the format follows the file extension: {@code .png}, {@code .svg}, {@code .pdf}
   * or {@code .jpg} ({@code .jpeg}). Missing parent directories are created. The image is encoded in
   * memory, written to a hidden sibling and renamed over {@code file}, so a failure never leaves a
   * half-written image nor touches an existing one.
   *
   * @throws IllegalArgumentException for another extension, or when {@code file} is a directory
   * @throws IOException when the file or its directory cannot be written (nothing is left behind)
   */
  public static void save(XYChart chart, Path file) throws IOException {
    Path target = file.toAbsolutePath().normalize();
    String name = target.getFileName() == null ? "" : target.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    if (!(lower.endsWith(".png") || lower.endsWith(".jpg") || lower.endsWith(".jpeg") || lower.endsWith(".svg")
        || lower.endsWith(".pdf"))) {
      throw new IllegalArgumentException(
          "cannot tell the image format of " + file + "; end the file name with .png, .svg, .pdf or .jpg");
    }
    if (Files.isDirectory(target)) {
      throw new IllegalArgumentException(file + " is a directory; give an image file name such as "
          + target.resolve("chart" + lower.substring(lower.lastIndexOf('.'))));
    }
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
    if (lower.endsWith(".png")) {
      BitmapEncoder.saveBitmap(chart, bytes, BitmapEncoder.BitmapFormat.PNG);
    } else if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
      ImageFiles.writeJpeg(BitmapEncoder.getBufferedImage(chart), bytes, 0.95f);
    } else if (lower.endsWith(".svg")) {
      VectorGraphicsEncoder.saveVectorGraphic(chart, bytes, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    } else {
      VectorGraphicsEncoder.saveVectorGraphic(chart, bytes, VectorGraphicsEncoder.VectorGraphicsFormat.PDF);
    }
    ImageFiles.write(target, bytes.toByteArray());
  }
}
