package io.github.sparkactivations.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sparkactivations.activation.Activation;
import io.github.sparkactivations.activation.Activations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property-based fuzzing of the three parsers a user feeds: any text as a config file, any text as an
 * activation spec, any {@code --set key=value}. Each gives a parsed result or one clear line: a
 * {@link ConfigException} (exit 2 through the CLI, exactly one {@code error:} line, nothing written) or,
 * for a spec, an {@link IllegalArgumentException}; never another exception type and never a stack trace.
 * The inputs are random text over the characters YAML and the spec grammar give meaning to, and random
 * mutations (characters inserted, deleted or replaced) of valid inputs. No Spark is started: a config
 * that validates is not run.
 */
class UserInputFuzzTest {

  private static final String VALID = String.join("\n",
      "spark: { appName: fuzz, conf: { spark.sql.shuffle.partitions: \"2\" } }",
      "input: { path: in.csv, format: csv, options: { sep: \",\" } }",
      "features: { columns: [a, b], standardize: true, handleInvalid: skip }",
      "stages:",
      "  - { activation: 'leaky_relu(alpha=0.2)', outputCol: act, derivative: false }",
      "  - type: softmax",
      "    temperature: 2.0",
      "    logSoftmax: true",
      "output: { path: out, format: parquet, mode: error, keep: [label] }",
      "report: { path: out.json }",
      "");

  private static final String YAML_CHARS = "abcdefgijklmnoprstuvwxyz_01234567890.-+:,[]{}#&*!|>'\"%@` \n\t=()\\/~";
  private static Path dir;

  @BeforeContainer
  static void createDir() throws IOException {
    dir = Files.createTempDirectory("fuzz");
  }

