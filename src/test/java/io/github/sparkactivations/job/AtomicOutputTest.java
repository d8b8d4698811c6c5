package io.github.sparkactivations.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Temporary siblings left by runs that died ({@code kill -9} of a real second JVM) are removed by the
 * next run on the same output, and those of runs still alive (in another process or in this one) are
 * never touched; the previous output stays byte-identical throughout.
 */
class AtomicOutputTest {

  @TempDir Path tmp;
  private Path target;
  private TreeSnapshot prior;

  @BeforeEach
  void priorOutput() throws IOException {
    target = tmp.resolve("out/acts");
    Files.createDirectories(target);
    Files.writeString(target.resolve("part-0"), "previous output");
    prior = TreeSnapshot.of(target);
  }

  @Test
  void aKilledRunsSiblingIsKeptWhileItLivesAndRemovedByTheNextRunAfterKillMinus9() throws Exception {
    Process holder = startHolder();
    try {
      Path held = Path.of(readLine(holder));
      assertTrue(Files.isRegularFile(held.resolve("part-0")), "the holder wrote into its temporary sibling");
      // a run while the holder lives leaves the holder's sibling and lock alone
      try (AtomicOutput run = AtomicOutput.begin(new Configuration(), target.toString(), true)) {
        assertTrue(Files.isRegularFile(held.resolve("part-0")), "a live run's sibling was removed");
        assertTrue(Files.exists(Path.of(held + ".lock")), "a live run's lock file was removed");
      }
      holder.destroyForcibly();   // SIGKILL: no shutdown hook, no cleanup
      assertTrue(holder.waitFor(60, TimeUnit.SECONDS));
      assertTrue(Files.isDirectory(held), "kill -9 leaves the sibling behind");
      try (AtomicOutput run = AtomicOutput.begin(new Configuration(), target.toString(), true)) {
        assertFalse(Files.exists(held), "the dead run's sibling is removed");
        assertFalse(Files.exists(Path.of(held + ".lock")), "the dead run's lock file is removed");
      }
      assertEquals(List.of("acts"), hiddenOrNot(), "nothing but the output is left");
      assertEquals(prior, TreeSnapshot.of(target), "the previous output is byte-identical");
    } finally {
      holder.destroyForcibly();
    }
  }

  @Test
  void twoRunsInOneJvmNeverRemoveEachOthersSiblings() throws IOException {
    AtomicOutput a = AtomicOutput.begin(new Configuration(), target.toString(), true);
    Path aTmp = Path.of(a.temporary().toUri());
    Files.createDirectories(aTmp);
    Files.writeString(aTmp.resolve("part-0"), "run a");
    try (AtomicOutput b = AtomicOutput.begin(new Configuration(), target.toString(), true)) {
      assertTrue(Files.isRegularFile(aTmp.resolve("part-0")), "b removed a's sibling");
      Path bTmp = Path.of(b.temporary().toUri());
      Files.createDirectories(bTmp);
      Files.writeString(bTmp.resolve("part-0"), "run b");
      a.commit();
      a.close();
      assertEquals("run a", Files.readString(target.resolve("part-0")));
      assertTrue(Files.isRegularFile(bTmp.resolve("part-0")), "a's commit removed b's sibling");
    }
    assertEquals(List.of("acts"), hiddenOrNot(), "b, not committed, removed its own sibling and lock");
  }

  @Test
  void siblingsOfAVersionWithoutLocksAreRemovedAndAnInterruptedSwitchIsUndone() throws IOException {
    Path oldTmp = tmp.resolve("out/.acts.tmp-" + UUID.randomUUID());
    Files.createDirectories(oldTmp);
    Files.writeString(oldTmp.resolve("part-0"), "63 MB in the trial");
    Path unrelated = Files.writeString(tmp.resolve("out/.other.tmp-" + UUID.randomUUID()), "not ours");
    try (AtomicOutput run = AtomicOutput.begin(new Configuration(), target.toString(), true)) {
      assertFalse(Files.exists(oldTmp), "a lock-less leftover is removed");
      assertTrue(Files.exists(unrelated), "another target's sibling is not touched");
    }
    // a run killed between moving the old output aside and moving the new one in: the backup is the output
    Path backup = tmp.resolve("out/.acts.old-" + UUID.randomUUID());
    Files.move(target, backup);
    try (AtomicOutput run = AtomicOutput.begin(new Configuration(), target.toString(), true)) {
      assertFalse(Files.exists(backup));
    }
    assertEquals(prior, TreeSnapshot.of(target), "the previous output is back in place, byte-identical");
  }

  private Process startHolder() throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        AtomicOutputHolder.class.getName(), target.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  private static String readLine(Process p) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line = r.readLine();
    assertTrue(line != null, "the holder process ended before writing");
    return line;
  }

  private List<String> hiddenOrNot() throws IOException {
    try (Stream<Path> s = Files.list(tmp.resolve("out"))) {
      return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".other")).sorted().toList();
    }
  }
}
