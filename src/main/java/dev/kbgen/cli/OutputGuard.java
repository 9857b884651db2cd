package dev.kbgen.cli;

import dev.kbgen.publish.DiskPublisher;
import dev.kbgen.search.SearchRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** Refuses output folders whose replacement would destroy something else. */
final class OutputGuard {
  private OutputGuard() {}

  /** Why {@code out} must not be used, or empty when it is safe. */
  static Optional<String> refuse(Path out, Path content, Path templates) {
    Optional<String> lexical = refuseNormalized(out, content, templates, OutputGuard::normalized);
    if (lexical.isPresent()) {
      return lexical;
    }
    Optional<String> real = refuseNormalized(out, content, templates, OutputGuard::real);
    return real.isPresent() ? real : refuseOthers(out);
  }

  /**
   * An existing {@code out} is replaced as a whole, so it must be a site that kbgen wrote (it has
   * the search runtime, {@code search/kbgen-search.*.js}) or an empty folder: a mistyped {@code
   * --out} must not delete a folder of other files, or a file.
   */
  private static Optional<String> refuseOthers(Path out) {
    if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    if (!Files.isDirectory(out)) {
      return Optional.of("--out " + out + " is a file, not a folder: choose another --out");
    }
    try (Stream<Path> files = Files.list(out)) {
      // A mount point's lost+found, or a publication's leftovers in it, are no files of the site.
      if (files.allMatch(f -> DiskPublisher.isNotSite(f.getFileName().toString()))) {
        return Optional.empty();
      }
    } catch (IOException e) {
      return Optional.of("cannot read --out " + out + ": " + e);
    }
    try (Stream<Path> search = Files.list(out.resolve(SearchRuntime.FOLDER))) {
      if (search.anyMatch(f -> SearchRuntime.isRuntime(f.getFileName().toString()))) {
        return Optional.empty();
      }
    } catch (IOException e) {
      // no search folder: not a kbgen site
    }
    return Optional.of(
        "--out "
            + out
            + " holds files that are not a kbgen site, and a build replaces the folder as a whole:"
            + " choose a new or empty folder, or delete this one first");
  }

  private static Path normalized(Path p) {
    return p.toAbsolutePath().normalize();
  }

  /**
   * The path with symbolic links resolved as far as it exists, so that an {@code --out} reached
   * through a link is compared with where it really is.
   */
  private static Path real(Path p) {
    Path abs = normalized(p);
    Path existing = abs;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return abs;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
    } catch (IOException e) {
      return abs;
    }
  }

  private static Optional<String> refuseNormalized(
      Path out, Path content, Path templates, UnaryOperator<Path> resolve) {
    Path o = resolve.apply(out);
    Path c = resolve.apply(content);
    Path t = resolve.apply(templates);
    Path home = resolve.apply(Path.of(System.getProperty("user.home")));
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
    if (resolve.apply(Path.of("")).startsWith(o)) {
      return Optional.of("--out " + out + " contains the working folder: choose another folder");
    }
    return Optional.empty();
  }
}
