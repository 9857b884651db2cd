package dev.kbgen.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small source trees written inline, in {@code -- path --} sections. */
final class ImportTrees {
  private ImportTrees() {}

  static Path write(Path dir, String text) {
    try {
      String path = null;
      StringBuilder body = new StringBuilder();
      for (String line : (text + "\n-- end --").split("\n", -1)) {
        if (line.startsWith("-- ") && line.endsWith(" --")) {
          if (path != null) {
            Path p = dir.resolve(path);
            Files.createDirectories(p.getParent());
            Files.writeString(p, body.toString(), StandardCharsets.UTF_8);
          }
          path = line.substring(3, line.length() - 3);
          body.setLength(0);
        } else {
          body.append(line).append('\n');
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
