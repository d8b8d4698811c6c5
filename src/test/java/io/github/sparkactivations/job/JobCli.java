package io.github.sparkactivations.job;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test helpers: run the CLI in-process and capture its exit code and output; read small CSV files. */
final class JobCli {

  private JobCli() {}

  /** Exit code, stdout and stderr of one {@link ActivationJob#execute} call. */
  record Result(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  static Result run(String... args) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int code = ActivationJob.execute(
        new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8), args);
    return new Result(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
  }

  /** A small comma-separated file with a header line (the sample data has no quoting). */
  record Table(List<String> header, List<String[]> rows) {
    static Table read(Path p) {
      try {
        List<String> lines = Files.readAllLines(p);
        List<String[]> rows = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
          if (!l.isBlank()) {
            rows.add(l.split(",", -1));
          }
        }
        return new Table(Arrays.asList(lines.get(0).split(",", -1)), rows);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    int col(String name) {
      int i = header.indexOf(name);
      if (i < 0) {
        throw new IllegalArgumentException("no column " + name + " in " + header);
      }
      return i;
    }

    /** The numeric matrix of every column except {@code exclude}, in file order. */
    double[][] numericExcept(String... exclude) {
      List<Integer> idx = new ArrayList<>();
      for (int i = 0; i < header.size(); i++) {
        if (!Arrays.asList(exclude).contains(header.get(i))) {
          idx.add(i);
        }
      }
      double[][] m = new double[rows.size()][idx.size()];
      for (int r = 0; r < rows.size(); r++) {
        for (int j = 0; j < idx.size(); j++) {
          m[r][j] = Double.parseDouble(rows.get(r)[idx.get(j)]);
        }
      }
      return m;
    }

    List<String> column(String name) {
      int i = col(name);
      List<String> out = new ArrayList<>();
      for (String[] r : rows) {
        out.add(r[i]);
      }
      return out;
    }
  }

  /**
   * Standardizes each column: (x - mean) / std with the unbiased (n - 1) standard deviation, and 0 for
   * a constant column, which is what {@code StandardScaler(withMean, withStd)} documents.
   */
  static double[][] standardize(double[][] m) {
    int n = m.length;
    int d = m[0].length;
    double[][] out = new double[n][d];
    for (int j = 0; j < d; j++) {
      double mean = 0;
      for (double[] row : m) {
        mean += row[j];
      }
      mean /= n;
      double ss = 0;
      for (double[] row : m) {
        ss += (row[j] - mean) * (row[j] - mean);
      }
      double std = Math.sqrt(ss / (n - 1));
      for (int i = 0; i < n; i++) {
        out[i][j] = std == 0.0 ? 0.0 : (m[i][j] - mean) / std;
      }
    }
    return out;
  }
}
