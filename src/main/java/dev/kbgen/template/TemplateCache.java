package dev.kbgen.template;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * One {@link Templates} engine kept across builds (the preview server), so that templates are
 * parsed once; a new engine is made as soon as a file of the theme changes. {@code static/} is not
 * part of the engine and is left out of the comparison.
 */
public final class TemplateCache {
  private Templates templates;
  private String fingerprint = "";

  /** The engine for {@code dir}: the previous one when no template changed since. */
  public synchronized Templates get(Path dir) {
    Path normal = dir.toAbsolutePath().normalize();
    String now = fingerprint(normal);
    if (templates == null || !templates.dir().equals(normal) || !now.equals(fingerprint)) {
      templates = new Templates(normal);
      fingerprint = now;
    }
    return templates;
  }

  /** A hash of every theme file's path and bytes, apart from {@code static/}. */
  static String fingerprint(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      List<Path> files =
          walk.filter(Files::isRegularFile)
              .filter(p -> !dir.relativize(p).startsWith("static"))
              .sorted()
              .toList();
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Path p : files) {
        digest.update(dir.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(Files.readAllBytes(p));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      // Unreadable now: never equal to a previous fingerprint, so a fresh engine reports it.
      return "unreadable " + System.nanoTime();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
