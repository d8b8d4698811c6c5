package io.github.sparkactivations.cluster;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;

/** Harness self-test application: relu of the dense column, as a user jar would ship it. */
public final class ClusterSmokeApp {
  public static void main(String[] args) {
    SparkSession spark = SparkSession.builder().getOrCreate();
    var relu = udf((UDF1<Vector, Vector>) v -> {
      double[] x = v.toArray();
      for (int i = 0; i < x.length; i++) {
        x[i] = Math.max(0.0, x[i]);
      }
      return Vectors.dense(x);
    }, SQLDataTypes.VectorType());
    spark.read().parquet(args[0]).select(col("id"), relu.apply(col("dense")).as("act"), col("sparse"))
        .write().parquet(args[1]);
    spark.stop();
  }
}
