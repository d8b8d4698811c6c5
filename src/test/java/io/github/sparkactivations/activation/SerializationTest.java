package io.github.sparkactivations.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Java serialization, which is how Spark ships an activation inside a task closure: every activation
 * comes back equal and computes bit-identical results, and a stream carrying an invalid parameter is
 * rejected because deserialising a record runs its validating constructor.
 */
class SerializationTest {

  private static final double[] INPUTS = {-1e300, -745, -40, -3, -1.5, -0.5, -1e-10, -0.0, 0.0, 1e-310, 0.3, 1, 2.5,
      6, 36.7, 800, Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};

  private static Stream<String> specs() {
    return Stream.concat(Activations.names().stream(), Stream.of("leaky_relu(alpha=0.2)", "elu(alpha=0.5)",
        "gelu(approximate=tanh)", "hardtanh(min=0, max=6)", "selu(alpha=1.5, gamma=2)", "shrink(lambd=1, bias=0.25)",
        "binary_step(threshold=-0.0)", "sigmoid(lambda=3)"));
  }

  static byte[] serialize(Object o) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(o);
    }
    return bytes.toByteArray();
  }

  static Object deserialize(byte[] b) throws IOException, ClassNotFoundException {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(b))) {
      return in.readObject();
    }
  }

  @ParameterizedTest
  @MethodSource("specs")
  void roundTripGivesAnEqualActivationWithIdenticalResults(String spec) throws Exception {
    Activation a = Activations.parse(spec);
    Activation back = (Activation) deserialize(serialize(a));
    assertEquals(a, back);
    assertEquals(a.hashCode(), back.hashCode());
    assertEquals(a.spec(), back.spec());
    if (a instanceof ElementwiseActivation e) {
      ElementwiseActivation f = (ElementwiseActivation) back;
      for (double x : INPUTS) {
        assertEquals(Double.doubleToRawLongBits(e.value(x)), Double.doubleToRawLongBits(f.value(x)), spec + " at " + x);
        assertEquals(Double.doubleToRawLongBits(e.derivative(x)), Double.doubleToRawLongBits(f.derivative(x)),
            spec + "' at " + x);
      }
    } else {
      RowwiseActivation r = (RowwiseActivation) a;
      RowwiseActivation s = (RowwiseActivation) back;
      double[] row = {3.0, -1.0, 0.5, -0.0, 2.0};
      double[] up = {0.1, -0.2, 0.3, 0.0, 1.0};
      double[] o1 = new double[5];
      double[] o2 = new double[5];
      r.apply(row, o1);
      s.apply(row, o2);
      assertArrayEquals(o1, o2);
      r.backward(row, up, o1);
      s.backward(row, up, o2);
      assertArrayEquals(o1, o2);
    }
  }

  @Test
  void parameterlessActivationsDeserializeEqual() throws Exception {
    assertEquals(new Relu(), deserialize(serialize(new Relu())));
    assertEquals(new Softmax(), deserialize(serialize(new Softmax())));
  }

  /** Replaces the big-endian bytes of {@code from} in a serialized stream by those of {@code to}. */
  private static byte[] patchDouble(byte[] stream, double from, double to) {
    byte[] f = ByteBuffer.allocate(8).putDouble(from).array();
    byte[] t = ByteBuffer.allocate(8).putDouble(to).array();
    int found = -1;
    for (int i = 0; i + 8 <= stream.length; i++) {
      boolean match = true;
      for (int j = 0; j < 8 && match; j++) {
        match = stream[i + j] == f[j];
      }
      if (match) {
        assertEquals(-1, found, "the value occurs twice in the stream");
        found = i;
      }
    }
    assertTrue(found >= 0, "value not found in the stream");
    byte[] copy = stream.clone();
    System.arraycopy(t, 0, copy, found, 8);
    return copy;
  }

  @Test
  void deserializingAnInvalidParameterIsRejected() throws Exception {
    byte[] good = serialize(new Softplus(0.123456789));
    assertEquals(new Softplus(0.123456789), deserialize(good));
    byte[] bad = patchDouble(good, 0.123456789, -2.0);
    InvalidObjectException e = assertThrows(InvalidObjectException.class, () -> deserialize(bad));
    Throwable cause = e.getCause();
    assertInstanceOf(IllegalArgumentException.class, cause);
    assertEquals("softplus: beta must be finite and > 0 but was -2.0", cause.getMessage());
  }

  @Test
  void deserializingInconsistentBoundsIsRejected() throws Exception {
    byte[] good = serialize(new Hardtanh(-0.987654321, 0.123456789));
    byte[] bad = patchDouble(good, -0.987654321, 5.0);
    InvalidObjectException e = assertThrows(InvalidObjectException.class, () -> deserialize(bad));
    assertTrue(e.getCause().getMessage().contains("hardtanh: min must be < max"), e.getCause().getMessage());
  }
}
