package io.github.sparkactivations.bench;

/**
 * The baseline of the core benchmarks: what a user writes without this library, a plain loop over the
 * textbook formula with {@code java.lang.Math} (default parameters). Where the textbook formula needs a
 * function {@code java.lang.Math} lacks, the closest {@code Math} formula is used: gelu has no erf in
 * {@code Math}, so both gelu forms are measured against the tanh approximation
 * {@code 0.5x(1+tanh(sqrt(2/pi)(x+0.044715x^3)))}; elu/selu/celu use {@code Math.expm1} (the accurate
 * {@code Math} call; {@code exp(x)-1} is measured separately in {@code KernelBenchmark}).
 *
 * <p>Several of these formulas are wrong somewhere (overflow, cancellation, NaN mapped to 0): that is the
 * point of the library, not of this class. They are only timed.
 */
final class Naive {

  private Naive() {}

  private static final double SQRT_2_OVER_PI = 0.7978845608028654;

  /** out[i] = f(in[i]) with the textbook formula of the elementwise activation {@code fn}. */
  static void apply(String fn, double[] in, double[] out) {
    int n = in.length;
    switch (fn) {
      case "binary_step" -> { for (int i = 0; i < n; i++) out[i] = in[i] >= 0 ? 1.0 : 0.0; }
      case "bipolar_step" -> { for (int i = 0; i < n; i++) out[i] = in[i] >= 0 ? 1.0 : -1.0; }
      case "sigmoid" -> { for (int i = 0; i < n; i++) out[i] = 1.0 / (1.0 + Math.exp(-in[i])); }
      case "bipolar_sigmoid" -> {
        for (int i = 0; i < n; i++) {
          double e = Math.exp(-in[i]);
          out[i] = (1.0 - e) / (1.0 + e);
        }
      }
      case "tanh" -> { for (int i = 0; i < n; i++) out[i] = Math.tanh(in[i]); }
      case "relu" -> { for (int i = 0; i < n; i++) out[i] = Math.max(0.0, in[i]); }
      case "leaky_relu" -> { for (int i = 0; i < n; i++) out[i] = in[i] > 0 ? in[i] : 0.01 * in[i]; }
      case "prelu" -> { for (int i = 0; i < n; i++) out[i] = in[i] > 0 ? in[i] : 0.25 * in[i]; }
      case "elu" -> { for (int i = 0; i < n; i++) out[i] = in[i] > 0 ? in[i] : Math.expm1(in[i]); }
      case "selu" -> {
        double a = 1.6732632423543772;
        double l = 1.0507009873554805;
        for (int i = 0; i < n; i++) out[i] = in[i] > 0 ? l * in[i] : l * a * Math.expm1(in[i]);
      }
      case "celu" -> {
        for (int i = 0; i < n; i++) out[i] = Math.max(0.0, in[i]) + Math.min(0.0, Math.expm1(in[i]));
      }
      case "hard_sigmoid" -> {
        for (int i = 0; i < n; i++) out[i] = Math.max(0.0, Math.min(1.0, 0.2 * in[i] + 0.5));
      }
      case "hard_sigmoid_pytorch" -> {
        for (int i = 0; i < n; i++) out[i] = Math.max(0.0, Math.min(1.0, in[i] / 6 + 0.5));
      }
      case "hard_swish" -> {
        for (int i = 0; i < n; i++) out[i] = in[i] * Math.min(Math.max(in[i] + 3, 0.0), 6.0) / 6;
      }
      case "gelu", "gelu(approximate=tanh)" -> {
        for (int i = 0; i < n; i++) {
          double x = in[i];
          out[i] = 0.5 * x * (1 + Math.tanh(SQRT_2_OVER_PI * (x + 0.044715 * x * x * x)));
        }
      }
      case "mish" -> {
        for (int i = 0; i < n; i++) out[i] = in[i] * Math.tanh(Math.log(1 + Math.exp(in[i])));
      }
      case "swish", "silu" -> { for (int i = 0; i < n; i++) out[i] = in[i] / (1 + Math.exp(-in[i])); }
      case "softplus" -> { for (int i = 0; i < n; i++) out[i] = Math.log(1 + Math.exp(in[i])); }
      case "softsign" -> { for (int i = 0; i < n; i++) out[i] = in[i] / (1 + Math.abs(in[i])); }
      case "thresholded_relu" -> { for (int i = 0; i < n; i++) out[i] = in[i] > 1.0 ? in[i] : 0.0; }
      case "relu6" -> { for (int i = 0; i < n; i++) out[i] = Math.min(Math.max(0.0, in[i]), 6.0); }
      case "hardtanh" -> { for (int i = 0; i < n; i++) out[i] = Math.max(-1.0, Math.min(1.0, in[i])); }
      case "log_sigmoid" -> { for (int i = 0; i < n; i++) out[i] = -Math.log(1 + Math.exp(-in[i])); }
      case "tanhshrink" -> { for (int i = 0; i < n; i++) out[i] = in[i] - Math.tanh(in[i]); }
      case "softshrink" -> {
        for (int i = 0; i < n; i++) {
          double x = in[i];
          out[i] = x > 0.5 ? x - 0.5 : x < -0.5 ? x + 0.5 : 0.0;
        }
      }
      case "shrink" -> { // ONNX Shrink(lambd=0.5, bias=0.0), the library default
        for (int i = 0; i < n; i++) {
          double x = in[i];
          out[i] = x > 0.5 ? x - 0.0 : x < -0.5 ? x + 0.0 : 0.0;
        }
      }
      case "hardshrink" -> {
        for (int i = 0; i < n; i++) out[i] = Math.abs(in[i]) > 0.5 ? in[i] : 0.0;
      }
      default -> throw new IllegalArgumentException("no naive formula for " + fn);
    }
  }

  /** out = f(in) for the row-wise activation {@code fn}: max-shifted exp, the careful hand-written form. */
  static void applyRow(String fn, double[] in, double[] out) {
    int n = in.length;
    switch (fn) {
      case "softmax" -> {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) m = Math.max(m, in[i]);
        double s = 0;
        for (int i = 0; i < n; i++) {
          out[i] = Math.exp(in[i] - m);
          s += out[i];
        }
        for (int i = 0; i < n; i++) out[i] /= s;
      }
      case "softmin" -> {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) m = Math.max(m, -in[i]);
        double s = 0;
        for (int i = 0; i < n; i++) {
          out[i] = Math.exp(-in[i] - m);
          s += out[i];
        }
        for (int i = 0; i < n; i++) out[i] /= s;
      }
      case "log_softmax" -> {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) m = Math.max(m, in[i]);
        double s = 0;
        for (int i = 0; i < n; i++) s += Math.exp(in[i] - m);
        double ls = m + Math.log(s);
        for (int i = 0; i < n; i++) out[i] = in[i] - ls;
      }
      case "hardmax" -> {
        int k = 0;
        for (int i = 1; i < n; i++) if (in[i] > in[k]) k = i;
        java.util.Arrays.fill(out, 0, n, 0.0);
        if (n > 0) out[k] = 1.0;
      }
      default -> throw new IllegalArgumentException("no naive formula for " + fn);
    }
  }
}
