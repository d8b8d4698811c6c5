package io.github.sparkactivations.job;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.StructField;

/** What {@code run --dry-run} prints: the checked plan, from input to written columns, report and model. */
final class DryRun {

  private DryRun() {}

  /** The plan as printed by {@code run --dry-run}. */
  static String describe(JobPlan plan, String source, String master) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("config %s is valid (master %s)%n", source, master));
    sb.append(String.format("  input   %s (%s), %d columns%n", plan.config.input().path(), plan.config.input().format(),
        plan.input.schema().size()));
    if (!plan.featureColumns.isEmpty()) {
      sb.append(String.format("  features %d columns -> %s%s%n", plan.featureColumns.size(),
          plan.config.features().outputColOrDefault(), plan.config.features().standardize() ? " (standardized)" : ""));
    }
    for (JobConfig.ResolvedStage s : plan.stages) {
      sb.append(String.format("  %s %-30s %s -> %s%n", s.key(), s.describe(), s.inputCol(), s.outputCol()));
    }
    sb.append(String.format("  output  %s (%s, mode %s): ", plan.config.output().path(), plan.config.output().format(),
        plan.config.output().mode()));
    List<String> cols = new ArrayList<>();
    for (StructField f : JobRunner.writtenSchema(plan).fields()) {
      cols.add(f.name() + ":" + f.dataType().simpleString());
    }
    sb.append(String.join(", ", cols)).append(String.format("%n"));
    sb.append(String.format("  report  %s%n", plan.config.reportPath()));
    if (plan.config.model().path() != null) {
      sb.append(String.format("  model   %s%n", plan.config.model().path()));
    }
    return sb.toString();
  }
}
