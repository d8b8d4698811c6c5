package io.github.sparkactivations.job;

import io.github.sparkactivations.activation.Activation;
import io.github.sparkactivations.activation.Activations;
import io.github.sparkactivations.activation.ElementwiseActivation;
import io.github.sparkactivations.internal.Causes;
import io.github.sparkactivations.plot.ActivationChart;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The spark-submit entry point: {@code run <config>} runs the batch job, {@code list} lists the
 * activations, {@code plot} draws f and f'. Exit codes: 0 success, 1 runtime failure, 2 usage or
 * config error (one line {@code error: ...} on stderr).
 *
 * <pre>
 * spark-submit --class io.github.sparkactivations.job.ActivationJob spark-activations.jar run conf/digits.yaml
 * </pre>
 */
@Command(
    name = "spark-activations",
    mixinStandardHelpOptions = true,
    versionProvider = ActivationJob.Version.class,
    description = "Neural-network activations as a Spark batch job: read a dataset, apply activation and softmax "
        + "stages to its feature vectors, write the result atomically and report what happened.",
    subcommands = {ActivationJob.Run.class, ActivationJob.ListActivations.class, ActivationJob.Plot.class},
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

  // ---------------------------------------------------------------------------------------------

  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description = {
        "Runs the job described by a YAML config: read the input, assemble (and standardize) the features, apply "
            + "the stages, write the output atomically, print the report and save it as JSON next to the output.",
        "The master is the one spark-submit gives; otherwise the config's spark.master; otherwise local[*]."
      })
  static final class Run implements Callable<Integer> {
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

    @Override
    public Integer call() {
      long started = System.nanoTime();
      requireSpark();
      PrintWriter out = spec.commandLine().getOut();
      String source = config.toString();
      JobConfig cfg = ConfigLoader.load(config, sets);
      try {
        cfg.validate();
      } catch (ConfigException e) {
        throw e.withSource(source);
      }
      SessionHandle session;
      try {
        session = SessionHandle.obtain(cfg.spark());
      } catch (ConfigException e) {
        throw e.withSource(source);
      }
      try {
        JobPlan plan;
        try {
          plan = JobPlan.prepare(cfg, session.spark());
        } catch (ConfigException e) {
          throw e.withSource(source);
        }
        String note = plan.skippedColumnsNote();
        if (note != null) {
          out.println(note);
          out.flush();
        }
        if (dryRun) {
          out.print(plan.describe(source, session.spark().sparkContext().master()));
          out.flush();
          return OK;
        }
        JobReport report;
        try {
          report = JobRunner.run(plan, session.spark(), source, System.nanoTime() - started);
        } catch (Exception e) {   // SparkException is checked for javac, but Scala throws it undeclared
          String explained = JobRunner.explain(e, plan);
          if (explained == null) {
            explained = InputReader.explainReadFailure(e, cfg);
          }
          if (explained != null) {
            throw new RunFailure(source + ": " + explained, e);
          }
          throw e;
        }
        out.println();
        out.print(report.toTable());
        out.flush();
        return OK;
      } finally {
        session.close();
      }
    }
  }

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

  // ---------------------------------------------------------------------------------------------

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Lists every activation: its parameters with their defaults, whether it keeps sparse vectors "
          + "sparse (f(0) = 0), and its aliases. Row-wise functions apply to each whole row.")
  static final class ListActivations implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      out.print(listing());
      out.flush();
      return OK;
    }

    static String listing() {
      Map<String, List<String>> aliases = new TreeMap<>();
      for (Map.Entry<String, String> e : Activations.aliases().entrySet()) {
        aliases.computeIfAbsent(e.getValue(), k -> new ArrayList<>()).add(e.getKey());
      }
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"name", "parameters (defaults)", "keeps sparsity", "aliases"});
      for (String name : Activations.names()) {
        Activation a = Activations.parse(name);
        String params;
        if (a.params().isEmpty()) {
          params = "-";
        } else {
          List<String> ps = new ArrayList<>();
          for (Map.Entry<String, Object> p : a.params().entrySet()) {
            ps.add(p.getKey() + "=" + p.getValue());
          }
          params = String.join(", ", ps);
        }
        String sparse = a instanceof ElementwiseActivation e ? (e.preservesZero() ? "yes" : "no") : "row-wise";
        List<String> al = aliases.getOrDefault(name, List.of());
        rows.add(new String[] {name, params, sparse, al.isEmpty() ? "" : String.join(", ", al)});
      }
      int[] w = new int[4];
      for (String[] r : rows) {
        for (int i = 0; i < 4; i++) {
          w[i] = Math.max(w[i], r[i].length());
        }
      }
      StringWriter sw = new StringWriter();
      PrintWriter pw = new PrintWriter(sw);
      String fmt = "%-" + w[0] + "s  %-" + w[1] + "s  %-" + w[2] + "s  %s%n";
      for (int i = 0; i < rows.size(); i++) {
        String[] r = rows.get(i);
        pw.printf(Locale.ROOT, fmt, r[0], r[1], r[2], r[3]);
        if (i == 0) {
          pw.println("-".repeat(w[0] + w[1] + w[2] + w[3] + 6));
        }
      }
      pw.println();
      pw.println("Spec syntax: name or name(key=value, ...), e.g. leaky_relu(alpha=0.2), elu(alpha=0.5), "
          + "gelu(approximate=tanh).");
      pw.println("Row-wise functions (softmax, log_softmax, softmin, hardmax) normalise each whole row of a "
          + "vector: use them in an activation stage (without derivative), or a stage with type: softmax for "
          + "softmax or log_softmax with a temperature (temperature, logSoftmax).");
      pw.flush();
      return sw.toString().replaceAll("(?m) +$", "");
    }
  }

  // ---------------------------------------------------------------------------------------------

  @Command(
      name = "plot",
      mixinStandardHelpOptions = true,
      description = "Draws f (line) and f' (dots) of each activation over a range into a PNG, SVG, PDF or JPG file.",
      footer = {"", "Example: spark-activations plot sigmoid bipolar_sigmoid --out sigmoids.png"})
  static final class Plot implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "<spec>", description = "activation specs, e.g. relu 'elu(alpha=0.5)'")
    List<String> specs;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "<file>",
        description = "the image file; .png, .svg, .pdf or .jpg")
    Path out;

    @Option(names = "--from", defaultValue = "-5", description = "left end of the x range (default: ${DEFAULT-VALUE})")
    double from;

    @Option(names = "--to", defaultValue = "5", description = "right end of the x range (default: ${DEFAULT-VALUE})")
    double to;

    @Option(names = "--title", description = "chart title (default: the function names)")
    String title;

    @Option(names = "--no-derivative", description = "draw f only")
    boolean noDerivative;

    @Option(names = "--width", defaultValue = "1000", description = "width in pixels (default: ${DEFAULT-VALUE})")
    int width;

    @Option(names = "--height", defaultValue = "600", description = "height in pixels (default: ${DEFAULT-VALUE})")
    int height;

    @Override
    public Integer call() throws Exception {
      if (System.getProperty("java.awt.headless") == null) {
        System.setProperty("java.awt.headless", "true");
      }
      ActivationChart.Builder b = ActivationChart.builder()
          .range(from, to)
          .size(width, height)
          .derivatives(!noDerivative)
          .title(title);
      for (String s : specs) {
        b.add(s);
      }
      try {
        ActivationChart.save(b.build(), out);
      } catch (FileSystemException e) {
        // where the image cannot go is a usage error: nothing was written, another --out fixes it
        throw new ConfigException(null, "plot --out", "cannot write " + out + ": " + unwritable(out, e)
            + "; choose a writable --out");
      }
      spec.commandLine().getOut().println("wrote " + out);
      return OK;
    }
  }

  /** Why {@code out} cannot be written, in words: the file at fault and the reason the OS gave. */
  static String unwritable(Path out, FileSystemException e) {
    Path dir = out.toAbsolutePath().getParent();
    while (dir != null && !Files.exists(dir)) {
      dir = dir.getParent();
    }
    if (dir != null && !Files.isDirectory(dir)) {
      return dir + " is a file, not a directory";   // the OS says "Not a directory" of the path below it
    }
    String file = e.getFile();
    if (e instanceof AccessDeniedException) {
      return file + " is not writable (permission denied)";
    }
    if (e instanceof FileAlreadyExistsException) {
      return file + " exists and is not a directory";
    }
    if (e instanceof NotDirectoryException) {
      return file + " is not a directory";
    }
    if (e instanceof NoSuchFileException) {
      return file + " cannot be created there (no such file or directory)";
    }
    String reason = e.getReason() == null ? e.getClass().getSimpleName() : JobConfig.oneLine(e.getReason());
    return file == null ? reason : file + ": " + reason;
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
