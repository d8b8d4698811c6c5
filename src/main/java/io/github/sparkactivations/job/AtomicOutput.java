package io.github.sparkactivations.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Writes one output (a directory or a file) so that readers see either the old complete output or the
 * new complete output, never a half-written one, and a failed run leaves nothing behind.
 *
 * <pre>{@code
 * try (AtomicOutput out = AtomicOutput.begin(hadoopConf, "target/out/digits", true)) {
 *   df.write().parquet(out.temporary().toString());   // a hidden sibling: .digits.tmp-<uuid>
 *   out.commit();                                      // rename into place
 * }                                                    // not committed: the sibling is deleted
 * }</pre>
 *
 * <p>{@link #commit()} renames the temporary sibling onto the target. With {@code overwrite}, an
 * existing target is first renamed to a hidden backup sibling, the new output renamed into place, and
 * only then the backup deleted; if the second rename fails the backup is renamed back. Renames within
 * one directory are atomic on HDFS and local file systems; on object stores ({@code s3a:}) a rename
 * is a copy, so the switch is not atomic there, but the old output is still untouched until the new
 * one is complete.
 *
 * <p>A run killed outright ({@code kill -9}, a lost machine) cannot remove its temporary sibling. On the
 * local file system each run therefore holds a {@link RunLock} next to its sibling, and {@link #begin}
 * removes the siblings of the same target whose lock no live run holds (and those of job versions
 * without locks); a backup sibling whose run died between the two renames of a switch is renamed back
 * onto the target when the target is missing. Two concurrent runs on one output never touch each other's
 * siblings. On other file systems leftovers are left alone.
 */
public final class AtomicOutput implements AutoCloseable {

  private final FileSystem fs;
  private final Path target;
  private final Path temporary;
  private final boolean overwrite;
  /** The topmost parent directory {@link #begin} created, or null: removed again if left empty. */
  private final Path createdParent;
  /** This run's liveness mark on a local file system, else null. */
  private final RunLock lock;
  private final String id;
  private boolean committed;

  private AtomicOutput(FileSystem fs, Path target, Path temporary, boolean overwrite, Path createdParent,
      RunLock lock, String id) {
    this.fs = fs;
    this.target = target;
    this.temporary = temporary;
    this.overwrite = overwrite;
    this.createdParent = createdParent;
    this.lock = lock;
    this.id = id;
  }

  /**
   * Starts an atomic output at {@code path}: creates the parent directory if needed and reserves a
   * hidden temporary sibling {@code <parent>/.<name>.tmp-<uuid>} (not yet created).
   *
   * @param overwrite replace an existing target on commit; if false, commit fails when it exists
   */
  public static AtomicOutput begin(Configuration conf, String path, boolean overwrite) {
    try {
      Path p = new Path(path);
      FileSystem fs = p.getFileSystem(conf);
      Path target = fs.makeQualified(p);
      Path parent = target.getParent();
      if (parent == null) {
        throw new IllegalArgumentException("output path " + path + " has no parent directory");
      }
      Path created = null;
      for (Path p2 = parent; p2 != null && !fs.exists(p2); p2 = p2.getParent()) {
        created = p2;
      }
      fs.mkdirs(parent);
      String id;
      RunLock lock = null;
      do {
        id = UUID.randomUUID().toString();
        if (isLocal(fs)) {
          lock = RunLock.create(local(fs, sibling(target, "tmp", id + RunLock.SUFFIX)));
        }
      } while (isLocal(fs) && lock == null);
      try {
        removeAbandonedSiblings(fs, target, id);
      } catch (IOException | RuntimeException e) {
        // best effort: leftovers are hidden, and the next run tries again
      }
      return new AtomicOutput(fs, target, sibling(target, "tmp", id), overwrite, created, lock, id);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare output " + path + ": " + e.getMessage(), e);
    }
  }

  /** The fully qualified target path. */
  public Path target() {
    return target;
  }

  /** Where to write: a hidden sibling of the target, on the same file system. */
  public Path temporary() {
    return temporary;
  }

  /** The file system of the target. */
  public FileSystem fileSystem() {
    return fs;
  }

  /**
   * Moves the complete temporary output into place (see the class comment).
   *
   * @throws IllegalStateException if the target exists and overwrite is false, or nothing was written
   * @throws UncheckedIOException if a rename fails (the old output, if any, is restored)
   */
  public void commit() {
    try {
      if (!fs.exists(temporary)) {
        throw new IllegalStateException("nothing was written to " + temporary);
      }
      Path backup = null;
      if (fs.exists(target)) {
        if (!overwrite) {
          throw new IllegalStateException(target + " appeared while the job was running; not replacing it");
        }
        backup = sibling(target, "old", id);
        if (!fs.rename(target, backup)) {
          throw new IOException("could not move the old output " + target + " aside to " + backup);
        }
      }
      boolean moved;
      try {
        moved = fs.rename(temporary, target);
      } catch (IOException e) {
        moved = false;
      }
      if (!moved) {
        String old = "";
        if (backup != null) {
          boolean restored = !fs.exists(target) && fs.rename(backup, target);
          old = restored ? "; the old output was kept"
              : "; the old output is kept at " + backup + " (move it back to " + target + ")";
        }
        throw new IOException("could not move the new output " + temporary + " to " + target + old);
      }
      committed = true;
      if (backup != null) {
        fs.delete(backup, true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }

  /**
   * Deletes the temporary sibling unless {@link #commit()} succeeded, and the parent directories
   * {@link #begin} created if they are left empty, so a failed run leaves no trace.
   */
  @Override
  public void close() {
    if (committed) {
      closeLock();
      return;
    }
    try {
      fs.delete(temporary, true);
      closeLock();
      if (createdParent != null) {
        for (Path dir = temporary.getParent(); dir != null; dir = dir.getParent()) {
          if (!fs.exists(dir) || fs.listStatus(dir).length > 0 || !fs.delete(dir, false) || dir.equals(createdParent)) {
            break;
          }
        }
      }
    } catch (IOException e) {
      // best effort: the sibling is hidden, its name says what it is, and the next run removes it
    } finally {
      closeLock();
    }
  }

  private void closeLock() {
    if (lock != null) {
      lock.close();
    }
  }

  /** {@code <parent>/.<name>.<kind>-<id>}: the temporary ({@code tmp}) or backup ({@code old}) sibling of a target. */
  private static Path sibling(Path target, String kind, String id) {
    return new Path(target.getParent(), "." + target.getName() + "." + kind + "-" + id);
  }

  private static boolean isLocal(FileSystem fs) {
    return "file".equals(fs.getScheme());
  }

  private static java.nio.file.Path local(FileSystem fs, Path p) {
    return java.nio.file.Path.of(fs.makeQualified(p).toUri());
  }

  private static final Pattern SIBLING = Pattern.compile("\\.(tmp|old)-([0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12})(\\.lock)?");

  /**
   * Removes the temporary and backup siblings of {@code target} that no live run holds (see the class
   * comment); {@code ownId} is this run's. Local file system only.
   */
  static void removeAbandonedSiblings(FileSystem fs, Path target, String ownId) throws IOException {
    if (!isLocal(fs)) {
      return;
    }
    String prefix = "." + target.getName();
    Map<String, Boolean> ids = new TreeMap<>();   // id -> has a lock file
    for (FileStatus st : fs.listStatus(target.getParent())) {
      String name = st.getPath().getName();
      if (!name.startsWith(prefix)) {
        continue;
      }
      Matcher m = SIBLING.matcher(name.substring(prefix.length()));
      if (m.matches() && !m.group(2).equals(ownId)) {
        ids.merge(m.group(2), m.group(3) != null, Boolean::logicalOr);
      }
    }
    for (Map.Entry<String, Boolean> e : ids.entrySet()) {
      String other = e.getKey();
      RunLock.IORunnable cleanup = () -> {
        fs.delete(sibling(target, "tmp", other), true);
        Path old = sibling(target, "old", other);
        if (fs.exists(old)) {
          if (fs.exists(target)) {
            fs.delete(old, true);
          } else {
            fs.rename(old, target);   // the run died mid-switch: the backup is the previous output
          }
        }
      };
      if (e.getValue()) {
        RunLock.ifAbandoned(local(fs, sibling(target, "tmp", other + RunLock.SUFFIX)), cleanup);
      } else {
        cleanup.run();   // a sibling without a lock file: left by a version of the job without locks
      }
    }
  }

  /** Whether {@code path} exists (on its own file system). */
  public static boolean exists(Configuration conf, String path) {
    try {
      Path p = new Path(path);
      return p.getFileSystem(conf).exists(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check " + path + ": " + e.getMessage(), e);
    }
  }
}
