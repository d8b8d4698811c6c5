package io.github.sparkactivations.job;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code run <config>}: loads the config with its {@code --set} overrides, validates it once, takes the
 * Spark session, checks the plan against the input schema ({@code --dry-run} stops here), runs the job and
 * prints the report.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the job described by a YAML config: read the input, assemble (and standardize) the features, apply "
          + "the stages, write the output atomically, print the report and save it as JSON next to the output.",
      "The master is the one spark-submit gives; otherwise the config's spark.master; otherwise local[*]."
    })
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<config>", description = "the job config (YAML), e.g. conf/digits.yaml")
  Path config;

  @Option(
      names = "--set",
      paramLabel = "key=value",
      description = "override a config key (repeatable), e.g. --set output.mode=overwrite, "
          + "--set stages[0].activation='elu(alpha=0.5)', --set spark.conf.spark.sql.shuffle.partitions=8")
  List<String> sets = new ArrayList<>();

  @Option(names = "--dry-run", description = "validate the config against the input schema and print the plan; "
      + "reads no data and writes nothing")
  boolean dryRun;

  @Option(names = "--stacktrace", description = "print the full stack trace of a failure")
  boolean stacktrace;

  @Option(names = "--quiet", description = "print no progress while the job runs (phase, tasks, rows, time: one "
      + "line updated in place on a terminal, a line per phase and at most one every 10 s in a log)")
  boolean quiet;

  @Override
  public Integer call() {
    long started = System.nanoTime();
    SparkSessions.requireSpark();
    PrintWriter out = spec.commandLine().getOut();
    String source = config.toString();
    JobConfig cfg = ConfigLoader.load(config, sets);
    List<JobConfig.ResolvedStage> stages;
    try {
      stages = cfg.validate();   // the only validation of the config itself; the plan builds on its result
    } catch (ConfigException e) {
      throw e.withSource(source);
    }
    SparkSessions.SessionHandle session;
    try {
      session = SparkSessions.SessionHandle.obtain(cfg.spark());
    } catch (ConfigException e) {
      throw e.withSource(source);
    }
    try {
      JobPlan plan;
      try {
        plan = JobPlan.prepare(cfg, stages, session.spark());
      } catch (ConfigException e) {
        throw e.withSource(source);
      }
      String note = plan.skippedColumnsNote();
      if (note != null) {
        out.println(note);
        out.flush();
      }
      if (dryRun) {
        out.print(DryRun.describe(plan, source, session.spark().sparkContext().master()));
        out.flush();
        return ActivationJob.OK;
      }
      JobReport report;
      try {
        try (RunProgress progress = RunProgress.start(
            session.spark().sparkContext(), out, RunProgress.mode(quiet), started)) {
          report = JobRunner.run(plan, session.spark(), source, System.nanoTime() - started, progress);
        }
      } catch (Exception e) {   // SparkException is checked for javac, but Scala throws it undeclared
        String explained = JobRunner.explain(e, plan);
        if (explained == null) {
          explained = InputReader.explainReadFailure(e, cfg);
        }
        if (explained != null) {
          throw new ActivationJob.RunFailure(source + ": " + explained, e);
        }
        throw e;
      }
      out.println();
      out.print(report.toTable());
      out.flush();
      return ActivationJob.OK;
    } finally {
      session.close();
    }
  }
}