  @AfterContainer
  static void deleteDir() throws IOException {
    try (var s = Files.walk(dir)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  // ------------------------------------------------------------------ config files

  @Property(tries = 300)
  void anyConfigTextParsesOrFailsWithOneConfigLine(@ForAll("configTexts") String text) {
    configOutcome(text, List.of());
  }

  /** Through the CLI: exit 2, exactly one {@code error:} line on stderr, nothing on stdout, nothing written. */
  @Property(tries = 30)
  void anyConfigTextThroughTheCliIsExit2AndOneLine(@ForAll("configTexts") String text) throws IOException {
    if (configOutcome(text, List.of()) == null) {
      return;   // it validates: running it would start Spark, which this test does not do
    }
    Path file = Files.writeString(dir.resolve("fuzz.yaml"), text);
    expectOneLineExit2(List.of("run", file.toString()));
  }

  // ------------------------------------------------------------------ --set

  @Property(tries = 300)
  void anySetParsesOrFailsWithOneConfigLine(@ForAll("assignments") String set) {
    configOutcome(VALID, List.of(set));
  }

  @Property(tries = 30)
  void anySetThroughTheCliIsExit2AndOneLine(@ForAll("assignments") String set) throws IOException {
    if (configOutcome(VALID, List.of(set)) == null) {
      return;
    }
    Path file = Files.writeString(dir.resolve("valid.yaml"), VALID);
    expectOneLineExit2(List.of("run", file.toString(), "--set", set));
  }

  // ------------------------------------------------------------------ activation specs

  @Property(tries = 800)
  void anySpecParsesAndRoundTripsOrFailsWithIllegalArgument(@ForAll("specs") String spec) {
    Activation a;
    try {
      a = Activations.parse(spec);
    } catch (IllegalArgumentException e) {
      assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "an empty message for '" + spec + "'");
      return;
    } catch (RuntimeException e) {
      throw new AssertionError("'" + spec + "' threw " + e, e);
    }
    assertEquals(a, Activations.parse(a.spec()), "spec() of '" + spec + "' parses back to an equal activation");
  }

  /** A spec inside a config: the error is one line under the stage's activation key. */
  @Property(tries = 150)
  void anySpecInAConfigIsOneLineUnderItsKey(@ForAll("specs") String spec) {
    String yaml = VALID.replace("'leaky_relu(alpha=0.2)'", "\"" + spec.replace("\\", "\\\\").replace("\"", "\\\"")
        .replace("\n", "\\n").replace("\t", "\\t") + "\"");
    ConfigException e = configOutcome(yaml, List.of());
    if (e != null && e.key() != null && e.key().startsWith("stages[0].activation")) {
      assertFalse(e.oneLine().contains("\n"));
    }
  }

  // ------------------------------------------------------------------ generators

  @Provide
  Arbitrary<String> configTexts() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars(YAML_CHARS).ofMaxLength(200),
        Arbitraries.strings().ofMaxLength(60),   // any code point, control characters included
        mutations(VALID, 6));
  }

  @Provide
  Arbitrary<String> assignments() {
    Arbitrary<String> keys = Arbitraries.oneOf(
        Arbitraries.of("output.mode", "stages[0].activation", "stages[1].temperature", "stages.1.type", "stages[7]",
            "stages[99999999999].x", "spark.conf.spark.x", "input.options.sep", "features", "features.columns[0]",
            "output", "spark", "spark.conf", "input.options", "report.path", "model", "x.y.z", "stages", "", ".",
            "a..b", "stages[-1]", "output.keep[3]", "spark.conf.a.b.c"),
        Arbitraries.strings().withChars("abcdefgikmnoprstuvwxyz.[]01239_").ofMaxLength(30));
    Arbitrary<String> values = Arbitraries.oneOf(
        Arbitraries.of("overwrite", "relu", "elu(alpha=.inf)", ".inf", "-.inf", ".nan", "1e400", "[a, b]", "{a: 1}",
            "{mode: x}", "null", "~", "", "true", "[", "{", "'", "\"", "- a", "a: b: c", "!!binary x", "&a *a"),
        Arbitraries.strings().withChars(YAML_CHARS).ofMaxLength(40));
    return Arbitraries.oneOf(
        Combinators.combine(keys, values).as((k, v) -> k + "=" + v),
        Arbitraries.strings().withChars(YAML_CHARS).ofMaxLength(40));
  }

  @Provide
  Arbitrary<String> specs() {
    List<String> valid = new ArrayList<>(Activations.names());
    valid.addAll(List.of("leaky_relu(alpha=0.2)", "hardtanh(min_val=-2, max_val=3)", "gelu(approximate='tanh')",
        "elu(alpha=.inf)", "selu(alpha=1.5, gamma=1.1)", "shrink(lambd=0.5, bias=0.1)", "softplus(beta=2)"));
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("abcdefghilmnoprstuvwxyz_()=,.-+e0123456789 '\"").ofMaxLength(40),
        Arbitraries.strings().ofMaxLength(20),
        Arbitraries.of(valid).flatMap(v -> mutations(v, 3)));
  }

  /** {@code base} with up to {@code max} characters inserted, deleted or replaced at random positions. */
  private static Arbitrary<String> mutations(String base, int max) {
    Arbitrary<Integer> position = Arbitraries.integers().between(0, Math.max(0, base.length() - 1));
    Arbitrary<Character> ch = Arbitraries.chars().with(YAML_CHARS.toCharArray());
    Arbitrary<int[]> edit = Combinators.combine(Arbitraries.integers().between(0, 2), position, ch)
        .as((kind, pos, c) -> new int[] {kind, pos, c});
    return edit.list().ofMinSize(1).ofMaxSize(max).map(edits -> {
      StringBuilder sb = new StringBuilder(base);
      for (int[] e : edits) {
        int at = Math.min(e[1], sb.length());
        switch (e[0]) {
          case 0 -> sb.insert(at, (char) e[2]);
          case 1 -> {
            if (at < sb.length()) {
              sb.deleteCharAt(at);
            }
          }
          default -> {
            if (at < sb.length()) {
              sb.setCharAt(at, (char) e[2]);
            }
          }
        }
      }
      return sb.toString();
    });
  }

  // ------------------------------------------------------------------ checks

  /**
   * Parses and validates; returns null when the config is valid, else the {@link ConfigException},
   * whose one-line form must be one non-blank line. Any other exception fails the property.
   */
  private static ConfigException configOutcome(String yaml, List<String> sets) {
    try {
      ConfigLoader.parse(yaml, "fuzz.yaml", sets).validate();
      return null;
    } catch (ConfigException e) {
      String line = e.oneLine();
      assertFalse(line.isBlank(), "a blank message");
      assertFalse(line.contains("\n") || line.contains("\r"), "more than one line: " + line);
      return e;
    } catch (RuntimeException | Error e) {
      throw new AssertionError("not a ConfigException for sets " + sets + " and config:\n" + yaml, e);
    }
  }

  /**
   * The files in the temp directory and in the working directory, against which VALID's relative
   * {@code in.csv}, {@code out} and {@code out.json} resolve: a write would show up in one of them.
   */
  private static List<String> listing() throws IOException {
    try (var s = Files.list(dir); var w = Files.list(Path.of("").toAbsolutePath())) {
      return java.util.stream.Stream.concat(s, w).map(Path::toString).sorted().toList();
    }
  }

  private static void expectOneLineExit2(List<String> args) throws IOException {
    List<String> before = listing();
    JobCli.Result r = JobCli.run(args.toArray(String[]::new));
    assertEquals(2, r.exit(), r.toString());
    List<String> err = r.err().lines().toList();
    assertEquals(1, err.size(), r.toString());
    assertTrue(err.get(0).startsWith("error: "), r.toString());
    assertEquals("", r.out(), r.toString());
    assertEquals(before, listing(), "nothing written");
  }
}
