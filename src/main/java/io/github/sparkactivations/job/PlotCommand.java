package io.github.sparkactivations.job;

import io.github.sparkactivations.plot.ActivationChart;
import io.github.sparkactivations.plot.ActivationGrid;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code plot}: f and f' of activation specs drawn into an image file. */
@Command(
    name = "plot",
    mixinStandardHelpOptions = true,
    description = "Draws f (line) and f' (dots) of each activation over a range into a PNG, SVG, PDF or JPG file.",
    footer = {"", "Example: spark-activations plot sigmoid bipolar_sigmoid --out sigmoids.png"})
final class PlotCommand implements Callable<Integer> {
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

  @Option(names = "--title", description = "chart title (default: the function names); overlay layout only")
  String title;

  @Option(names = "--layout", defaultValue = "overlay", paramLabel = "overlay|grid",
      description = "overlay: every function on one chart; grid: one panel per function with its f and f', "
          + "up to 3 a row, --width x --height each (default 480 x 340 in a grid); .png or .jpg "
          + "(default: ${DEFAULT-VALUE})")
  String layout;

  @Option(names = "--no-derivative", description = "draw f only (in either layout)")
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
    if (layout.equals("grid")) {
      return grid();
    }
    if (!layout.equals("overlay")) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--layout: '" + layout + "' is not a layout (allowed: overlay, grid)");
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
    return ActivationJob.OK;
  }

  private int grid() throws Exception {
    CommandLine.ParseResult pr = spec.commandLine().getParseResult();
    int w = pr.hasMatchedOption("--width") ? width : 480;
    int h = pr.hasMatchedOption("--height") ? height : 340;
    try {
      ActivationGrid.save(ActivationGrid.panels(specs, from, to, w, h, !noDerivative), out);
    } catch (FileSystemException e) {
      throw new ConfigException(null, "plot --out", "cannot write " + out + ": " + unwritable(out, e)
          + "; choose a writable --out");
    }
    spec.commandLine().getOut().println("wrote " + out);
    return ActivationJob.OK;
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
}
