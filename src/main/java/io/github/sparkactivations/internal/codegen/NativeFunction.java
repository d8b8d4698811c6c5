package io.github.sparkactivations.internal.codegen;

import io.github.sparkactivations.internal.CellFunction;
import io.github.sparkactivations.internal.HandleInvalid;
import io.github.sparkactivations.internal.InputRef;
import io.github.sparkactivations.internal.InvalidInputException;
import java.io.Serializable;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeArrayData;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.unsafe.Platform;

/**
 * The per-row work of the native path for one column: reads Spark's internal form of the input (the
 * ML vector struct {@code <type, size, indices, values>}, an {@code array<double>} or
 * {@code array<float>}, a double) without converting it to external objects, runs the same
 * {@link CellFunction} as the UDF path over one exactly sized {@code double[]} (so that the core's bulk
 * kernels, and whatever SIMD they dispatch to, see the same arrays as on the UDF path, and the results
 * are bit-identical), and writes one fresh {@link UnsafeArrayData} per output array.
 *
 * <p>The invalid-input test is fused into the loop that reads the input. Called from generated code,
 * so public; not API.
 */
public final class NativeFunction implements Serializable {
  private static final long serialVersionUID = 1L;
  /** The {@code type} field of Spark's vector struct. */
  private static final byte SPARSE = 0;
  private static final byte DENSE = 1;

  private final CellFunction kernel;
  private final HandleInvalid mode;
  private final InputRef in;

  /**
   * @param kernel the math, shared with the UDF path
   * @param mode what to do with a null cell, a NaN entry or a null array element
   * @param in the input, as errors name it
   */
  NativeFunction(CellFunction kernel, HandleInvalid mode, InputRef in) {
    this.kernel = kernel;
    this.mode = mode;
    this.in = in;
  }

  /** Scratch arrays reused from row to row: one instance per partition (never shared by threads). */
  public static final class Buffers {
    private double[] values = new double[0];
    private double[] dense = new double[0];
    private int[] indices = new int[0];

    double[] values(int n) {
      if (values.length != n) {
        values = new double[n];
      }
      return values;
    }

    double[] dense(int n) {
      if (dense.length != n) {
        dense = new double[n];
      }
      return dense;
    }

    int[] indices(int n) {
      if (indices.length < n) {
        indices = new int[n];
      }
      return indices;
    }
  }

  /** A null input cell: fails under {@code error}; the result is null otherwise. */
  public void onNull() {
    try {
      mode.nullCell(in);
    } catch (InvalidInputException e) {
      throw sneaky(e);
    }
  }

  /** f of a vector struct, or null for a row that {@code skip} drops. */
  public InternalRow vector(Buffers buffers, InternalRow v) {
    ArrayData values = v.getArray(3);
    int n = values.numElements();
    double[] xs = buffers.values(n);
    int nan = readDoubles(values, xs);
    if (v.getByte(0) == DENSE) {
      if (!computes(-1, nan, nan)) {
        return null;
      }
      kernel.dense(xs);
      return denseVector(UnsafeArrayData.fromPrimitiveArray(xs));
    }
    int size = v.getInt(1);
    ArrayData indices = v.getArray(2);
    if (!computes(-1, nan, nan >= 0 ? indices.getInt(nan) : -1)) {
      return null;
    }
    if (kernel.keepsSparse()) {
      kernel.dense(xs);
      int zeros = 0;
      for (double x : xs) {
        zeros += x == 0.0 ? 1 : 0;
      }
      if (zeros == 0) {
        return sparseVector(size, indices, UnsafeArrayData.fromPrimitiveArray(xs));
      }
      int[] kept = new int[n - zeros];
      double[] keptValues = new double[n - zeros];
      int j = 0;
      for (int k = 0; k < n; k++) {
        if (xs[k] != 0.0) { // NaN != 0.0, so NaN entries are kept
          kept[j] = indices.getInt(k);
          keptValues[j] = xs[k];
          j++;
        }
      }
      return sparseVector(
          size, UnsafeArrayData.fromPrimitiveArray(kept), UnsafeArrayData.fromPrimitiveArray(keptValues));
    }
    int[] idx = buffers.indices(n);
    for (int k = 0; k < n; k++) {
      idx[k] = indices.getInt(k);
    }
    double[] out = buffers.dense(size);
    kernel.sparseToDense(size, idx, xs, n, out);
    return denseVector(UnsafeArrayData.fromPrimitiveArray(out));
  }

