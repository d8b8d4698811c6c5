package io.github.sparkactivations.job;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;

/**
 * A run in a process of its own, for tests: begins an {@link AtomicOutput} at {@code args[0]}, writes a
 * file into its temporary sibling, prints the sibling's path and then waits (for a {@code kill -9}, or
 * for stdin to close, when it ends without committing).
 */
public final class AtomicOutputHolder {

  private AtomicOutputHolder() {}

  public static void main(String[] args) throws Exception {
    AtomicOutput out = AtomicOutput.begin(new Configuration(), args[0], true);
    Path tmp = Path.of(out.temporary().toUri());
    Files.createDirectories(tmp);
    Files.writeString(tmp.resolve("part-0"), "half-written", StandardCharsets.UTF_8);
    System.out.println(tmp);
    System.out.flush();
    while (System.in.read() >= 0) {
      // wait
    }
    out.close();
  }
}
