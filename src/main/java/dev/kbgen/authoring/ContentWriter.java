package dev.kbgen.authoring;

import dev.kbgen.config.SectionNames;
import dev.kbgen.content.Article;
import dev.kbgen.i18n.SourceFingerprint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/** Writes article files into the content folder: never over an existing one unless editing it. */
public final class ContentWriter {
  private final Path contentDir;

  public ContentWriter(Path contentDir) {
    this.contentDir = contentDir;
  }

  /** The file of a content path such as {@code en/sync/x.md}. */
  public Path file(String contentPath) {
    return contentDir.resolve(contentPath);
  }

  /**
   * Writes a new file.
   *
   * @throws FileAlreadyExistsException when the file exists: nothing is overwritten
   */
  public void create(String contentPath, String text) throws IOException {
    Path file = file(contentPath);
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        text,
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE);
  }

  /**
   * Records in {@code translation}'s front matter that it is a translation of {@code source} as it
   * is now; the rest of the file stays byte for byte.
   *
   * @return false when the file has no front matter to edit (it changed since it was read)
   */
  public boolean markTranslation(Article translation, Article source, SectionNames names)
      throws IOException {
    Path path = file(translation.path());
    String text = Files.readString(path, StandardCharsets.UTF_8);
    Optional<String> edited =
        FrontMatterEditor.setTranslatedFrom(
            text,
            FrontMatterEditor.translatedFrom(source.lang(), SourceFingerprint.of(source, names)));
    if (edited.isEmpty()) {
      return false;
    }
    if (!edited.get().equals(text)) {
      replace(path, edited.get());
    }
    return true;
  }

  /** Replaces a file through a temporary file next to it, so that it is never half written. */
  private static void replace(Path file, String text) throws IOException {
    Path tmp = file.resolveSibling("." + file.getFileName() + ".kbgen-tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    try {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
