package io.github.sparkactivations.activation;

/**
 * The scalar bulk loops: each activation's own scalar loop ({@code applyScalar}), one call of the
 * scalar kernel per entry. The path taken when {@code jdk.incubator.vector} is absent, and the
 * reference the vector loops equal bit for bit.
 */
final class ScalarPath implements BulkPath {

  /** The scalar loops as a reference (tests, benchmarks). */
  static final ScalarPath INSTANCE = new ScalarPath("reference");

  private final String reason;

  /** @param reason why the scalar path was chosen, for {@link #describe()} */
  ScalarPath(String reason) {
    this.reason = reason;
  }

  @Override
  public String describe() {
    return "scalar (" + reason + ")";
  }

  @Override
  public int lanes() {
    return 1;
  }

  @Override
  public void sigmoid(Sigmoid f, double[] in, double[] out) {
    f.applyScalar(in, out, 0, in.length);
  }

  @Override
  public void tanh(Tanh f, double[] in, double[] out) {
    f.applyScalar(in, out, 0, in.length);
  }

  @Override
  public void bipolarSigmoid(BipolarSigmoid f, double[] in, double[] out) {
    f.applyScalar(in, out, 0, in.length);
  }

  @Override
  public void elu(Elu f, double[] in, double[] out) {
    f.applyScalar(in, out, 0, in.length);
  }

  @Override
  public void selu(Selu f, double[] in, double[] out) {
    f.applyScalar(in, out, 0, in.length);
  }

  @Override
  public void celu(Celu f, double[] in, double[] out) {
    f.applyScalar(in, out, 0, in.length);
  }

  @Override
  public void silu(Silu f, double[] in, double[] out) {
    f.applyScalar(in, out, 0, in.length);
  }

  @Override
  public void swish(Swish f, double[] in, double[] out) {
    f.applyScalar(in, out, 0, in.length);
  }

  @Override
  public void softplus(Softplus f, double[] in, double[] out) {
    f.applyScalar(in, out, 0, in.length);
  }

  @Override
  public void logSigmoid(LogSigmoid f, double[] in, double[] out) {
    f.applyScalar(in, out, 0, in.length);
  }

  @Override
  public void mish(Mish f, double[] in, double[] out) {
    f.applyScalar(in, out, 0, in.length);
  }

  @Override
  public void gelu(Gelu f, double[] in, double[] out) {
    f.applyScalar(in, out, 0, in.length);
  }

  @Override
  public void softmax(double[] in, double[] out, double sign) {
    SoftmaxRows.softmax(in, out, sign);
  }

  @Override
  public void logSoftmax(double[] in, double[] out) {
    SoftmaxRows.logSoftmax(in, out, 1.0);
  }
}
