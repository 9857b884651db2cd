package dev.kbgen.cli;

import java.nio.file.Path;
import java.util.Optional;

/** Refuses output folders whose replacement would destroy something else. */
final class OutputGuard {
  private OutputGuard() {}

  /** Why {@code out} must not be used, or empty when it is safe. */
  static Optional<String> refuse(Path out, Path content, Path templates) {
    Path o = out.toAbsolutePath().normalize();
    Path c = content.toAbsolutePath().normalize();
    Path t = templates.toAbsolutePath().normalize();
    Path home = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
    if (o.getParent() == null) {
      return Optional.of("refusing to write the site to the file-system root: pass --out DIR");
    }
    if (o.equals(home)) {
      return Optional.of("refusing to replace the home folder with the site: pass --out DIR");
    }
    if (c.startsWith(o) || o.startsWith(c)) {
      return Optional.of(
          "--out " + out + " overlaps the content folder " + content + ": choose another folder");
    }
    if (t.startsWith(o) || o.startsWith(t)) {
      return Optional.of(
          "--out "
              + out
              + " overlaps the templates folder "
              + templates
              + ": choose another folder");
    }
    if (Path.of("").toAbsolutePath().normalize().startsWith(o)) {
      return Optional.of("--out " + out + " contains the working folder: choose another folder");
    }
    return Optional.empty();
  }
}
