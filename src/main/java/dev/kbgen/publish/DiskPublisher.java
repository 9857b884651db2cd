package dev.kbgen.publish;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Publishes a site to a folder atomically: the new site is written into a sibling folder, then
 * swapped in with renames. A build that fails before publishing leaves the old site untouched; a
 * process killed between the two renames leaves the old site in {@code .<name>.old}, which the next
 * publish puts back first. Staging folders left by a process killed while writing are removed by
 * the next publish. Publications into one folder take turns, holding {@code .<name>.lock} while
 * they run.
 */
public final class DiskPublisher implements Publisher {
  private final Path out;

  public DiskPublisher(Path out) {
    this.out = out.toAbsolutePath().normalize();
  }

  @Override
  public void publish(List<OutputFile> files) throws IOException {
    try (Publication publication = open()) {
      for (OutputFile f : files) {
        publication.add(f);
      }
      publication.commit();
    }
  }

  /**
   * Starts writing a new site into a staging folder beside the output folder; files are written as
   * they are added (from any thread), and the folder is swapped in at the commit.
   */
  @Override
  public Publication open() throws IOException {
    // An output folder that is a symbolic link (site -> /var/www/help) stays one: the folder it
    // points to is replaced, where the web server looks.
    Path out = Files.isSymbolicLink(this.out) ? this.out.toRealPath() : this.out;
    Path parent = out.getParent();
    Files.createDirectories(parent);
    String name = out.getFileName().toString();
    Lock lock = lock(parent.resolve("." + name + ".lock"));
    try {
      Path old = parent.resolve("." + name + ".old");
      if (!Files.exists(out) && Files.isDirectory(old)) {
        move(old, out);
      }
      try (var siblings = Files.list(parent)) {
        for (Path p : siblings.toList()) {
          if (p.getFileName().toString().startsWith("." + name + ".new-")
              && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            deleteTree(p);
          }
        }
      }
      return new Staging(out, stagingFolder(parent, name), old, lock);
    } catch (IOException | RuntimeException e) {
      release(lock);
      throw e;
    }
  }

  /**
   * Waits until no other process publishes to this output folder, and holds the lock file until the
   * publication ends (the system releases it when the process dies). So two builds into the same
   * folder, as two CI jobs may run, take turns: neither removes the other's staging folder as a
   * killed build's leftover, and their swaps do not interleave. The file is removed when the
   * publication ends, so a process that was waiting for the lock of a removed file tries again,
   * unless the path still names the file it locked. Where the file system has no locks, the
   * publication goes on without one.
   */
  private static Lock lock(Path file) throws IOException {
    while (true) {
      Object before = fileKey(file);
      // The path is only ever looked at, never opened again: closing any other descriptor of the
      // file would release this process's lock on it.
      FileChannel channel =
          FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        channel.lock();
        Object after = fileKey(file);
        if (before != null && before.equals(after)) {
          return new Lock(file, channel, true);
        }
        if (before == null && after == null) {
          return new Lock(file, channel, false); // no file identities here: the file stays
        }
        channel.close(); // the file was removed by the process that held it: take the new one
      } catch (OverlappingFileLockException e) {
        channel.close();
        throw new IOException("another publication of this process is writing " + file, e);
      } catch (IOException e) {
        channel.close();
        return null; // no locks on this file system
      }
    }
  }

  /** The identity of the file at a path (its device and inode), or null when there is none. */
  private static Object fileKey(Path file) {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
          .fileKey();
    } catch (IOException e) {
      return null;
    }
  }

  /** A held lock file. */
  private record Lock(Path file, FileChannel channel, boolean remove) {
    /** Removes the file while holding it, then lets the next process go. */
    void release() throws IOException {
      try {
        if (remove) {
          Files.deleteIfExists(file);
        }
      } finally {
        channel.close();
      }
    }
  }

  private static void release(Lock lock) throws IOException {
    if (lock != null) {
      lock.release();
    }
  }

  /**
   * A new, empty staging folder beside the output folder. It becomes the site, so it is made as any
   * folder is (its permissions from the umask, readable by a web server that runs as another user),
   * not private as a temporary folder.
   */
  private static Path stagingFolder(Path parent, String name) throws IOException {
    String prefix = "." + name + ".new-" + ProcessHandle.current().pid() + "-";
    for (int n = 0; ; n++) {
      try {
        return Files.createDirectory(parent.resolve(prefix + n));
      } catch (FileAlreadyExistsException e) {
        // another publication of this process: try the next name
      }
    }
  }

  /** A site being written into its staging folder. */
  private static final class Staging implements Publication {
    private final Path out;
    private final Path staging;
    private final Path old;
    private final Set<Path> folders = ConcurrentHashMap.newKeySet();

    /**
     * Writers hold the read lock; closing takes the write lock, so that it deletes the staging
     * folder only once no file is being written into it, and no file is written after: when one
     * writer fails (a full disk), the others may still be running.
     */
    private final ReadWriteLock writing = new ReentrantReadWriteLock();

    private volatile boolean committed;
    private volatile boolean closed;

    /** The output folder's lock file, held until the publication is closed; null without one. */
    private final Lock lock;

    Staging(Path out, Path staging, Path old, Lock lock) {
      this.out = out;
      this.staging = staging;
      this.old = old;
      this.lock = lock;
    }

    @Override
    public void add(OutputFile f) throws IOException {
      Path target = staging.resolve(f.path()).normalize();
      if (!target.startsWith(staging)) {
        throw new IOException("output path escapes the site folder: " + f.path());
      }
      writing.readLock().lock();
      try {
        if (closed || committed) {
          throw new IOException("the site was already " + (committed ? "published" : "discarded"));
        }
        Path folder = target.getParent();
        if (!folders.contains(folder)) {
          Files.createDirectories(folder);
          folders.add(folder);
        }
        Files.write(target, f.bytes());
      } finally {
        writing.readLock().unlock();
      }
    }

    @Override
    public boolean keepsFiles() {
      return false;
    }

    @Override
    public synchronized void commit() throws IOException {
      if (closed) {
        throw new IOException("the site was discarded before it was published");
      }
      if (Files.exists(old)) {
        deleteTree(old);
      }
      boolean moved = false;
      if (Files.exists(out)) {
        move(out, old);
        moved = true;
      }
      try {
        move(staging, out);
      } catch (IOException e) {
        if (moved) {
          move(old, out); // the previous site back in its place
        }
        throw e;
      }
      committed = true;
      if (Files.exists(old)) {
        deleteTree(old);
      }
    }

    @Override
    public synchronized void close() throws IOException {
      writing.writeLock().lock();
      try {
        if (closed) {
          return;
        }
        closed = true;
        try {
          if (!committed && Files.exists(staging)) {
            deleteTree(staging);
          }
        } finally {
          release(lock);
        }
      } finally {
        writing.writeLock().unlock();
      }
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  /** Deletes a folder and what it holds, without following symbolic links. */
  static void deleteTree(Path root) throws IOException {
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
