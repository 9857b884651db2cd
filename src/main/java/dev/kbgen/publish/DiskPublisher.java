package dev.kbgen.publish;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

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
    Path staging = Files.createTempDirectory(parent, "." + name + ".new-");
    try {
      for (OutputFile f : files) {
        Path target = staging.resolve(f.path()).normalize();
        if (!target.startsWith(staging)) {
          throw new IOException("output path escapes the site folder: " + f.path());
        }
        Files.createDirectories(target.getParent());
        Files.write(target, f.bytes());
      }
      if (Files.exists(old)) {
        deleteTree(old);
      }
      if (Files.exists(out)) {
        move(out, old);
      }
      move(staging, out);
    } catch (IOException | RuntimeException e) {
      if (Files.exists(staging)) {
        deleteTree(staging);
      }
      throw e;
    }
    if (Files.exists(old)) {
      deleteTree(old);
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
