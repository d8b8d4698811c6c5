package io.github.sparkactivations.activation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Package-private helpers shared by the activation records: the ordered parameter map, the canonical
 * spec string, parameter validation with the messages the registry promises, and array-length checks.
 */
final class Specs {

  private Specs() {}

  /** An unmodifiable map of alternating keys and values, in the given order. */
  static Map<String, Object> params(Object... keysAndValues) {
    if (keysAndValues.length == 0) {
      return Map.of();
    }
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * {@code name} alone when there are no parameters, else {@code name(k1=v1, k2=v2)}; doubles are printed
   * with {@link Double#toString(double)}, so the spec reads back to the identical value.
   */
  static String spec(String name, Map<String, Object> params) {
    if (params.isEmpty()) {
      return name;
    }
    StringBuilder sb = new StringBuilder(name).append('(');
    boolean first = true;
    for (Map.Entry<String, Object> e : params.entrySet()) {
      if (!first) {
        sb.append(", ");
      }
      first = false;
      sb.append(e.getKey()).append('=').append(e.getValue());
    }
    return sb.append(')').toString();
  }

  /** @throws IllegalArgumentException "name: key must be finite but was v" */
  static double finite(String name, String key, double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(name + ": " + key + " must be finite but was " + v);
    }
    return v;
  }

  /** @throws IllegalArgumentException "name: key must be finite and > 0 but was v" */
  static double positive(String name, String key, double v) {
    if (!(Double.isFinite(v) && v > 0)) {
      throw new IllegalArgumentException(name + ": " + key + " must be finite and > 0 but was " + v);
    }
    return v;
  }

  /** @throws IllegalArgumentException "name: key must be finite and >= 0 but was v" */
  static double nonNegative(String name, String key, double v) {
    if (!(Double.isFinite(v) && v >= 0)) {
      throw new IllegalArgumentException(name + ": " + key + " must be finite and >= 0 but was " + v);
    }
    return v;
  }

  /**
   * @throws IllegalArgumentException if {@code out.length < in.length}, with the message every bulk
   *     {@code apply}/{@code derivative} of the package throws, the interface defaults included
   */
  static void checkLengths(double[] in, double[] out) {
    if (out.length < in.length) {
      throw new IllegalArgumentException(
          "out.length must be >= in.length, but out.length=" + out.length + " and in.length=" + in.length);
    }
  }

  /** @throws IllegalArgumentException unless the three arrays have the same length */
  static void checkSameLengths(double[] in, double[] upstream, double[] out) {
    if (upstream.length != in.length || out.length != in.length) {
      throw new IllegalArgumentException(
          "backward: in, upstream and out must have the same length, but in.length=" + in.length
              + ", upstream.length=" + upstream.length + ", out.length=" + out.length);
    }
  }
}
