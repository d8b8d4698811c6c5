package io.github.sparkactivations.activation;

/**
 * The bulk loops of the exp-bound activations, behind one interface so that their
 * {@code apply(double[], double[])} dispatches once, at class initialisation ({@link KernelPath}),
 * between the scalar loops ({@link ScalarPath}) and the JDK Vector API loops
 * ({@code VectorPath}, loaded only when {@code jdk.incubator.vector} is in the JVM).
 *
 * <p>Contract of every loop: {@code out[i] = f.value(in[i])} bit for bit for {@code i < in.length};
 * {@code in} may be {@code out}; the caller has checked that {@code out} is long enough. The
 * activation is passed so that a loop can hand entries to its scalar loop ({@code applyScalar}).
 */
interface BulkPath {

  /** "vector API, 4 lanes (256-bit)" or "scalar (reason)". */
  String describe();

  /** Doubles per vector: 1 for the scalar loops. */
  int lanes();

  /** σ(λx). */
  void sigmoid(Sigmoid f, double[] in, double[] out);

  /** tanh x. */
  void tanh(Tanh f, double[] in, double[] out);

  /** tanh(λx/2). */
  void bipolarSigmoid(BipolarSigmoid f, double[] in, double[] out);

  /** ELU. */
  void elu(Elu f, double[] in, double[] out);

  /** SELU. */
  void selu(Selu f, double[] in, double[] out);

  /** CELU. */
  void celu(Celu f, double[] in, double[] out);

  /** x·σ(x). */
  void silu(Silu f, double[] in, double[] out);

  /** x·σ(αx). */
  void swish(Swish f, double[] in, double[] out);

  /** ln(1 + e^{βx})/β. */
  void softplus(Softplus f, double[] in, double[] out);

  /** ln σ(x). */
  void logSigmoid(LogSigmoid f, double[] in, double[] out);

  /** x·tanh(softplus x). */
  void mish(Mish f, double[] in, double[] out);

  /** GELU, exact or tanh form. */
  void gelu(Gelu f, double[] in, double[] out);

  /** softmax(sign·x) of one row, {@link SoftmaxRows#softmax}. */
  void softmax(double[] in, double[] out, double sign);

  /** log_softmax(x) of one row, {@link SoftmaxRows#logSoftmax}. */
  void logSoftmax(double[] in, double[] out);
}
