package io.github.sparkactivations.activation;

import java.io.Serializable;
import java.util.Map;

/**
 * A neural-network activation function: immutable, thread-safe and {@link Serializable}, so one
 * instance can be captured by a Spark closure and shipped to every executor.
 *
 * <p>There are exactly two kinds: {@link ElementwiseActivation} maps each entry of a vector on its
 * own (output length = input length), and {@link RowwiseActivation} maps a whole row at once
 * (softmax normalises over the whole row; output length = input length).
 *
 * <p>Instances are obtained from {@link Activations#parse(String)}; every instance can print itself
 * back as a spec string with {@link #spec()}, and {@code Activations.parse(a.spec()).equals(a)}.
 */
public sealed interface Activation extends Serializable permits ElementwiseActivation, RowwiseActivation {

  /** The canonical lower-snake-case name, e.g. {@code "leaky_relu"}; aliases never appear here. */
  String name();

  /**
   * The effective parameters, defaults included, in declaration order (unmodifiable). Values are
   * {@code Double} for numeric parameters and {@code String} for enumerated ones such as gelu's
   * {@code approximate}. Empty for functions without parameters.
   */
  Map<String, Object> params();

  /**
   * The canonical spec string, e.g. {@code "elu(alpha=0.5)"} or {@code "relu"}: the name followed by
   * every parameter, defaults included. {@link Activations#parse(String)} reads it back to an equal
   * object.
   *
   * <p>Built from {@link #name()} and {@link #params()}, so no implementation needs its own; every
   * implementation's {@code toString()} returns this.
   */
  default String spec() {
    return Specs.spec(name(), params());
  }
}
