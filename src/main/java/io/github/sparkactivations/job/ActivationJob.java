package io.github.sparkactivations.job;

import io.github.sparkactivations.internal.Causes;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The spark-submit entry point: {@code run <config>} runs the batch job, {@code list} lists the
 * activations, {@code plot} draws f and f'. Exit codes: 0 success, 1 runtime failure, 2 usage or
 * config error (one line {@code error: ...} on stderr).
 *
 * <pre>
 * spark-submit --class io.github.sparkactivations.job.ActivationJob spark-activations-spark3.5_2.12.jar run conf/digits.yaml
 * </pre>
 */
@Command(
    name = "spark-activations",
    mixinStandardHelpOptions = true,
    versionProvider = ActivationJob.Version.class,
    description = "Neural-network activations as a Spark batch job: read a dataset, apply activation and softmax "
        + "stages to its feature vectors, write the result atomically and report what happened.",
    subcommands = {RunCommand.class, ListCommand.class, PlotCommand.class},
    footer = {"", "Exit codes: 0 ok, 1 the run failed, 2 bad usage or config.",
        "Example: spark-activations run conf/digits.yaml --set output.mode=overwrite"})
public final class ActivationJob implements Callable<Integer> {

  /** Exit code of a successful command. */
  public static final int OK = 0;
  /** Exit code when a run fails at runtime (I/O, a task failure, invalid data with handleInvalid=error). */
  public static final int FAILED = 1;
  /** Exit code of a usage or configuration error (found before any data is touched). */
  public static final int BAD_CONFIG = 2;

  @Spec CommandSpec spec;

  /** Runs the command line and exits the JVM with its exit code. */
  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line on System.out/System.err and returns the exit code (no System.exit). */
  public static int execute(String... args) {
    return execute(System.out, System.err, args);
  }

  /** Runs the command line with the given streams and returns the exit code (no System.exit). */
  public static int execute(PrintStream out, PrintStream err, String... args) {
    PrintWriter o = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    PrintWriter e = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    try {
      return commandLine(o, e).execute(args);
    } catch (LinkageError le) {
      // a class missing from the classpath (a jar of the wrong Spark or Scala line): one line, not a trace
      e.println("error: " + JobConfig.oneLine(le.getClass().getSimpleName() + ": " + le.getMessage())
          + " (a class is missing from the classpath: submit the job jar with spark-submit of a supported Spark)");
      return FAILED;
    } finally {
      o.flush();
      e.flush();
    }
  }

  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new ActivationJob());
    cl.setOut(out);
    cl.setErr(err);
    cl.setParameterExceptionHandler((ex, args) -> {
      CommandLine c = ex.getCommandLine();
      c.getErr().println("error: " + JobConfig.oneLine(ex.getMessage()));
      c.getErr().println("usage: " + c.getCommandSpec().qualifiedName() + " --help");
      return BAD_CONFIG;
    });
    cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
      if (ex instanceof ConfigException ce) {
        c.getErr().println("error: " + ce.oneLine());
        return BAD_CONFIG;
      }
      if (ex instanceof IllegalArgumentException) {
        c.getErr().println("error: " + JobConfig.oneLine(ex.getMessage()));
        return BAD_CONFIG;
      }
      String failed = c.getCommandSpec().name() + " failed: ";
      c.getErr().println("error: " + (ex instanceof RunFailure ? failed + ex.getMessage() : failed + runtimeMessage(ex)));
      if (isStacktrace(parseResult)) {
        ex.printStackTrace(c.getErr());
      } else {
        c.getErr().println("(run again with --stacktrace for the full trace)");
      }
      return FAILED;
    });
    return cl;
  }

  private static boolean isStacktrace(CommandLine.ParseResult pr) {
    CommandLine.ParseResult p = pr;
    while (p != null) {
      if (p.hasMatchedOption("--stacktrace")) {
        return true;
      }
      p = p.subcommand();
    }
    return false;
  }

  /**
   * One line for a runtime failure (printed after {@code <command> failed: }): the innermost cause,
   * which is the one that names the problem.
   */
  static String runtimeMessage(Throwable ex) {
    Throwable root = Causes.root(ex);
    String best = Causes.innermostWithMessage(ex).getMessage();
    String first = best == null ? root.getClass().getName() : best.strip().split("\\R", 2)[0];
    return root.getClass().getSimpleName() + ": " + first;
  }

  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command: run, list or plot");
  }

  /**
   * A runtime failure (exit 1) whose message is already the one line to print after {@code run failed: },
   * naming the config key that decides it; the cause is kept for {@code --stacktrace}.
   */
  static final class RunFailure extends RuntimeException {
    RunFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The version from the jar manifest, when there is one. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = ActivationJob.class.getPackage().getImplementationVersion();
      return new String[] {"spark-activations " + (v == null ? "(development build)" : v)};
    }
  }
}