  /** f of an {@code array<double>}, or null for a row that {@code skip} drops. */
  public ArrayData doubles(Buffers buffers, ArrayData a) {
    return array(buffers, a, false);
  }

  /** f of an {@code array<float>} (computed in double, rounded once), or null for a dropped row. */
  public ArrayData floats(Buffers buffers, ArrayData a) {
    return array(buffers, a, true);
  }

  /** False if the number x gives null ({@code skip} of a NaN); fails for a NaN under {@code error}. */
  public boolean accepts(double x) {
    return computes(-1, x != x ? 0 : -1, -1);
  }

  /** f(x) of a number. */
  public double number(double x) {
    return kernel.scalar(x);
  }

  private ArrayData array(Buffers buffers, ArrayData a, boolean floats) {
    int n = a.numElements();
    double[] xs = buffers.values(n);
    int firstNull = -1;
    int firstNaN = -1;
    for (int i = 0; i < n; i++) {
      if (a.isNullAt(i)) {
        xs[i] = Double.NaN;
        firstNull = firstNull < 0 ? i : firstNull;
      } else {
        double x = floats ? a.getFloat(i) : a.getDouble(i);
        xs[i] = x;
        if (x != x && firstNaN < 0) {
          firstNaN = i;
        }
      }
    }
    if (!computes(firstNull, firstNaN, firstNaN)) {
      return null;
    }
    kernel.dense(xs);
    if (firstNull < 0 && !floats) {
      return UnsafeArrayData.fromPrimitiveArray(xs);
    }
    UnsafeArrayData out = UnsafeArrayData.createFreshArray(n, floats ? 4 : 8);
    for (int i = 0; i < n; i++) {
      if (firstNull >= 0 && a.isNullAt(i)) { // keep + elementwise: a null element stays null
        out.setNullAt(i);
      } else if (floats) {
        out.setFloat(i, (float) xs[i]);
      } else {
        out.setDouble(i, xs[i]);
      }
    }
    return out;
  }

  /**
   * Copies {@code values} (a vector's values: never a null element) into {@code xs}, returning the index
   * of the first NaN, or -1. Spark's own array is copied in one block and then scanned, instead of read
   * element by element through {@link ArrayData#getDouble}.
   */
  private static int readDoubles(ArrayData values, double[] xs) {
    int n = xs.length;
    if (values instanceof UnsafeArrayData u) {
      Platform.copyMemory(u.getBaseObject(), u.getBaseOffset() + UnsafeArrayData.calculateHeaderPortionInBytes(n),
          xs, Platform.DOUBLE_ARRAY_OFFSET, 8L * n);
    } else {
      for (int i = 0; i < n; i++) {
        xs[i] = values.getDouble(i);
      }
    }
    for (int i = 0; i < n; i++) {
      if (xs[i] != xs[i]) {
        return i;
      }
    }
    return -1;
  }

  /** {@link HandleInvalid#computes}, its checked failure thrown unchanged. */
  private boolean computes(int firstNull, int firstNaN, int nanIndex) {
    try {
      return mode.computes(in, kernel.elementwise(), firstNull, firstNaN, nanIndex);
    } catch (InvalidInputException e) {
      throw sneaky(e);
    }
  }

  private static InternalRow denseVector(ArrayData values) {
    return new GenericInternalRow(new Object[] {DENSE, null, null, values});
  }

  private static InternalRow sparseVector(int size, ArrayData indices, ArrayData values) {
    return new GenericInternalRow(new Object[] {SPARSE, size, indices, values});
  }

  /**
   * Throws a checked exception unchanged from code that cannot declare it (generated code is compiled
   * with the checked-exception rule, and its methods declare only {@code IOException}).
   */
  @SuppressWarnings("unchecked")
  private static <E extends Throwable> RuntimeException sneaky(Throwable e) throws E {
    throw (E) e;
  }
}
