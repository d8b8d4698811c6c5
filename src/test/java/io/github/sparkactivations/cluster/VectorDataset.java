package io.github.sparkactivations.cluster;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import java.util.SplittableRandom;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;

/**
 * The generated input of the cluster tests: {@code id} (0..rows-1), a {@code dense} vector column and
 * a {@code sparse} vector column, both of size {@code dim}, written as parquet in a fixed number of
 * files (so the job reads it in that many tasks).
 *
 * <p>Each row depends only on its id (a {@link SplittableRandom} seeded from it), never on the
 * partitioning: values mostly uniform in [-6, 6], with exact zeros, negative zeros and large
 * magnitudes (|x| in [20, 60], where sigmoid/tanh saturate) mixed in; sparse rows hold 0 to 6 stored
 * entries (the empty vector included).
 */
public final class VectorDataset {

  private VectorDataset() {}

  static void write(SparkSession spark, String path, long rows, int partitions, int dim) {
    UserDefinedFunction dense = udf((UDF1<Long, Vector>) id -> denseRow(id, dim),
        SQLDataTypes.VectorType());
    UserDefinedFunction sparse = udf((UDF1<Long, Vector>) id -> sparseRow(id, dim),
        SQLDataTypes.VectorType());
    spark.range(0, rows, 1, partitions).toDF("id")
        .withColumn("dense", dense.apply(col("id")))
        .withColumn("sparse", sparse.apply(col("id")))
        .write().mode("error").parquet(path);
  }

  public static Vector denseRow(long id, int dim) {
    SplittableRandom r = new SplittableRandom(0x5EED_0000L ^ (id * 0x9E3779B97F4A7C15L));
    double[] v = new double[dim];
    for (int i = 0; i < dim; i++) {
      v[i] = value(r);
    }
    return Vectors.dense(v);
  }

  public static Vector sparseRow(long id, int dim) {
    SplittableRandom r = new SplittableRandom(0xC0FFEEL ^ (id * 0xBF58476D1CE4E5B9L));
    int nnz = r.nextInt(Math.min(7, dim + 1));
    int[] indices = r.ints(0, dim).distinct().limit(nnz).sorted().toArray();
    double[] values = new double[indices.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = value(r);
    }
    return Vectors.sparse(dim, indices, values);
  }

  private static double value(SplittableRandom r) {
    double u = r.nextDouble();
    if (u < 0.04) {
      return 0.0;
    } else if (u < 0.05) {
      return -0.0;
    } else if (u < 0.08) {
      return (r.nextBoolean() ? 1 : -1) * r.nextDouble(20.0, 60.0);
    }
    return r.nextDouble(-6.0, 6.0);
  }
}
