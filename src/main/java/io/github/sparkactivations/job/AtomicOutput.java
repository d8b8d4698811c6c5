package io.github.sparkactivations.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
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
 */
public final class AtomicOutput implements AutoCloseable {

  private final FileSystem fs;
  private final Path target;
  private final Path temporary;
  private final boolean overwrite;
  /** The topmost parent directory {@link #begin} created, or null: removed again if left empty. */
  private final Path createdParent;
  private boolean committed;

  private AtomicOutput(FileSystem fs, Path target, Path temporary, boolean overwrite, Path createdParent) {
    this.fs = fs;
    this.target = target;
    this.temporary = temporary;
    this.overwrite = overwrite;
    this.createdParent = createdParent;
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
      Path tmp = new Path(parent, "." + target.getName() + ".tmp-" + UUID.randomUUID());
      return new AtomicOutput(fs, target, tmp, overwrite, created);
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
        backup = new Path(target.getParent(), "." + target.getName() + ".old-" + UUID.randomUUID());
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
        if (backup != null && !fs.exists(target)) {
          fs.rename(backup, target);
        }
        throw new IOException("could not move the new output " + temporary + " to " + target
            + (backup != null ? "; the old output was kept" : ""));
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
      return;
    }
    try {
      fs.delete(temporary, true);
      if (createdParent != null) {
        for (Path dir = temporary.getParent(); dir != null; dir = dir.getParent()) {
          if (!fs.exists(dir) || fs.listStatus(dir).length > 0 || !fs.delete(dir, false) || dir.equals(createdParent)) {
            break;
          }
        }
      }
    } catch (IOException e) {
      // best effort: the sibling is hidden, and its name says what it is
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
