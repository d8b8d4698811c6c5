package io.github.sparkactivations.job;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.when;

import io.github.sparkactivations.activation.RowwiseActivation;
import io.github.sparkactivations.job.JobConfig.ResolvedStage;
import io.github.sparkactivations.job.JobConfig.SoftmaxStage;
import io.github.sparkactivations.job.report.StageAccumulator;
import io.github.sparkactivations.job.report.StatisticsPass;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;

/**
 * The report's statistics of every stage's output column, computed in one distributed pass (see
 * {@link StatisticsPass}): counts, min, mean, max, dead and saturated fractions for the JSON report,
 * and the fixed-bin histograms the HTML report draws. Nothing is collected but the merged counters
 * and bins.
 */
final class StageStatistics {

  private static final ArrayType DOUBLES = DataTypes.createArrayType(DataTypes.DoubleType);

  private StageStatistics() {}

  /** Result of {@link #compute}: rows counted, the per-stage statistics, and everything the pass measured. */
  record Result(long rows, List<JobReport.StageStats> stages, StatisticsPass.Statistics details) {}

  /**
   * Computes the statistics of each stage's output over {@code data}, which holds every stage's input
   * and output column. A row the stage left null (a null input kept by {@code handleInvalid: keep})
   * counts in {@code nullRows} and adds no values; with no values at all, min, mean, max and the
   * fractions are null.
   */
  static Result compute(Dataset<Row> data, List<ResolvedStage> stages) {
    StatisticsPass.Statistics pass = StatisticsPass.compute(data, stages);
    List<JobReport.StageStats> result = new ArrayList<>();
    for (int i = 0; i < stages.size(); i++) {
      ResolvedStage s = stages.get(i);
      StageAccumulator a = pass.stages().get(i);
      long values = a.values();
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
          a.nullRows(),
          a.nan(),
          a.min(),
          a.mean(),
          a.max(),
          values == 0 ? null : (double) a.zeros() / values,
          values == 0 ? null : (double) a.saturated() / values,
          saturation));
    }
    return new Result(pass.rows(), result, pass);
  }

  /** A column of vectors, numeric arrays or numbers as {@code array<double>} (null stays null). */
  static Column asDoubles(Column c, DataType t) {
    if (t instanceof VectorUDT) {
      // vector_to_array fails on a null vector, and CaseWhen evaluates it only where the condition holds
      return when(c.isNotNull(), org.apache.spark.ml.functions.vector_to_array(c, "float64"));
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
