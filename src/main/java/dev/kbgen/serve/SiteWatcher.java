package dev.kbgen.serve;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import dev.kbgen.content.ContentPaths;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches folder trees with the JDK's {@link WatchService}: every folder is registered, and folders
 * created later are registered as they appear. Changes are collected until the trees have been
 * quiet for the debounce time (an editor's save is often several events), then handed over as one
 * set of paths, on the watcher's own thread; changes made meanwhile make the next set, marked as
 * such (a rebuild that was running may have read a file between two writes). Hidden files and
 * folders (names starting with a dot: editor swap files, {@code .git}) are ignored, as the build
 * ignores them.
 */
final class SiteWatcher implements AutoCloseable {
  /** Longest a batch is held back while changes keep coming. */
  private static final Duration MAX_BATCH = Duration.ofSeconds(2);

  private final List<Path> roots;
  private final Duration debounce;
  private final WatchService service;
  private final Map<WatchKey, Path> keys = new ConcurrentHashMap<>();

  /**
   * Roots whose folder went away (a content folder deleted and copied back): nothing reports their
   * return, so they are looked for every {@link #ROOT_POLL} and watched again once back.
   */
  private final Set<Path> gone = ConcurrentHashMap.newKeySet();

  /**
   * The file system's identity of each root folder as watched: a folder renamed into its place
   * ({@code mv new content}) has another, and nothing reports it either.
   */
  private final Map<Path, Object> identities = new ConcurrentHashMap<>();

  private static final Duration ROOT_POLL = Duration.ofMillis(250);

  private Thread thread;

  /**
   * Registers every folder below the roots; nothing is reported before {@link #start}.
   *
   * @throws NoSuchFileException when a root is not a folder
   */
  SiteWatcher(List<Path> roots, Duration debounce) throws IOException {
    this.roots = roots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    this.debounce = debounce;
    this.service = FileSystems.getDefault().newWatchService();
    try {
      for (Path root : this.roots) {
        if (!Files.isDirectory(root)) {
          throw new NoSuchFileException(root.toString(), null, "not a folder");
        }
        registerTree(root);
        identities.put(root, identity(root));
      }
    } catch (IOException | RuntimeException e) {
      service.close();
      throw e;
    }
  }

  /**
   * One batch of changes.
   *
   * @param paths the files and folders reported
   * @param meanwhile whether some of them changed while the previous batch was being handled
   */
  record Batch(Set<Path> paths, boolean meanwhile) {}

  /** Starts reporting batches of changed paths to {@code onChange}. */
  synchronized void start(String name, Consumer<Batch> onChange) {
    thread = new Thread(() -> loop(onChange), name);
    thread.setDaemon(true);
    thread.start();
  }

  private void loop(Consumer<Batch> onChange) {
    try {
      Set<Path> back = new TreeSet<>();
      WatchKey key = next(back);
      boolean meanwhile = false;
      while (true) {
        Set<Path> changed = new TreeSet<>(back);
        back.clear();
        if (key != null) {
          collect(key, changed);
        }
        long deadline = System.nanoTime() + MAX_BATCH.toNanos();
        while (System.nanoTime() < deadline
            && (key = service.poll(debounce.toMillis(), TimeUnit.MILLISECONDS)) != null) {
          collect(key, changed);
        }
        if (!changed.isEmpty()) {
          onChange.accept(new Batch(changed, meanwhile));
        }
        // Events that came while the batch was handled: the rebuild may have read those files
        // between two writes, even when they end with the bytes they had before it.
        key = service.poll();
        meanwhile = key != null && !changed.isEmpty();
        if (key == null) {
          key = next(back);
        }
      }
    } catch (ClosedWatchServiceException | InterruptedException e) {
      // closed: the server is stopping
    }
  }

  /**
   * The next key with events; while a root is gone, null as soon as one is back (watched again, and
   * added to {@code back}: everything below it may have changed).
   */
  private WatchKey next(Set<Path> back) throws InterruptedException {
    while (true) {
      WatchKey key = service.poll(ROOT_POLL.toMillis(), TimeUnit.MILLISECONDS);
      if (key != null) {
        return key;
      }
      for (Path root : roots) {
        if (!Files.isDirectory(root)) {
          continue;
        }
        Object now = identity(root);
        if (gone.contains(root) || !Objects.equals(now, identities.get(root))) {
          // what is watched under this root is another folder's, or nothing
          keys.entrySet()
              .removeIf(
                  e -> {
                    boolean stale = e.getValue().startsWith(root);
                    if (stale) {
                      e.getKey().cancel();
                    }
                    return stale;
                  });
          try {
            registerTree(root);
            gone.remove(root);
            identities.put(root, now);
            back.add(root);
          } catch (IOException e) {
            // gone again, or not readable yet: looked for again
          }
        }
      }
      if (!back.isEmpty()) {
        return null;
      }
    }
  }

  /** The file system's key of a folder (its inode), or null where it has none. */
  private static Object identity(Path folder) {
    try {
      return Files.readAttributes(folder, BasicFileAttributes.class).fileKey();
    } catch (IOException e) {
      return null;
    }
  }

  private void collect(WatchKey key, Set<Path> changed) {
    Path dir = keys.get(key);
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == OVERFLOW || dir == null) {
        changed.addAll(roots); // events were lost: look at everything
        continue;
      }
      Path child = dir.resolve((Path) event.context());
      if (hidden(child)) {
        continue;
      }
      changed.add(child);
      if (event.kind() == ENTRY_CREATE && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
        try {
          registerTree(child);
        } catch (IOException e) {
          // gone again already; the deletion event follows
        }
      }
    }
    if (!key.reset()) {
      Path folder = keys.remove(key);
      if (folder != null && roots.contains(folder)) {
        gone.add(folder);
        changed.add(folder);
      }
    }
  }

  /**
   * Whether a path below one of the roots has a name in it that the build leaves out: hidden, or an
   * editor's leftover ({@link ContentPaths#ignored}).
   */
  boolean hidden(Path path) {
    for (Path root : roots) {
      if (path.startsWith(root)) {
        for (Path name : root.relativize(path)) {
          if (ContentPaths.ignored(name.toString())) {
            return true;
          }
        }
        return false;
      }
    }
    return false;
  }

  private void registerTree(Path top) throws IOException {
    Files.walkFileTree(
        top,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            if (!dir.equals(top) && hidden(dir)) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            keys.put(dir.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY), dir);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /** Stops watching and waits for the watcher thread to end. */
  @Override
  public void close() {
    try {
      service.close();
    } catch (IOException e) {
      // nothing left to release
    }
    Thread t;
    synchronized (this) {
      t = thread;
    }
    if (t != null && t != Thread.currentThread()) {
      try {
        t.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Whether the watcher thread is running. */
  synchronized boolean running() {
    return thread != null && thread.isAlive();
  }
}
