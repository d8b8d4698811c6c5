package io.github.sparkactivations.activation;

/** The bulk loop of {@link BulkPath} for one activation (benchmarks only). */
final class BulkCalls {

  private BulkCalls() {}

  static void run(Activation a, BulkPath k, double[] in, double[] out) {
    if (a instanceof Sigmoid f) {
      k.sigmoid(f, in, out);
    } else if (a instanceof Tanh f) {
      k.tanh(f, in, out);
    } else if (a instanceof BipolarSigmoid f) {
      k.bipolarSigmoid(f, in, out);
    } else if (a instanceof Elu f) {
      k.elu(f, in, out);
    } else if (a instanceof Selu f) {
      k.selu(f, in, out);
    } else if (a instanceof Celu f) {
      k.celu(f, in, out);
    } else if (a instanceof Silu f) {
      k.silu(f, in, out);
    } else if (a instanceof Swish f) {
      k.swish(f, in, out);
    } else if (a instanceof Softplus f) {
      k.softplus(f, in, out);
    } else if (a instanceof LogSigmoid f) {
      k.logSigmoid(f, in, out);
    } else if (a instanceof Mish f) {
      k.mish(f, in, out);
    } else if (a instanceof Gelu f) {
      k.gelu(f, in, out);
    } else if (a instanceof Softmax) {
      k.softmax(in, out, 1.0);
    } else if (a instanceof Softmin) {
      k.softmax(in, out, -1.0);
    } else if (a instanceof LogSoftmax) {
      k.logSoftmax(in, out);
    } else {
      throw new IllegalArgumentException("no bulk kernel for " + a);
    }
  }
}
