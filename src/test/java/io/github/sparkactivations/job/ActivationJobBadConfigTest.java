package io.github.sparkactivations.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a hostile user types, through the CLI, without Spark: broken YAML, configs that are not a
 * mapping, bad {@code --set} keys, and {@code plot --out} paths that cannot be written. Each exits 2
 * with exactly one line on stderr (the exact line is asserted) and writes nothing.
 */
class ActivationJobBadConfigTest {

  @TempDir Path tmp;

  private static final String GOOD = String.join("\n",
      "input: { path: in.csv }",
      "features: { columns: [a, b] }",
      "stages:",
      "  - { activation: relu, outputCol: act }",
      "output: { path: out }",
      "");

  @Test
  void yamlSyntaxErrorsGiveFileLineColumnAndTheProblemOnOneLine() throws IOException {
    // an unclosed [ : SnakeYAML reports it where the file ends, and names where the [ was opened
    Path unclosed = config("unclosed.yaml", "input: { path: in.csv }\nfeatures: { columns: [a, b }\n");
    expectRun(unclosed + ": not valid YAML: line 2, column 28: expected ',' or ']', but got } "
        + "(while parsing a flow sequence started at line 2, column 22)", unclosed);
    Path eof = config("eof.yaml", "input: [unclosed\n");
    expectRun(eof + ": not valid YAML: line 2, column 1: expected ',' or ']', but got <stream end> "
        + "(while parsing a flow sequence started at line 1, column 8)", eof);
    // a tab in the indentation
    Path tab = config("tab.yaml", "input:\n\tpath: in.csv\n");
    expectRun(tab + ": not valid YAML: line 2, column 1: a tab character, which YAML does not allow here; "
        + "indent with spaces", tab);
    // a key given twice: the second one would silently win
    Path dup = config("dup.yaml", GOOD + "output: { path: other }\n");
    expectRun(dup + ": not valid YAML: line 6, column 1: key 'output' appears twice; keep one", dup);
  }

  @Test
  void aConfigThatIsNotOneMappingIsNamedForWhatItIs() throws IOException {
    Path empty = config("empty.yaml", "# nothing yet\n");
    expectRun(empty + ": is empty; a config is a YAML mapping with the sections input, features, stages and "
        + "output (see conf/digits.yaml)", empty);
    Path list = config("list.yaml", "- input: { path: in.csv }\n- output: { path: out }\n");
    expectRun(list + ": is a YAML list, not a mapping; a config is a YAML mapping with the sections input, "
        + "features, stages and output (see conf/digits.yaml)", list);
    Path scalar = config("scalar.yaml", "digits.csv\n");
    expectRun(scalar + ": is a YAML single value, not a mapping; a config is a YAML mapping with the sections "
        + "input, features, stages and output (see conf/digits.yaml)", scalar);
    // a second document would be dropped without a word
    Path twoDocs = config("two.yaml", GOOD + "---\noutput: { path: other }\n");
    expectRun(twoDocs + ": holds more than one YAML document (a second one starts near line 7); put the whole "
        + "config in one document, without ---", twoDocs);
    Path dir = Files.createDirectories(tmp.resolve("conf.d"));
    expectRun("config file " + dir + " is a directory; give a YAML file", dir);
  }

  @Test
  void badStagesAndSetKeysNameTheKey() throws IOException {
    Path c = config("job.yaml", GOOD);
    String s = c.toString();
    expectRun(s + " (--set stages[0].type): stages[0].type: unknown stage type 'sofmax' (allowed: activation, softmax)",
        c, "--set", "stages[0].type=sofmax");
    expectRun(s + " (--set stages[0]): stages[0]: expected a mapping such as { activation: relu } or { type: softmax }",
        c, "--set", "stages[0]=relu");
    expectRun(s + ": output.mode.x: 'output.mode' is a value, not a section; it has no key 'x'",
        c, "--set", "output.mode=error", "--set", "output.mode.x=1");
    expectRun(s + ": stages.x: 'stages' is a list; address an element as stages[0]", c, "--set", "stages.x=1");
    expectRun(s + ": stages[3].activation: index 3 is out of range: 'stages' has 1 element",
        c, "--set", "stages[3].activation=relu");
    // found by UserInputFuzzTest: an index beyond int was a NumberFormatException
    expectRun(s + ": stages[99999999999].activation: index 99999999999 is out of range: 'stages' has 1 element",
        c, "--set", "stages[99999999999].activation=relu");
    expectRun(s + " (--set outptu.path): outptu: unknown key (allowed: spark, input, features, stages, output, "
        + "report, model)", c, "--set", "outptu.path=x");
    expectRun(s + ": --set 'output.mode' is not key=value (e.g. --set output.mode=overwrite)",
        c, "--set", "output.mode");
  }

