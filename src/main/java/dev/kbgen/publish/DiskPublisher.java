package dev.kbgen.publish;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Publishes a site to a folder atomically: the new site is written into a sibling folder, then
 * swapped in with renames. A build that fails before publishing leaves the old site untouched; a
 * process killed between the two renames leaves the old site in {@code .<name>.old}, which the next
 * publish puts back first. Staging folders left by a process killed while writing are removed by
 * the next publish. Publications into one folder take turns, holding {@code .<name>.lock} while
 * they run. An output folder that is a mount point is published in place ({@link #openInPlace}).
 */
public final class DiskPublisher implements Publisher {
  /**
   * The name (after the dot) of the staging folder, the old site's folder and the lock file of a
   * publication inside an output folder that is a mount point.
   */
  private static final String IN_PLACE = "kbgen";

  /** Entries of a mount point that are the file system's own, not the site's. */
  private static final Set<String> NOT_SITE = Set.of("lost+found");

  private static final Pattern MOUNTINFO_ESCAPE = Pattern.compile("\\\\([0-7]{3})");

  private final Path out;
  private final Predicate<Path> mountPoint;

  public DiskPublisher(Path out) {
    this(out, DiskPublisher::isMountPoint);
  }

  /**
   * @param mountPoint whether a folder is a mount point, which cannot be renamed
   */
  DiskPublisher(Path out, Predicate<Path> mountPoint) {
    this.out = out.toAbsolutePath().normalize();
    this.mountPoint = mountPoint;
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
    if (Files.isDirectory(out) && mountPoint.test(out)) {
      return openInPlace(out);
    }
    Path parent = out.getParent();
    Files.createDirectories(parent);
    String name = out.getFileName().toString();
    Lock lock = lock(parent.resolve("." + name + ".lock"));
    try {
      Path old = parent.resolve("." + name + ".old");
      if (!Files.exists(out) && Files.isDirectory(old)) {
        move(old, out);
      }
      deleteLeftStagingFolders(parent, name);
      return new Staging(out, stagingFolder(parent, name), old, lock, false);
    } catch (IOException | RuntimeException e) {
      release(lock);
      throw e;
    }
  }

  /**
   * An output folder that is a mount point (a Docker volume, {@code -v $PWD/public:/site}) cannot
   * be renamed: the site is staged inside it, in {@code .kbgen.new-*}, and swapped in entry by
   * entry at the commit, the old entries moved aside into {@code .kbgen.old} first. Each move is a
   * rename on the same file system, so the swap takes milliseconds, though it is not one atomic
   * step: a process killed during it leaves entries in {@code .kbgen.old}, which the next
   * publication puts back where no new entry took their place.
   */
  private Publication openInPlace(Path out) throws IOException {
    Lock lock = lock(out.resolve("." + IN_PLACE + ".lock"));
    try {
      Path old = out.resolve("." + IN_PLACE + ".old");
      if (Files.isDirectory(old, LinkOption.NOFOLLOW_LINKS)) {
        try (var entries = Files.list(old)) {
          for (Path p : entries.toList()) {
            Path back = out.resolve(p.getFileName().toString());
            if (!Files.exists(back, LinkOption.NOFOLLOW_LINKS)) {
              move(p, back);
            }
          }
        }
        deleteTree(old);
      }
      deleteLeftStagingFolders(out, IN_PLACE);
      return new Staging(out, stagingFolder(out, IN_PLACE), old, lock, true);
    } catch (IOException | RuntimeException e) {
      release(lock);
      throw e;
    }
  }

  /**
   * Whether a folder is a mount point: on another device than its parent folder, or (a bind mount
   * of a folder of the same file system) listed in the system's mount table.
   */
  static boolean isMountPoint(Path folder) {
    Path parent = folder.getParent();
    if (parent == null) {
      return true;
    }
    try {
      Object device = Files.getAttribute(folder, "unix:dev");
      if (!device.equals(Files.getAttribute(parent, "unix:dev"))) {
        return true;
      }
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return false; // no Unix file attributes: no mount points to tell apart
    }
    Path mountinfo = Path.of("/proc/self/mountinfo");
    if (!Files.isReadable(mountinfo)) {
      return false;
    }
    try {
      String real = folder.toRealPath().toString();
      for (String line : Files.readAllLines(mountinfo, StandardCharsets.UTF_8)) {
        String[] fields = line.split(" ");
        if (fields.length > 4 && unescape(fields[4]).equals(real)) {
          return true;
        }
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }

  /** A path of the mount table: space, tab, newline and backslash are written in octal. */
  private static String unescape(String field) {
    return MOUNTINFO_ESCAPE
        .matcher(field)
        .replaceAll(
            m -> Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 8))));
  }

  /**
   * Whether a name in an output folder is kbgen's own while it publishes in place, or the file
   * system's: not part of the site.
   */
  public static boolean isNotSite(String name) {
    return name.startsWith("." + IN_PLACE + ".") || NOT_SITE.contains(name);
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

  /** Deletes the staging folders ({@code .<name>.new-*}) that killed processes left in a folder. */
  private static void deleteLeftStagingFolders(Path folder, String name) throws IOException {
    try (var entries = Files.list(folder)) {
      for (Path p : entries.toList()) {
        if (p.getFileName().toString().startsWith("." + name + ".new-")
            && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          deleteTree(p);
        }
      }
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

    /** Whether the staging folder is inside the output folder, swapped in entry by entry. */
    private final boolean inPlace;

    Staging(Path out, Path staging, Path old, Lock lock, boolean inPlace) {
      this.out = out;
      this.staging = staging;
      this.old = old;
      this.lock = lock;
      this.inPlace = inPlace;
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
      if (inPlace) {
        swapEntries();
        return;
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

    /**
     * Moves the old site's entries aside, then the new site's up into the output folder; puts the
     * old ones back if a move fails.
     */
    private void swapEntries() throws IOException {
      Files.createDirectory(old);
      List<Path> aside = new ArrayList<>();
      List<Path> placed = new ArrayList<>();
      try {
        try (var entries = Files.list(out)) {
          for (Path p : entries.sorted().toList()) {
            if (!isNotSite(p.getFileName().toString())) {
              Path to = old.resolve(p.getFileName().toString());
              move(p, to);
              aside.add(to);
            }
          }
        }
        try (var entries = Files.list(staging)) {
          for (Path p : entries.sorted().toList()) {
            Path to = out.resolve(p.getFileName().toString());
            move(p, to);
            placed.add(to);
          }
        }
      } catch (IOException e) {
        for (Path p : placed) {
          move(p, staging.resolve(p.getFileName().toString()));
        }
        for (Path p : aside) {
          move(p, out.resolve(p.getFileName().toString()));
        }
        throw e;
      }
      committed = true;
      Files.delete(staging);
      deleteTree(old);
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
