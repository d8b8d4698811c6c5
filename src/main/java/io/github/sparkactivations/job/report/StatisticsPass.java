package io.github.sparkactivations.job.report;

import io.github.sparkactivations.job.JobConfig.ResolvedStage;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import scala.collection.Seq;

/**
 * Every statistic of the run report in one distributed pass over the result: each partition fills one
 * {@link Statistics} (counters and fixed-bin histograms, see {@link BinRanges}), the partitions' are
 * merged by {@code treeAggregate}, and only that merged object reaches the driver. Memory is flat in
 * the number of rows.
 */
public final class StatisticsPass {

  /**
   * Name of the accumulator counting the rows the pass has measured, which a progress listener can
   * read from each finished task.
   */
  public static final String ROWS_ACCUMULATOR = "spark-activations: rows measured";

  private StatisticsPass() {}

  /** The merged statistics: rows, one accumulator per stage, one per gradient chain. */
  public static final class Statistics implements Serializable {
    private static final long serialVersionUID = 1L;
    long rows;
    final List<StageAccumulator> stages;
    final List<GradientChain> chains;

    Statistics(List<StageProbe> probes) {
      this.stages = probes.stream().map(StageAccumulator::new).toList();
      this.chains = GradientChain.chains(probes);
    }

    /** Rows seen. */
    public long rows() {
      return rows;
    }

    /** One accumulator per stage, in config order. */
    public List<StageAccumulator> stages() {
      return stages;
    }

    /** One accumulator per gradient chain, see {@link GradientChain#chains}. */
    public List<GradientChain> chains() {
      return chains;
    }

    Statistics merge(Statistics o) {
      rows += o.rows;
      for (int i = 0; i < stages.size(); i++) {
        stages.get(i).merge(o.stages.get(i));
      }
      for (int i = 0; i < chains.size(); i++) {
        chains.get(i).merge(o.chains.get(i));
      }
      return this;
    }
  }

  /**
   * Computes the statistics of every stage over {@code data}, which holds every stage's input and output
   * column (vectors, numeric arrays or numbers).
   */
  public static Statistics compute(Dataset<Row> data, List<ResolvedStage> stages) {
    List<StageProbe> probes = stages.stream().map(StageProbe::of).toList();
    StructType schema = data.schema();
    Map<String, Integer> columns = new LinkedHashMap<>();
    for (StageProbe p : probes) {
      columns.putIfAbsent(p.inputCol(), schema.fieldIndex(p.inputCol()));
      columns.putIfAbsent(p.outputCol(), schema.fieldIndex(p.outputCol()));
    }
    List<String> names = new ArrayList<>(columns.keySet());
    int[] fields = columns.values().stream().mapToInt(Integer::intValue).toArray();
    int[][] stageCols = new int[probes.size()][];
    for (int s = 0; s < probes.size(); s++) {
      stageCols[s] = new int[] {names.indexOf(probes.get(s).inputCol()), names.indexOf(probes.get(s).outputCol())};
    }
    Statistics zero = new Statistics(probes);
    int[][] chainCols = new int[zero.chains.size()][];
    for (int c = 0; c < chainCols.length; c++) {
      chainCols[c] = zero.chains.get(c).stages().stream().mapToInt(p -> p.index()).map(i -> indexOf(probes, i)).toArray();
    }
    int depth = 2;
    LongAccumulator seen = data.sparkSession().sparkContext().longAccumulator(ROWS_ACCUMULATOR);
    return data.javaRDD().treeAggregate(zero, (acc, row) -> {
      seen.add(1);
      double[][] values = new double[fields.length][];
      for (int i = 0; i < fields.length; i++) {
        values[i] = doubles(row, fields[i]);
      }
      acc.rows++;
      for (int s = 0; s < stageCols.length; s++) {
        acc.stages.get(s).add(values[stageCols[s][0]], values[stageCols[s][1]]);
      }
      for (int c = 0; c < chainCols.length; c++) {
        int[] chain = chainCols[c];
        double[][] in = new double[chain.length][];
        double[][] out = new double[chain.length][];
        for (int k = 0; k < chain.length; k++) {
          in[k] = values[stageCols[chain[k]][0]];
          out[k] = values[stageCols[chain[k]][1]];
        }
        acc.chains.get(c).add(in, out);
      }
      return acc;
    }, Statistics::merge, depth);
  }

  private static int indexOf(List<StageProbe> probes, int stageIndex) {
    for (int i = 0; i < probes.size(); i++) {
      if (probes.get(i).index() == stageIndex) {
        return i;
      }
    }
    throw new IllegalStateException("no stage " + stageIndex);
  }

  /**
   * The values of one cell as doubles: a vector's entries (a sparse vector's zeros included), a numeric
   * array's elements (a null element as NaN), a number as one value; null for a null cell.
   */
  static double[] doubles(Row row, int i) {
    if (row.isNullAt(i)) {
      return null;
    }
    Object o = row.get(i);
    if (o instanceof Vector v) {
      return v.toArray();
    }
    if (o instanceof Number n) {
      return new double[] {n.doubleValue()};
    }
    if (o instanceof Seq<?> seq) {
      double[] d = new double[seq.length()];
      for (int k = 0; k < d.length; k++) {
        Object e = seq.apply(k);
        d[k] = e == null ? Double.NaN : ((Number) e).doubleValue();
      }
      return d;
    }
    throw new IllegalArgumentException("a column of " + o.getClass().getSimpleName() + " has no numeric values");
  }
}
