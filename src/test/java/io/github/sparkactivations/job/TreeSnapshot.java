package io.github.sparkactivations.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every file and directory under a root, hidden ones included, with each file's bytes: two snapshots
 * are equal only if nothing was added, removed or changed (a prior output byte-identical after a failed
 * run, no temporary sibling left behind).
 */
record TreeSnapshot(Map<String, String> entries) {

  static TreeSnapshot of(Path root) {
    Map<String, String> m = new TreeMap<>();
    if (!Files.exists(root)) {
      return new TreeSnapshot(m);
    }
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        String rel = root.relativize(p).toString();
        m.put(rel.isEmpty() ? "." : rel,
            Files.isDirectory(p) ? "<dir>" : Base64.getEncoder().encodeToString(Files.readAllBytes(p)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new TreeSnapshot(m);
  }

  @Override
  public String toString() {
    return String.join(", ", entries.keySet());
  }
}