  /**
   * YAML's {@code .inf}, {@code -.inf} and {@code .nan} are floats: the error is the parameter's range,
   * not "not valid YAML" (Jackson's YAML parser could not read them), in the file, through
   * {@code --set} and inside an activation spec.
   */
  @Test
  void yamlNonFiniteFloatsAreRefusedByTheParametersRange() throws IOException {
    Path prior = priorOutput();
    TreeSnapshot before = TreeSnapshot.of(prior.getParent());
    String softmax = GOOD.replace("{ activation: relu, outputCol: act }", "{ type: softmax, temperature: %s }")
        .replace("path: out }", "path: " + prior + " }");
    for (String[] c : new String[][] {{".inf", "Infinity"}, {"-.Inf", "-Infinity"}, {".nan", "NaN"}, {".NaN", "NaN"}}) {
      Path f = config("t.yaml", softmax.formatted(c[0]));
      expectRun(f + ": stages[0].temperature: must be > 0 and finite (default 1.0) but was " + c[1], f);
    }
    Path f = config("t.yaml", softmax.formatted("2.0"));
    expectRun(f + ": stages[0].temperature: must be > 0 and finite (default 1.0) but was Infinity", f,
        "--set", "stages[0].temperature=.inf");
    Path elu = config("elu.yaml", GOOD.replace("activation: relu", "activation: 'elu(alpha=.inf)'")
        .replace("path: out }", "path: " + prior + " }"));
    expectRun(elu + ": stages[0].activation: elu: alpha must be finite but was Infinity", elu);
    assertEquals(before, TreeSnapshot.of(prior.getParent()), "the prior output is untouched");
  }

  /** Paths that clash as written are shown in the message, with the key they clash with. */
  @Test
  void pathClashesShowThePaths() throws IOException {
    Path prior = priorOutput();
    TreeSnapshot before = TreeSnapshot.of(prior.getParent());
    Path c = config("job.yaml", GOOD.replace("path: out }", "path: " + prior + " }"));
    expectRun(c + ": output.path: in.csv is the input path (input.path in.csv); write the "
        + "output somewhere else", c, "--set", "output.path=in.csv");
    expectRun(c + ": report.path: " + prior + "/ is the output path (output.path " + prior + "); give the report "
        + "its own file", c, "--set", "report.path=" + prior + "/");
    expectRun(c + ": model.path: " + prior + " is the output path (output.path " + prior + "); give the model its "
        + "own directory", c, "--set", "model.path=" + prior);
    expectRun(c + ": model.path: r.json is the report path (report.path r.json); give the model its own directory",
        c, "--set", "report.path=r.json", "--set", "model.path=r.json");
    assertEquals(before, TreeSnapshot.of(prior.getParent()), "the prior output is untouched");
  }

  /** A previous run's output (a directory of two files) and report, under {@code tmp/prior}. */
  private Path priorOutput() throws IOException {
    Path out = Files.createDirectories(tmp.resolve("prior/acts"));
    Files.writeString(out.resolve("part-0.json"), "{\"act\":[1.0]}\n");
    Files.writeString(out.resolve("_SUCCESS"), "");
    Files.writeString(tmp.resolve("prior/acts.report.json"), "{\"rows\":1}");
    return out;
  }

  @Test
  void masterUrlsAreCheckedAsSparkParsesThem() {
    for (String ok : List.of("local", "local[*]", "local[4]", "local[2, 3]", "local[*,2]", "local-cluster[2, 1, 1024]",
        "spark://host:7077")) {
      assertTrue(SparkSessions.SessionHandle.isMasterUrl(ok), ok);
    }
    for (String bad : List.of("bogus", "local[x]", "local[]", "loca", "spark://", "local [2]")) {
      assertFalse(SparkSessions.SessionHandle.isMasterUrl(bad), bad);
    }
  }

