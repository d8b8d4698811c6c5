package io.github.sparkactivations.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Test helper: the job's HTML report parsed with jsoup, and its numbers read back. */
record HtmlReportPage(Document doc, String html) {

  static HtmlReportPage read(Path file) throws IOException {
    String html = Files.readString(file);
    return new HtmlReportPage(Jsoup.parse(html), html);
  }

  /** One histogram as the page states it in its figure's data attributes. */
  record Hist(double lo, double hi, long[] counts, long below, long above, long nan) {
    long total() {
      return Arrays.stream(counts).sum() + below + above + nan;
    }
  }

  /** A statistic of a stage's table (its data-value; null when empty). */
  Double stat(int stage, String key) {
    Element td = doc.selectFirst("table.stats[data-stage=" + stage + "] tr[data-key=" + key + "] td");
    assertNotNull(td, "stage " + stage + " has a row " + key);
    String v = td.attr("data-value");
    return v.isEmpty() ? null : Double.valueOf(v);
  }

  /** A statistic of a gradient chain's table. */
  long chainStat(int chain, String key) {
    Element td = doc.selectFirst("table.chain[data-chain=" + chain + "] tr[data-key=" + key + "] td");
    assertNotNull(td, "chain " + chain + " has a row " + key);
    return (long) Double.parseDouble(td.attr("data-value"));
  }

  /** The effective config as the page shows it (the text of its config block). */
  String configYaml() {
    Element pre = doc.selectFirst("pre.config");
    assertNotNull(pre, "the page shows the config");
    return pre.wholeText();
  }

  List<String> chainStages() {
    return doc.select("table.chain").eachAttr("data-stages");
  }

  Hist hist(String id) {
    Element f = doc.getElementById(id);
    assertNotNull(f, "figure " + id);
    long[] counts = Arrays.stream(f.attr("data-counts").split(",")).mapToLong(Long::parseLong).toArray();
    return new Hist(Double.parseDouble(f.attr("data-lo")), Double.parseDouble(f.attr("data-hi")), counts,
        Long.parseLong(f.attr("data-below")), Long.parseLong(f.attr("data-above")), Long.parseLong(f.attr("data-nan")));
  }

  /** Every statistic of every stage equals the JSON report's. */
  void assertMatches(JobReport json) {
    assertEquals(json.stages().size(), doc.select("table.stats").size(), "one table per stage");
    for (JobReport.StageStats s : json.stages()) {
      int i = s.stage();
      assertEquals((double) s.values(), stat(i, "values"), "values of stage " + i);
      assertEquals((double) s.nullRows(), stat(i, "nullRows"));
      assertEquals((double) s.nan(), stat(i, "nan"));
      assertEquals(s.min(), stat(i, "min"));
      assertEquals(s.mean(), stat(i, "mean"));
      assertEquals(s.max(), stat(i, "max"));
      assertEquals(s.zeroFraction(), stat(i, "zeroFraction"));
      assertEquals(s.saturatedFraction(), stat(i, "saturatedFraction"));
      // every value of the stage is in its output histogram, in range or counted outside
      assertEquals(s.values(), hist("stage-" + i + "-outputs").total(), "output histogram of stage " + i);
    }
    assertTrue(html.contains(json.executionPath()), "execution path shown");
  }

  /** The page needs nothing but itself: no script, no stylesheet link, no external URL; images inline PNG. */
  void assertSelfContained() {
    assertTrue(doc.select("script, link, iframe, object, embed").isEmpty(), "no script or linked resource");
    assertFalse(html.contains("http://") || html.contains("https://") || html.contains("url("), "no external URL");
    List<String> srcs = doc.select("img").eachAttr("src");
    assertFalse(srcs.isEmpty());
    for (String src : srcs) {
      assertTrue(src.startsWith("data:image/png;base64,"), src.substring(0, Math.min(40, src.length())));
      byte[] png = Base64.getDecoder().decode(src.substring("data:image/png;base64,".length()));
      assertEquals((byte) 0x89, png[0]);
      assertEquals("PNG", new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII));
    }
  }

  /** The bin of x as the page defines it: floor((x - lo) / (hi - lo) * bins), the last bin closed. */
  static int bin(Hist h, double x) {
    int i = (int) ((x - h.lo()) / (h.hi() - h.lo()) * h.counts().length);
    return Math.min(Math.max(i, 0), h.counts().length - 1);
  }
}
