package io.github.sparkactivations.job;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_max;
import static org.apache.spark.sql.functions.array_min;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.github.sparkactivations.activation.ElementwiseActivation;
import io.github.sparkactivations.activation.Hardmax;
import io.github.sparkactivations.activation.LogSoftmax;
import io.github.sparkactivations.activation.RowwiseActivation;
import io.github.sparkactivations.job.JobConfig.ResolvedStage;
import io.github.sparkactivations.job.JobConfig.SoftmaxStage;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;
import scala.collection.Seq;

/**
 * The report's statistics of every stage's output column, computed in one distributed pass: a single
 * {@code agg} whose aggregate expressions cover all stages, over the values of each row seen as an
 * {@code array<double>} (vectors through {@code vector_to_array}, scalars as one-element arrays).
 * Nothing is collected but one row of aggregates.
 */
final class StageStatistics {

  private static final ArrayType DOUBLES = DataTypes.createArrayType(DataTypes.DoubleType);

  private StageStatistics() {}

  /** Result of {@link #compute}: rows counted and the per-stage statistics. */
  record Result(long rows, List<JobReport.StageStats> stages) {}

  /**
   * Computes the statistics of each stage's output over {@code data}, which holds every stage's input
   * and output column.
   */
  static Result compute(Dataset<Row> data, List<ResolvedStage> stages) {
    StructType schema = data.schema();
    List<Column> aggs = new ArrayList<>();
    aggs.add(count(lit(1)));
    for (ResolvedStage s : stages) {
      Column raw = data.col(quote(s.outputCol()));
      Column out = coalesce(asDoubles(raw, schema.apply(s.outputCol()).dataType()), array().cast(DOUBLES));
      Column notNan = filter(out, x -> not(isnan(x)));
      aggs.add(sum(when(raw.isNull(), 1L).otherwise(0L)));
      aggs.add(sum(size(out).cast("long")));
      aggs.add(sum(size(filter(out, x -> isnan(x))).cast("long")));
      aggs.add(min(array_min(notNan)));
      aggs.add(sum(aggregate(notNan, lit(0.0), (acc, x) -> acc.plus(x))));
      aggs.add(max(array_max(notNan)));
      aggs.add(sum(size(filter(out, x -> x.equalTo(0.0))).cast("long")));
      aggs.add(sum(saturatedCount(s, data, schema, out)));
    }
    Row r = data.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0])).head();

    List<JobReport.StageStats> result = new ArrayList<>();
    int k = 1;
    for (ResolvedStage s : stages) {
      long nullRows = r.isNullAt(k) ? 0 : r.getLong(k);
      long values = r.isNullAt(k + 1) ? 0 : r.getLong(k + 1);
      long nan = r.isNullAt(k + 2) ? 0 : r.getLong(k + 2);
      Double mn = r.isNullAt(k + 3) ? null : r.getDouble(k + 3);
      Double total = r.isNullAt(k + 4) ? null : r.getDouble(k + 4);
      Double mx = r.isNullAt(k + 5) ? null : r.getDouble(k + 5);
      long zeros = r.isNullAt(k + 6) ? 0 : r.getLong(k + 6);
      long saturated = r.isNullAt(k + 7) ? 0 : r.getLong(k + 7);
      k += 8;
      long finite = values - nan;
      Double mean = finite == 0 || total == null ? null : total / finite;
      if (finite == 0) {
        mn = null;
        mx = null;
      }
      String saturation =
          s.config() instanceof SoftmaxStage
              ? JobReport.SATURATION_SOFTMAX
              : s.activation() instanceof RowwiseActivation
                  ? JobReport.SATURATION_ROWWISE
                  : JobReport.SATURATION_ELEMENTWISE;
      result.add(new JobReport.StageStats(
          s.index(),
          s.config().type(),
          s.describe(),
          s.inputCol(),
          s.outputCol(),
          values,
          nullRows,
          nan,
          mn,
          mean,
          mx,
          values == 0 ? Double.NaN : (double) zeros / values,
          values == 0 ? Double.NaN : (double) saturated / values,
          saturation));
    }
    return new Result(r.getLong(0), result);
  }

  /** Per row: how many entries lie in the saturated zone (see {@link JobReport#SATURATION_BOUND}). */
  private static Column saturatedCount(ResolvedStage s, Dataset<Row> data, StructType schema, Column out) {
    double bound = JobReport.SATURATION_BOUND;
    if (s.activation() instanceof RowwiseActivation r) {
      double t = s.config() instanceof SoftmaxStage sm ? sm.temperature() : 1.0;
      return rowwiseSaturated(r, t, out, bound);
    }
    ElementwiseActivation f = JobConfig.elementwise(s);
    Column in = coalesce(
        asDoubles(data.col(quote(s.inputCol())), schema.apply(s.inputCol()).dataType()), array().cast(DOUBLES));
    UserDefinedFunction count = functions.udf(
        (UDF1<Seq<Object>, Long>) xs -> saturated(f, xs, bound), DataTypes.LongType);
    // rows the stage turned into null (handleInvalid=keep on a null input) have no values to count
    return when(data.col(quote(s.outputCol())).isNull(), 0L).otherwise(count.apply(in));
  }

  /**
   * Per row: entries whose Jacobian diagonal d y_i / d x_i of the row-wise function {@code fn} of
   * x/T is below {@code bound} in magnitude, from the output y alone: y(1-y)/T for softmax and softmin
   * (-y(1-y)/T), (1-exp(y))/T for log_softmax, 0 for hardmax. NaN entries never count.
   */
  private static Column rowwiseSaturated(RowwiseActivation fn, double t, Column out, double bound) {
    if (fn instanceof Hardmax) {
      return size(filter(out, o -> not(isnan(o)))).cast("long");
    }
    if (fn instanceof LogSoftmax) {
      return size(filter(out, o -> abs(lit(1.0).minus(exp(o)).divide(t)).lt(bound))).cast("long");
    }
    // Softmax, Softmin
    return size(filter(out, o -> abs(o.multiply(lit(1.0).minus(o)).divide(t)).lt(bound))).cast("long");
  }

  private static long saturated(ElementwiseActivation f, Seq<Object> xs, double bound) {
    if (xs == null) {
      return 0L;
    }
    long n = 0;
    int len = xs.length();
    for (int i = 0; i < len; i++) {
      Object o = xs.apply(i);
      if (o != null && Math.abs(f.derivative(((Number) o).doubleValue())) < bound) {
        n++;
      }
    }
    return n;
  }

  /** A column of vectors, numeric arrays or numbers as {@code array<double>} (null stays null). */
  static Column asDoubles(Column c, DataType t) {
    if (t instanceof VectorUDT) {
      return org.apache.spark.ml.functions.vector_to_array(c, "float64");
    }
    if (t instanceof ArrayType) {
      return c.cast(DOUBLES);
    }
    if (t instanceof NumericType) {
      return when(c.isNotNull(), array(c.cast(DataTypes.DoubleType)));
    }
    throw new IllegalArgumentException("column of type " + t.simpleString() + " has no numeric values");
  }

  /** Backticks a column name so dots and spaces in it are taken literally. */
  static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
