package io.github.sparkactivations.internal;

import io.github.sparkactivations.activation.ElementwiseActivation;
import io.github.sparkactivations.activation.RowwiseActivation;
import io.github.sparkactivations.activation.Softmin;
import java.io.Serializable;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;

/**
 * The math of one column function on one cell (a vector, an array's values or a number), built once on
 * the driver from a parsed activation and captured by the UDF closures: only the activation object and primitives are serialized to the
 * executors. {@link #dense} works in place: its callers own the array (the fresh copy that
 * {@code VectorUDT.deserialize} makes of every vector's values, or the array built from an
 * {@code array<double>} cell), so a dense row costs no allocation beyond Spark's own; a densified sparse
 * row allocates its dense output, and a sparse result whose computed values contain exact zeros the
 * compacted index/value arrays.
 */
public abstract class CellFunction implements Serializable {
  private static final long serialVersionUID = 1L;

  CellFunction() {}

  /**
   * f over a dense row, in place: overwrites {@code xs} (which the caller owns and no one else sees)
   * with f(xs) and returns it.
   */
  public abstract double[] dense(double[] xs);

  /** f over a sparse vector; sparse or dense output depending on whether f keeps zeros. */
  abstract Vector sparse(SparseVector v);

  /**
   * True if f of a sparse row is f of its stored values at their indices (elementwise g with
   * g(0) == 0): the row stays sparse. Otherwise use {@link #sparseToDense}.
   */
  public abstract boolean keepsSparse();

  /**
   * f of the sparse row {@code (size, indices[k], values[k]) for k < nnz} written into {@code out}, a
   * dense array of length exactly {@code size} that the caller owns.
   */
  public abstract void sparseToDense(int size, int[] indices, double[] values, int nnz, double[] out);

  /** f of one number (elementwise functions only). */
  public abstract double scalar(double x);

  /** True for elementwise functions: a null entry of an array maps to a null entry of the output. */
  public abstract boolean elementwise();

  /** An elementwise activation, or its derivative. */
  static final class Elementwise extends CellFunction {
    private static final long serialVersionUID = 1L;
    private final ElementwiseActivation fn;
    private final boolean derivative;
    /** g(0) == 0 for g = f or f' (both signs of zero): a sparse vector stays sparse. */
    private final boolean keepsSparse;

    Elementwise(ElementwiseActivation fn, boolean derivative) {
      this.fn = fn;
      this.derivative = derivative;
      this.keepsSparse =
          derivative
              ? fn.derivative(0.0) == 0.0 && fn.derivative(-0.0) == 0.0
              : fn.preservesZero();
    }

    @Override
    public double[] dense(double[] xs) {
      if (derivative) {
        fn.derivativeInPlace(xs);
      } else {
        fn.applyInPlace(xs);
      }
      return xs;
    }

    @Override
    Vector sparse(SparseVector v) {
      int[] indices = v.indices();
      double[] values = v.values();
      if (!keepsSparse) {
        double[] out = new double[v.size()];
        sparseToDense(v.size(), indices, values, values.length, out);
        return new DenseVector(out);
      }
      double[] out = dense(values); // in place: values is the fresh copy made by VectorUDT.deserialize
      int zeros = 0;
      for (double x : out) {
        if (x == 0.0) {
          zeros++;
        }
      }
      if (zeros == 0) {
        // the input's index array is a fresh copy made by VectorUDT.deserialize; share it
        return new SparseVector(v.size(), indices, out);
      }
      int nnz = out.length - zeros;
      int[] keptIndices = new int[nnz];
      double[] keptValues = new double[nnz];
      int j = 0;
      for (int k = 0; k < out.length; k++) {
        if (out[k] != 0.0) { // NaN != 0.0, so NaN entries are kept
          keptIndices[j] = indices[k];
          keptValues[j] = out[k];
          j++;
        }
      }
      return new SparseVector(v.size(), keptIndices, keptValues);
    }

    @Override
    public boolean keepsSparse() {
      return keepsSparse;
    }

    @Override
    public void sparseToDense(int size, int[] indices, double[] values, int nnz, double[] out) {
      fn.applySparseToDense(size, indices, values, nnz, out, derivative);
    }

    @Override
    public double scalar(double x) {
      return derivative ? fn.derivative(x) : fn.value(x);
    }

    @Override
    public boolean elementwise() {
      return true;
    }
  }

  /** A row-wise activation (softmax family) of {@code x / temperature}. */
  static final class Rowwise extends CellFunction {
    private static final long serialVersionUID = 1L;
    private final RowwiseActivation fn;
    private final double temperature;
    /** softmin is invariant to a shift by the row min rather than the max. */
    private final boolean byMin;

    /** @throws IllegalArgumentException if the temperature is not finite and > 0 */
    Rowwise(RowwiseActivation fn, double temperature) {
      Rules.requireTemperature(temperature);
      this.fn = fn;
      this.temperature = temperature;
      this.byMin = fn instanceof Softmin;
    }

    @Override
    public double[] dense(double[] xs) {
      scaleInPlace(xs, temperature, byMin); // no-op for t = 1
      fn.applyInPlace(xs);
      return xs;
    }

    @Override
    Vector sparse(SparseVector v) {
      // softmax of a sparse row is dense: every implicit zero becomes exp(-max) / sum
      double[] out = new double[v.size()];
      sparseToDense(v.size(), v.indices(), v.values(), v.values().length, out);
      return new DenseVector(out);
    }

    @Override
    public boolean keepsSparse() {
      return false;
    }

    @Override
    public void sparseToDense(int size, int[] indices, double[] values, int nnz, double[] out) {
      java.util.Arrays.fill(out, 0.0);
      for (int k = 0; k < nnz; k++) {
        out[indices[k]] = values[k];
      }
      dense(out);
    }

    /**
     * Replaces x by a row y with g(y) == g(x / t) for g = softmax, log_softmax, hardmax (and softmin
     * with {@code byMin}), without the overflow of x / t: for t >= 1, y = x / t, which cannot
     * overflow; for t < 1, y = (x - p) / t with p the row max (softmin: the min), the shift these
     * functions are invariant to, taken before the division so that a tiny t (1e-300,
     * Double.MIN_VALUE) gives the limit (the one-hot of the max, ties split evenly) instead of +-Inf
     * entries and a NaN row. A row with a NaN, or whose p is infinite (an infinite entry on the p side,
     * all entries infinite, empty), is left as is: its result does not depend on t.
     */
    static void scaleInPlace(double[] x, double t, boolean byMin) {
      if (t == 1.0) {
        return;
      }
      if (t > 1.0) {
        for (int i = 0; i < x.length; i++) {
          x[i] /= t;
        }
        return;
      }
      double p = byMin ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
      for (double xi : x) {
        if (xi != xi) {
          return;
        }
        p = byMin ? Math.min(p, xi) : Math.max(p, xi);
      }
      if (Double.isInfinite(p)) {
        return;
      }
      for (int i = 0; i < x.length; i++) {
        x[i] = (x[i] - p) / t;
      }
    }

    @Override
    public double scalar(double x) {
      throw new UnsupportedOperationException(fn.name() + " is row-wise and has no scalar form");
    }

    @Override
    public boolean elementwise() {
      return false;
    }
  }
}
