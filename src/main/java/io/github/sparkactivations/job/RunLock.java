package io.github.sparkactivations.job;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The liveness mark of one {@link AtomicOutput}: an empty hidden file {@code .<name>.tmp-<id>.lock}
 * next to the temporary sibling {@code .<name>.tmp-<id>}, locked by the run that writes it (an
 * operating-system file lock, {@link FileChannel#lock()}), for as long as the run lives. The OS
 * releases the lock when the process ends in any way, {@code kill -9} included, so "the lock can be
 * taken" means "no live run owns these siblings", without clocks or timeouts.
 *
 * <p>Only for outputs on the local file system (where the OS lock is shared by every process on the
 * machine); {@link #create} returns null elsewhere, and leftovers there are left alone.
 */
final class RunLock implements AutoCloseable {

  static final String SUFFIX = ".lock";

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private RunLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Creates and locks {@code file}, which must not exist. If a cleaner removed the file between its
   * creation and the lock (it took the lock first, thought the run dead, deleted the file), null is
   * returned and the caller starts again with a new name, so a live run's lock file always exists.
   */
  static RunLock create(Path file) throws IOException {
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    FileLock l;
    try {
      l = ch.lock();
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
    if (!Files.exists(file)) {
      l.release();
      ch.close();
      return null;
    }
    return new RunLock(file, ch, l);
  }

  /**
   * Runs {@code cleanup} if no live run holds {@code lockFile}, holding the lock meanwhile, and then
   * deletes {@code lockFile}; returns false, doing nothing, if a run (in this or another process) holds it.
   */
  static boolean ifAbandoned(Path lockFile, IORunnable cleanup) throws IOException {
    FileChannel ch;
    try {
      ch = FileChannel.open(lockFile, StandardOpenOption.WRITE);
    } catch (NoSuchFileException e) {
      return false;   // cleaned up by someone else meanwhile
    }
    try (ch) {
      FileLock l;
      try {
        l = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        return false;   // held by a run in this JVM
      }
      if (l == null) {
        return false;   // held by a run in another process
      }
      try {
        cleanup.run();
        Files.deleteIfExists(lockFile);
      } finally {
        l.release();
      }
      return true;
    }
  }

  /** Deletes the lock file and releases the lock; a second call does nothing. */
  @Override
  public void close() {
    if (!channel.isOpen()) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // best effort: an unlocked lock file is removed by the next run
    }
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // the OS releases the lock when the process ends
    }
  }

  /** A cleanup step that may fail with an I/O error. */
  @FunctionalInterface
  interface IORunnable {
    void run() throws IOException;
  }
}
