package dev.kbgen.publish;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
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
 * the next publish.
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
    Path parent = out.getParent();
    Files.createDirectories(parent);
    String name = out.getFileName().toString();
    Path old = parent.resolve("." + name + ".old");
    if (!Files.exists(out) && Files.isDirectory(old)) {
      move(old, out);
    }
    try (var siblings = Files.list(parent)) {
      for (Path p : siblings.toList()) {
        if (p.getFileName().toString().startsWith("." + name + ".new-")
            && Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          deleteTree(p);
        }
      }
    }
    return new Staging(stagingFolder(parent, name), old);
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
  private final class Staging implements Publication {
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

    Staging(Path staging, Path old) {
      this.staging = staging;
      this.old = old;
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
      if (Files.exists(out)) {
        move(out, old);
      }
      move(staging, out);
      committed = true;
      if (Files.exists(old)) {
        deleteTree(old);
      }
    }

    @Override
    public synchronized void close() throws IOException {
      writing.writeLock().lock();
      try {
        closed = true;
        if (!committed && Files.exists(staging)) {
          deleteTree(staging);
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
