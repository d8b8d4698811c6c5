package io.github.sparkactivations.activation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sparkactivations.activation.GoldenCases.Config;
import io.github.sparkactivations.activation.reference.RefActivations;
import io.github.sparkactivations.testing.NumericAssert;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A deterministic accuracy sweep of every elementwise activation (default parameters, plus the tanh form
 * of gelu) against the BigDecimal reference: 240 points log-spaced over each of [1e-300, 1e3] and
 * [-1e3, -1e-300], and 401 points uniform on [-40, 40] (step 0.2, which puts kinks such as 0, +-1, +-3,
 * 6 on the grid). Measures the worst relative error of f and f' (an error within the underflow atol
 * 1e-300 counts as 0) of both the scalar {@code value} and the bulk {@code apply} (which runs
 * on the SIMD kernels in the test run whose JVM has {@code jdk.incubator.vector}), writes the table to
 * {@code target/accuracy-report.md}, prints it, and
 * fails if any error exceeds 1e-12. Nothing is cached: every reference value is recomputed per run.
 */
class AccuracySweepTest {

  static final double ATOL = 1e-300;
  static final double LIMIT = 1e-12;

  static double[] sweepPoints() {
    List<Double> xs = new ArrayList<>();
    int n = 240;
    for (int i = 0; i < n; i++) {
      double e = -300 + 303.0 * i / (n - 1); // exponents -300 .. 3
      double x = Math.pow(10, e);
      xs.add(x);
      xs.add(-x);
    }
    for (int i = 0; i <= 400; i++) {
      xs.add(-40 + 0.2 * i);
    }
    return xs.stream().mapToDouble(Double::doubleValue).toArray();
  }

  record Worst(double fErr, double fAt, double dErr, double dAt) {}

  static Worst sweep(Config c, double[] xs) {
    ElementwiseActivation a = Activations.parseElementwise(c.spec());
    RefActivations.Fn ref = c.ref();
    double fErr = 0;
    double fAt = Double.NaN;
    double dErr = 0;
    double dAt = Double.NaN;
    double[] bulk = new double[xs.length]; // the bulk path: SIMD kernels when the JVM has them
    a.apply(xs, bulk);
    for (int i = 0; i < xs.length; i++) {
      double x = xs[i];
      double want = RefActivations.value(ref, x);
      double ef = Math.max(NumericAssert.relError(want, a.value(x), ATOL),
          NumericAssert.relError(want, bulk[i], ATOL));
      double ed = NumericAssert.relError(RefActivations.derivative(ref, x), a.derivative(x), ATOL);
      if (ef > fErr) {
        fErr = ef;
        fAt = x;
      }
      if (ed > dErr) {
        dErr = ed;
        dAt = x;
      }
    }
    return new Worst(fErr, fAt, dErr, dAt);
  }

  private static String at(double x) {
    return Double.isNaN(x) ? "(exact everywhere)" : Double.toString(x);
  }

  @Test
  void everyElementwiseActivationIsWithin1e12OfTheCorrectlyRoundedValue() throws IOException {
    double[] xs = sweepPoints();
    List<Config> configs = new ArrayList<>();
    for (String name : Activations.elementwiseNames()) {
      configs.add(new Config(name, RefActivations.withDefaults(name, Map.of())));
      if (name.equals("gelu")) {
        configs.add(new Config(name, RefActivations.withDefaults(name, Map.of("approximate", "tanh"))));
      }
    }
    StringBuilder table = new StringBuilder();
    table.append("# Accuracy of the activation core against a BigDecimal reference\n\n")
        .append("Sweep: ").append(xs.length).append(" points per activation (240 log-spaced over each of ")
        .append("+-[1e-300, 1e3], 401 uniform on [-40, 40]); default parameters; relative error against the ")
        .append("correctly rounded double, an absolute error <= 1e-300 counting as 0 (spec section 9).\n\n")
        .append("| activation | worst rel error of f | at x | worst rel error of f' | at x |\n")
        .append("|---|---|---|---|---|\n");
    List<String> failures = new ArrayList<>();
    for (Config c : configs) {
      Worst w = sweep(c, xs);
      table.append(String.format(Locale.ROOT, "| %s | %.3g | %s | %.3g | %s |%n", c.spec(), w.fErr(), at(w.fAt()),
          w.dErr(), at(w.dAt())));
      if (!(w.fErr() <= LIMIT)) {
        failures.add(c.spec() + ": f rel error " + w.fErr() + " at x=" + w.fAt());
      }
      if (!(w.dErr() <= LIMIT)) {
        failures.add(c.spec() + ": f' rel error " + w.dErr() + " at x=" + w.dAt());
      }
    }
    Path out = Path.of("target", "accuracy-report.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, table.toString(), StandardCharsets.UTF_8);
    System.out.println(table);
    assertTrue(failures.isEmpty(), "accuracy above 1e-12:\n" + String.join("\n", failures));
  }
}
