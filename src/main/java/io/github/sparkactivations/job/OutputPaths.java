package io.github.sparkactivations.job;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The job's paths checked before any data is read: the input exists; the output, report and model
 * neither overlap the input nor each other, can be created, and, with {@code output.mode: error}, do not
 * exist yet.
 */
final class OutputPaths {

  private OutputPaths() {}

  /**
   * @throws ConfigException (without source) naming the key at fault and the fix
   */
  static void check(Configuration hadoop, JobConfig config) {
    JobConfig.InputSection in = config.input();
    JobConfig.OutputSection out = config.output();
    if (!AtomicOutput.exists(hadoop, in.path())) {
      throw new ConfigException("input.path", in.path() + " does not exist");
    }
    checkTargets(hadoop, config);
    boolean overwrite = out.mode().equals("overwrite");
    if (!overwrite) {
      String hint = " and output.mode is error; delete it, choose another output.path, or --set output.mode=overwrite";
      if (AtomicOutput.exists(hadoop, out.path())) {
        throw new ConfigException("output.path", out.path() + " already exists" + hint);
      }
      if (AtomicOutput.exists(hadoop, config.reportPath())) {
        throw new ConfigException("report.path", config.reportPath() + " already exists" + hint);
      }
      if (AtomicOutput.exists(hadoop, config.htmlReportPath())) {
        throw new ConfigException("report.path", "the HTML report " + config.htmlReportPath() + " already exists" + hint);
      }
      if (config.model().path() != null && AtomicOutput.exists(hadoop, config.model().path())) {
        throw new ConfigException("model.path", config.model().path() + " already exists" + hint);
      }
    }
  }

  /**
   * The output, report and model paths, compared fully qualified ({@code ./a/} is {@code a}): none may
   * be, hold or lie inside the input (an overwrite would replace the input, or the next run would read
   * the output as input), nor lie inside one another; and each must be creatable, which is probed by
   * creating and deleting a hidden file in its nearest existing ancestor, so an unwritable location
   * fails here and not after the data was read and transformed.
   */
  private static void checkTargets(Configuration hadoop, JobConfig config) {
    Path input = qualify(hadoop, "input.path", config.input().path());
    Map<String, String> raw = new LinkedHashMap<>();
    raw.put("output.path", config.output().path());
    raw.put("report.path", config.reportPath());
    if (config.model().path() != null) {
      raw.put("model.path", config.model().path());
    }
    Map<String, Path> targets = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : raw.entrySet()) {
      String key = e.getKey();
      Path t = qualify(hadoop, key, e.getValue());
      if (t.equals(input)) {
        throw new ConfigException(key, e.getValue() + " is the input path; choose another " + key + " outside the input");
      }
      if (isAncestor(t, input)) {
        throw new ConfigException(key, e.getValue() + " contains the input " + config.input().path()
            + " and writing it would replace the input; choose another " + key + " outside the input");
      }
      if (isAncestor(input, t)) {
        throw new ConfigException(key, e.getValue() + " is inside the input directory " + config.input().path()
            + " (the next run would read it as input); choose another " + key + " outside the input");
      }
      for (Map.Entry<String, Path> earlier : targets.entrySet()) {
        Path o = earlier.getValue();
        if (t.equals(o) || isAncestor(t, o) || isAncestor(o, t)) {
          throw new ConfigException(key, e.getValue() + " overlaps " + earlier.getKey() + " "
              + raw.get(earlier.getKey()) + "; give each its own path, outside the other");
        }
      }
      targets.put(key, t);
    }
    for (Map.Entry<String, Path> e : targets.entrySet()) {
      checkCreatable(hadoop, e.getKey(), raw.get(e.getKey()), e.getValue());
    }
  }

  private static Path qualify(Configuration hadoop, String key, String path) {
    try {
      Path p = new Path(path);
      return p.getFileSystem(hadoop).makeQualified(p);
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException(key, "'" + path + "' is not a usable path: " + JobConfig.oneLine(e.getMessage()));
    }
  }

  /** Whether {@code a} is a proper ancestor of {@code b}. */
  private static boolean isAncestor(Path a, Path b) {
    for (Path p = b.getParent(); p != null; p = p.getParent()) {
      if (p.equals(a)) {
        return true;
      }
    }
    return false;
  }

  private static void checkCreatable(Configuration hadoop, String key, String raw, Path target) {
    try {
      FileSystem fs = target.getFileSystem(hadoop);
      Path dir = target.getParent();
      while (dir != null && !fs.exists(dir)) {
        dir = dir.getParent();
      }
      if (dir == null) {
        throw new ConfigException(key, "cannot create " + raw + ": no parent directory exists; choose another " + key);
      }
      if (!fs.getFileStatus(dir).isDirectory()) {
        throw new ConfigException(key, "cannot create " + raw + ": " + dir + " is a file, not a directory; choose another " + key);
      }
      FileSystem probeFs = fs instanceof ChecksumFileSystem c ? c.getRawFileSystem() : fs;
      Path probe = new Path(dir, "." + target.getName() + ".probe-" + UUID.randomUUID());
      try {
        probeFs.create(probe, false).close();
      } catch (IOException | RuntimeException e) {
        throw new ConfigException(key, "cannot create " + raw + ": " + dir + " is not writable ("
            + JobConfig.oneLine(e.getMessage()) + "); choose a writable " + key);
      } finally {
        try {
          probeFs.delete(probe, false);
        } catch (IOException ignored) {
          // nothing was created
        }
      }
    } catch (IOException e) {
      throw new ConfigException(key, "cannot check " + raw + ": " + JobConfig.oneLine(e.getMessage()));
    }
  }
}
