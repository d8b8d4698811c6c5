package io.github.sparkactivations.internal;

import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;

/**
 * One cell through a {@link CellFunction} under a {@link HandleInvalid} mode, for each kind of input
 * column: the per-row body of the UDFs. Invalid input is a null cell, a NaN entry, or a null element
 * inside an array; +-Infinity is valid. {@code ERROR} throws an {@link InvalidInputException},
 * {@code SKIP} returns null (the stages filter those rows out), {@code KEEP} returns null for a null
 * cell and lets NaN propagate; under {@code KEEP} a null array element stays null (elementwise) or
 * makes the whole row null (row-wise).
 */
final class CellApply {

  private CellApply() {}

  static Vector vector(CellFunction f, Vector v, HandleInvalid mode, InputRef in)
      throws InvalidInputException {
    if (v == null) {
      mode.nullCell(in);
      return null;
    }
    if (v instanceof DenseVector d) {
      double[] values = d.values();
      int bad = mode == HandleInvalid.KEEP ? -1 : firstNaN(values); // KEEP lets NaN through: no scan
      if (!mode.computes(in, true, -1, bad, bad)) {
        return null;
      }
      return new DenseVector(f.dense(values)); // in place: values is our own deserialized copy
    }
    if (v instanceof SparseVector s) {
      int bad = mode == HandleInvalid.KEEP ? -1 : firstNaN(s.values());
      if (!mode.computes(in, true, -1, bad, bad >= 0 ? s.indices()[bad] : -1)) {
        return null;
      }
      return f.sparse(s);
    }
    throw new IllegalArgumentException(in.where() + ": unsupported vector class " + v.getClass().getName());
  }

  static Object array(
      CellFunction f, scala.collection.Seq<?> s, HandleInvalid mode, InputRef in, boolean floats)
      throws InvalidInputException {
    if (s == null) {
      mode.nullCell(in);
      return null;
    }
    double[] values = new double[s.length()];
    int firstNull = -1;
    int firstNaN = -1;
    scala.collection.Iterator<?> it = s.iterator();
    for (int i = 0; i < values.length; i++) {
      Object o = it.next();
      if (o == null) {
        values[i] = Double.NaN;
        if (firstNull < 0) {
          firstNull = i;
        }
      } else {
        double x = ((Number) o).doubleValue();
        values[i] = x;
        if (x != x && firstNaN < 0) {
          firstNaN = i;
        }
      }
    }
    if (!mode.computes(in, f.elementwise(), firstNull, firstNaN, firstNaN)) {
      return null;
    }
    double[] out = f.dense(values);
    if (firstNull >= 0) { // keep + elementwise: a null element stays null
      Object[] boxed = new Object[out.length];
      it = s.iterator();
      for (int i = 0; i < out.length; i++) {
        boxed[i] = it.next() == null ? null : floats ? (Object) (float) out[i] : (Object) out[i];
      }
      return boxed;
    }
    if (floats) {
      float[] rounded = new float[out.length];
      for (int i = 0; i < out.length; i++) {
        rounded[i] = (float) out[i];
      }
      return rounded;
    }
    return out;
  }

  static Double number(CellFunction f, Double x, HandleInvalid mode, InputRef in)
      throws InvalidInputException {
    if (x == null) {
      mode.nullCell(in);
      return null;
    }
    double v = x;
    if (!mode.computes(in, true, -1, v != v ? 0 : -1, -1)) {
      return null;
    }
    return f.scalar(v);
  }

  /** The cell {@code x} of a column of kind {@code kind}. */
  static Object any(CellFunction f, ColumnKind kind, Object x, HandleInvalid mode, InputRef in)
      throws InvalidInputException {
    return switch (kind) {
      case VECTOR -> vector(f, (Vector) x, mode, in);
      case DOUBLE_ARRAY -> array(f, (scala.collection.Seq<?>) x, mode, in, false);
      case FLOAT_ARRAY -> array(f, (scala.collection.Seq<?>) x, mode, in, true);
      case NUMBER -> number(f, (Double) x, mode, in);
    };
  }

  private static int firstNaN(double[] values) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] != values[i]) {
        return i;
      }
    }
    return -1;
  }
}
