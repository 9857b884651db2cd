package dev.kbgen.build;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Objects;

/**
 * The site could not be written: the output folder's file system refused (no space left, no
 * permission, a folder that vanished). Not a bug in kbgen, and the previous site is as it was: the
 * staged files were discarded.
 */
public final class OutputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  // Only this constructor: a fork-join task that rethrows it on another thread then rethrows this
  // very exception instead of a copy wrapping it.
  public OutputException(String what, IOException cause) {
    super(what + ": " + reason(cause), Objects.requireNonNull(cause));
  }

  /** What went wrong, in words, with the file it happened to. */
  static String reason(IOException e) {
    if (e instanceof AccessDeniedException a) {
      return "permission denied: " + a.getFile();
    }
    if (e instanceof FileAlreadyExistsException x) {
      return "a file is in the way: " + x.getFile();
    }
    if (e instanceof NoSuchFileException n) {
      return "no such file or folder: " + n.getFile();
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason()
          + ": "
          + f.getFile()
          + (f.getOtherFile() == null ? "" : " -> " + f.getOtherFile());
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
