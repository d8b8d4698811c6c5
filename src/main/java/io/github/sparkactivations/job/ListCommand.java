package io.github.sparkactivations.job;

import io.github.sparkactivations.activation.Activation;
import io.github.sparkactivations.activation.Activations;
import io.github.sparkactivations.activation.ElementwiseActivation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code list}: every activation with its parameters and defaults, sparsity and aliases. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "Lists every activation: its parameters with their defaults, whether it keeps sparse vectors "
        + "sparse (f(0) = 0), and its aliases. Row-wise functions apply to each whole row.")
final class ListCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.print(listing());
    out.flush();
    return ActivationJob.OK;
  }

  static String listing() {
    Map<String, List<String>> aliases = new TreeMap<>();
    for (Map.Entry<String, String> e : Activations.aliases().entrySet()) {
      aliases.computeIfAbsent(e.getValue(), k -> new ArrayList<>()).add(e.getKey());
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"name", "parameters (defaults)", "keeps sparsity", "aliases"});
    for (String name : Activations.names()) {
      Activation a = Activations.parse(name);
      String params;
      if (a.params().isEmpty()) {
        params = "-";
      } else {
        List<String> ps = new ArrayList<>();
        for (Map.Entry<String, Object> p : a.params().entrySet()) {
          ps.add(p.getKey() + "=" + p.getValue());
        }
        params = String.join(", ", ps);
      }
      String sparse = a instanceof ElementwiseActivation e ? (e.preservesZero() ? "yes" : "no") : "row-wise";
      List<String> al = aliases.getOrDefault(name, List.of());
      rows.add(new String[] {name, params, sparse, al.isEmpty() ? "" : String.join(", ", al)});
    }
    int[] w = new int[4];
    for (String[] r : rows) {
      for (int i = 0; i < 4; i++) {
        w[i] = Math.max(w[i], r[i].length());
      }
    }
    StringWriter sw = new StringWriter();
    PrintWriter pw = new PrintWriter(sw);
    String fmt = "%-" + w[0] + "s  %-" + w[1] + "s  %-" + w[2] + "s  %s%n";
    for (int i = 0; i < rows.size(); i++) {
      String[] r = rows.get(i);
      pw.printf(Locale.ROOT, fmt, r[0], r[1], r[2], r[3]);
      if (i == 0) {
        pw.println("-".repeat(w[0] + w[1] + w[2] + w[3] + 6));
      }
    }
    pw.println();
    pw.println("Spec syntax: name or name(key=value, ...), e.g. leaky_relu(alpha=0.2), elu(alpha=0.5), "
        + "gelu(approximate=tanh).");
    pw.println("Row-wise functions (softmax, log_softmax, softmin, hardmax) normalise each whole row of a "
        + "vector: use them in an activation stage (without derivative), or a stage with type: softmax for "
        + "softmax or log_softmax with a temperature (temperature, logSoftmax).");
    pw.flush();
    return sw.toString().replaceAll("(?m) +$", "");
  }
}
