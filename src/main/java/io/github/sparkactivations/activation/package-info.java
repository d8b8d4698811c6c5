/**
 * The activation core: every activation function and its derivative, in plain Java with no dependency
 * beyond the JDK (no Spark, no Scala), so it can be used, tested and benchmarked on its own.
 *
 * <p>Entry points:
 *
 * <ul>
 *   <li>{@link io.github.sparkactivations.activation.Activations}: the registry. {@code parse},
 *       {@code parseElementwise} and {@code parseRowwise} read a spec string such as
 *       {@code "leaky_relu(alpha=0.2)"}; {@code names()} and {@code aliases()} list what exists.
 *   <li>{@link io.github.sparkactivations.activation.Activation}: what every function is: immutable,
 *       thread-safe, {@link java.io.Serializable}, with {@code name()}, {@code params()} and a
 *       {@code spec()} that parses back to an equal object.
 *   <li>{@link io.github.sparkactivations.activation.ElementwiseActivation}: f and f' of one entry
 *       ({@code value}, {@code derivative}), bulk and in-place array forms, and sparse-aware forms;
 *       {@code preservesZero()} says whether a sparse vector stays sparse.
 *   <li>{@link io.github.sparkactivations.activation.RowwiseActivation}: softmax, log_softmax, softmin
 *       and hardmax of a whole row, and {@code backward}, the vector-Jacobian product.
 *   <li>One public record per function (for example {@link io.github.sparkactivations.activation.Elu}),
 *       which can also be constructed directly; its Javadoc gives the formula, range, parameters and
 *       defaults, the derivative at each kink and the special values.
 * </ul>
 *
 * <p>The conventions every function follows (NaN in gives NaN out; infinities give the limit; -0.0
 * equals 0.0; derivatives at kinks as current PyTorch; results within 1e-12 relative of the correctly
 * rounded value) are written out in {@code docs/activations.md} of the repository. Invalid parameters
 * and malformed specs throw {@link java.lang.IllegalArgumentException} naming the problem and what is
 * allowed.
 *
 * <p>The bulk array forms of the exp-bound functions run on the JDK Vector API when the JVM was
 * started with {@code --add-modules=jdk.incubator.vector}, on scalar loops otherwise, with the same
 * results bit for bit; {@link io.github.sparkactivations.activation.KernelPath} says which.
 *
 * <p>Depends on: {@code java.base} (and {@code java.management}, to see whether the JIT is on), plus the
 * optional {@code jdk.incubator.vector}, used only by the {@code Vector*} classes and only when the JVM
 * has it. Everything else in the library depends on this package.
 */
package io.github.sparkactivations.activation;