  @Test
  void aBadMasterThroughTheCliIsOneLineBeforeSparkStarts() throws IOException {
    // through the CLI only when no session is running in this JVM (a running one is reused, master and all)
    assumeTrue(SparkSession.getActiveSession().isEmpty() && SparkSession.getDefaultSession().isEmpty(),
        "a SparkSession of another test is running in this JVM");
    Path c = config("job.yaml", GOOD);
    expectRun(c + ": spark.master: 'bogus' is not a Spark master URL this classpath can run (e.g. local[*], "
        + "local[4], spark://host:7077, yarn or k8s://https://host:6443 under spark-submit)",
        c, "--set", "spark.master=bogus");
  }

  @Test
  void plotToAPathThatCannotBeWrittenIsAUsageError() throws IOException {
    Path file = Files.writeString(tmp.resolve("a-file"), "x");
    expectPlot("plot --out: cannot write " + file.resolve("charts/s.png") + ": " + file
        + " is a file, not a directory; choose a writable --out", file.resolve("charts/s.png"));
    Path dir = Files.createDirectories(tmp.resolve("charts.png"));
    expectPlot(dir + " is a directory; give an image file name such as " + dir.resolve("chart.png"), dir);
    JobCli.Result big = JobCli.run("plot", "relu", "--out", tmp.resolve("big.png").toString(), "--width", "100000");
    assertEquals(2, big.exit(), big.toString());
    assertEquals(List.of("error: the chart must be from 200 x 150 to 8192 x 8192 pixels but was 100000 x 600"),
        big.err().lines().toList());
    assertEquals(List.of("a-file", "charts.png"), listing(), "nothing written, no hidden temporary file");

    assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux /proc, where even root cannot create files");
    expectPlot("plot --out: cannot write /proc/spark-activations-test/s.png: /proc/spark-activations-test "
        + "cannot be created there (no such file or directory); choose a writable --out",
        Path.of("/proc/spark-activations-test/s.png"));
  }

  @Test
  void plotReplacesAnExistingImageWholeAndLeavesNoTemporaryFile() throws IOException {
    Path png = tmp.resolve("s.png");
    Files.writeString(png, "old");
    JobCli.Result r = JobCli.run("plot", "relu", "--out", png.toString());
    assertEquals(0, r.exit(), r.toString());
    byte[] magic = {(byte) 0x89, 'P', 'N', 'G'};
    byte[] head = new byte[4];
    System.arraycopy(Files.readAllBytes(png), 0, head, 0, 4);
    assertArrayEquals(magic, head, "a complete PNG replaced the old file");
    assertEquals(List.of("s.png"), listing());
    JobCli.Result gif = JobCli.run("plot", "relu", "--out", tmp.resolve("new/s.gif").toString());
    assertEquals(2, gif.exit(), gif.toString());
    assertFalse(Files.exists(tmp.resolve("new")), "an unknown format is refused before any directory is created");
  }

  private Path config(String name, String text) throws IOException {
    return Files.writeString(tmp.resolve(name), text);
  }

  private List<String> listing() throws IOException {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** {@code run <config> [args]} exits 2 with exactly the line {@code error: <expected>} on stderr. */
  private static void expectRun(String expected, Path config, String... more) {
    String[] args = Stream.concat(Stream.of("run", config.toString()), Stream.of(more)).toArray(String[]::new);
    JobCli.Result r = JobCli.run(args);
    assertEquals(2, r.exit(), r.toString());
    assertEquals(List.of("error: " + expected), r.err().lines().toList(), r.toString());
    assertEquals("", r.out(), r.toString());
  }

  private static void expectPlot(String expected, Path out) {
    JobCli.Result r = JobCli.run("plot", "relu", "--out", out.toString());
    assertEquals(2, r.exit(), r.toString());
    assertEquals(List.of("error: " + expected), r.err().lines().toList(), r.toString());
  }
}
