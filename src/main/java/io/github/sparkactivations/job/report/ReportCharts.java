package io.github.sparkactivations.job.report;

import io.github.sparkactivations.activation.ElementwiseActivation;
import io.github.sparkactivations.job.JobReport;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's charts, drawn with XChart: a stage's input histogram under f and f' with the saturated
 * and dead zones shaded, and plain histograms (outputs, per-row probability and entropy, gradient
 * gain). Each chart comes back as a PNG {@code data:} URI, so the HTML needs no other file.
 */
public final class ReportCharts {

  static final int WIDTH = 760;
  static final int HEIGHT = 360;
  private static final Color BARS = new Color(0x4E79A7);
  private static final Color F = new Color(0xE15759);
  private static final Color DF = new Color(0x59A14F);
  private static final Color SATURATED = new Color(242, 142, 43, 60);
  private static final Color DEAD = new Color(120, 120, 120, 70);
  private static final Color ZONE = new Color(225, 87, 89, 45);

  private ReportCharts() {}

  /** The stage's input histogram (right axis) under f and f' (left axis), zones shaded behind. */
  public static XYChart inputs(StageAccumulator s) {
    StageProbe p = s.probe();
    Histogram h = s.inputs();
    ElementwiseActivation f = p.elementwise();
    XYChart c = chart("Inputs of stage " + p.index() + " (" + p.inputCol() + ")", "x (the stage's input)",
        f == null ? "values per bin" : "f(x), f'(x)");
    double top = Math.max(1, h.maxCount()) * 1.08;
    int group = f == null ? 0 : 1;
    anchor(c, h.lo(), h.hi());
    if (f != null) {
      double l = p.halfWidth();
      zones(c, "saturated: |f'(x)| < 1e-3", f, l, top, SATURATED, false, p.derivative());
      zones(c, p.derivative() ? "dead: f'(x) = 0" : "dead: f(x) = 0", f, l, top, DEAD, true, p.derivative());
    }
    bars(c, "inputs", h, group);
    c.getStyler().setYAxisMin(group, 0.0);
    c.getStyler().setYAxisMax(group, top);
    if (f != null) {
      c.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
      c.setYAxisGroupTitle(1, "values per bin");
      curve(c, "f(x)", f, h, false, F);
      curve(c, "f'(x)", f, h, true, DF);
    }
    c.getStyler().setXAxisMin(h.lo());
    c.getStyler().setXAxisMax(h.hi());
    return c;
  }

  /** A histogram alone; {@code shadeBelow}/{@code shadeAbove} shade x below/above those values (NaN: none). */
  public static XYChart histogram(String title, String xTitle, Histogram h, double shadeBelow, double shadeAbove) {
    XYChart c = chart(title, xTitle, "rows or values per bin");
    double top = Math.max(1, h.maxCount()) * 1.08;
    anchor(c, h.lo(), h.hi());
    if (!Double.isNaN(shadeBelow)) {
      rect(c, "vanishing (below " + fmt(shadeBelow) + ") and exploding (above " + fmt(shadeAbove) + ")", h.lo(), shadeBelow, top, ZONE, 0);
    }
    if (!Double.isNaN(shadeAbove)) {
      rect(c, "above " + fmt(shadeAbove), shadeAbove, h.hi(), top, ZONE, 0).setShowInLegend(false);
    }
    bars(c, "count", h, 0).setShowInLegend(false);
    c.getStyler().setYAxisMin(0.0);
    c.getStyler().setYAxisMax(top);
    c.getStyler().setXAxisMin(h.lo());
    c.getStyler().setXAxisMax(h.hi());
    c.getStyler().setLegendVisible(!Double.isNaN(shadeBelow));
    return c;
  }

