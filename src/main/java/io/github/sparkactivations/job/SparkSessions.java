package io.github.sparkactivations.job;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Spark session setup for {@code run}: whether Spark is on the classpath at all, and the session a run
 * uses.
 */
final class SparkSessions {

  private SparkSessions() {}

  /**
   * Refuses {@code run} when Spark is not on the classpath ({@code java -jar} of the job jar, which
   * leaves Spark out as spark-submit provides it), before any class that needs Spark or its Jackson is
   * loaded.
   */
  static void requireSpark() {
    try {
      Class.forName("org.apache.spark.sql.SparkSession", false, ActivationJob.class.getClassLoader());
      Class.forName("com.fasterxml.jackson.databind.ObjectMapper", false, ActivationJob.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new ConfigException(null, null, "run needs Spark on the classpath, and the job jar leaves Spark out "
          + "(spark-submit provides it): spark-submit --class " + ActivationJob.class.getName()
          + " <job jar> run <config>; list and plot run without Spark");
    }
  }

  /**
   * The SparkSession of a run: an active one is reused (and left running), otherwise one is created
   * (and stopped at the end). The master of a created session is spark-submit's ({@code spark.master}
   * in the SparkConf / system properties), else the config's, else {@code local[*]}; config
   * {@code spark.conf} entries apply where spark-submit set nothing.
   */
  record SessionHandle(SparkSession spark, boolean owned) implements AutoCloseable {
    static SessionHandle obtain(JobConfig.SparkSection cfg) {
      scala.Option<SparkSession> active = SparkSession.getActiveSession();
      if (active.isEmpty()) {
        active = SparkSession.getDefaultSession();
      }
      if (active.isDefined() && !active.get().sparkContext().isStopped()) {
        return new SessionHandle(active.get(), false);
      }
      SparkConf conf = new SparkConf(true);
      boolean configMaster = false;
      if (!conf.contains("spark.master")) {
        configMaster = cfg.master() != null && !cfg.master().isBlank();
        if (configMaster && !isMasterUrl(cfg.master().trim())) {
          // refused here, before SparkContext logs the same error with a stack trace
          throw badMaster(cfg.master());
        }
        conf.setMaster(configMaster ? cfg.master().trim() : JobConfig.DEFAULT_MASTER);
      }
      if (!conf.contains("spark.app.name")) {
        conf.setAppName(cfg.appNameOrDefault());
      }
      for (Map.Entry<String, String> e : cfg.conf().entrySet()) {
        if (!conf.contains(e.getKey())) {
          conf.set(e.getKey(), e.getValue());
        }
      }
      try {
        return new SessionHandle(SparkSession.builder().config(conf).getOrCreate(), true);
      } catch (Exception e) {   // SparkException is checked for javac, but Scala throws it undeclared
        if (configMaster && JobPlan.innermost(e).contains("Master URL")) {
          throw badMaster(cfg.master());
        }
        throw e;
      }
    }

    private static ConfigException badMaster(String master) {
      return new ConfigException("spark.master", "'" + master.trim() + "' is not a Spark master URL this classpath "
          + "can run (e.g. local[*], local[4], spark://host:7077, yarn or k8s://https://host:6443 under spark-submit)");
    }

    /** Spark's own master URLs (SparkContext.createTaskScheduler), else one an external cluster manager takes. */
    static boolean isMasterUrl(String master) {
      if (MASTER.matcher(master).matches()) {
        return true;
      }
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      for (org.apache.spark.scheduler.ExternalClusterManager cm
          : java.util.ServiceLoader.load(org.apache.spark.scheduler.ExternalClusterManager.class,
              loader == null ? ActivationJob.class.getClassLoader() : loader)) {
        if (cm.canCreate(master)) {
          return true;
        }
      }
      return false;
    }

    private static final java.util.regex.Pattern MASTER = java.util.regex.Pattern.compile(
        "local|local\\[([0-9]+|\\*)]|local\\[([0-9]+|\\*)\\s*,\\s*[0-9]+]"
            + "|local-cluster\\[\\s*[0-9]+\\s*,\\s*[0-9]+\\s*,\\s*[0-9]+\\s*]|spark://.+");

    @Override
    public void close() {
      if (owned) {
        spark.stop();
      }
    }
  }
}