  /** The chart as a PNG {@code data:} URI. */
  public static String dataUri(XYChart c) {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true"); // a cluster's driver has no display
    }
    try {
      return "data:image/png;base64," + Base64.getEncoder().encodeToString(
          BitmapEncoder.getBitmapBytes(c, BitmapEncoder.BitmapFormat.PNG));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode a report chart: " + e.getMessage(), e);
    }
  }

  private static XYChart chart(String title, String x, String y) {
    XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(x).yAxisTitle(y).build();
    XYStyler s = c.getStyler();
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotBorderVisible(false);
    s.setPlotGridLinesColor(new Color(0xE3E3E3));
    s.setChartTitleBoxVisible(false);
    s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    s.setLegendPosition(Styler.LegendPosition.InsideNW);
    s.setLegendBorderColor(new Color(0xCCCCCC));
    s.setAntiAlias(true);
    s.setChartPadding(8);
    s.setXAxisDecimalPattern("#,##0.###");
    s.setYAxisDecimalPattern("#,##0.##");
    c.getStyler().setMarkerSize(0);
    return c;
  }

  /**
   * XChart labels an axis with the data's own positions when the first series' values are equally
   * spaced (bin edges are): a first, invisible series at uneven x inside {@code [lo, hi]} makes it
   * choose round ticks.
   */
  private static void anchor(XYChart c, double lo, double hi) {
    XYSeries a = c.addSeries(" ", new double[] {lo, lo + 0.37 * (hi - lo), hi}, new double[] {0, 0, 0});
    a.setLineColor(new Color(0, 0, 0, 0));
    a.setMarker(SeriesMarkers.NONE);
    a.setShowInLegend(false);
  }

  /** The histogram as one closed step polygon from (lo, 0) to (hi, 0). */
  private static XYSeries bars(XYChart c, String name, Histogram h, int group) {
    int n = h.bins();
    double[] xs = new double[2 * n + 2];
    double[] ys = new double[2 * n + 2];
    xs[0] = h.lo();
    for (int i = 0; i < n; i++) {
      xs[2 * i + 1] = h.edge(i);
      ys[2 * i + 1] = h.count(i);
      xs[2 * i + 2] = h.edge(i + 1);
      ys[2 * i + 2] = h.count(i);
    }
    xs[2 * n + 1] = h.hi();
    XYSeries s = c.addSeries(name, xs, ys);
    s.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
    s.setFillColor(new Color(BARS.getRed(), BARS.getGreen(), BARS.getBlue(), 150));
    s.setLineColor(BARS);
    s.setLineWidth(0.8f);
    s.setMarker(SeriesMarkers.NONE);
    s.setYAxisGroup(group);
    return s;
  }

  private static void curve(XYChart c, String name, ElementwiseActivation f, Histogram h, boolean derivative, Color col) {
    int n = 801;
    double[] xs = new double[n];
    double[] ys = new double[n];
    for (int i = 0; i < n; i++) {
      xs[i] = h.lo() + (h.hi() - h.lo()) * i / (n - 1);
      double y = derivative ? f.derivative(xs[i]) : f.value(xs[i]);
      ys[i] = Double.isFinite(y) ? y : Double.NaN;
    }
    XYSeries s = c.addSeries(name, xs, ys);
    s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
    s.setLineColor(col);
    s.setLineWidth(derivative ? 2f : 2.5f);
    s.setMarker(SeriesMarkers.NONE);
    s.setYAxisGroup(0);
  }

  /**
   * Shades every run of x in [-l, l] where the zone holds: |f'(x)| < 1e-3 (saturated), or the stage's
   * output (f, or f' for a derivative stage) exactly 0 (dead).
   */
  private static void zones(XYChart c, String name, ElementwiseActivation f, double l, double top, Color color,
      boolean dead, boolean derivative) {
    int n = 2001;
    double step = 2 * l / (n - 1);
    List<double[]> runs = new ArrayList<>();
    double start = Double.NaN;
    for (int i = 0; i <= n; i++) {
      double x = -l + step * i;
      boolean in = i < n && (dead
          ? (derivative ? f.derivative(x) : f.value(x)) == 0.0
          : Math.abs(f.derivative(x)) < JobReport.SATURATION_BOUND);
      if (in && Double.isNaN(start)) {
        start = Math.max(-l, x - step / 2);
      } else if (!in && !Double.isNaN(start)) {
        runs.add(new double[] {start, Math.min(l, x - step / 2)});
        start = Double.NaN;
      }
    }
    for (int k = 0; k < runs.size(); k++) {
      rect(c, k == 0 ? name : name + " " + k, runs.get(k)[0], runs.get(k)[1], top, color, 1).setShowInLegend(k == 0);
    }
  }

  private static XYSeries rect(XYChart c, String name, double a, double b, double top, Color color, int group) {
    XYSeries s = c.addSeries(name, new double[] {a, a, b, b}, new double[] {0, top, top, 0});
    s.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
    s.setFillColor(color);
    s.setLineColor(new Color(0, 0, 0, 0));
    s.setLineWidth(0f);
    s.setMarker(SeriesMarkers.NONE);
    s.setYAxisGroup(group);
    return s;
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
