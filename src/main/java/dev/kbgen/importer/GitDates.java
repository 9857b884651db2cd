package dev.kbgen.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * The date of each file's last commit, when the source folder is in a git work tree: the import's
 * fallback for {@code updated} when the front matter has no date. A file's modification date is the
 * day it was checked out, different on every clone; the commit date is the same on all of them.
 * Read with one {@code git log} over the folder; without git, or outside a work tree, there are no
 * dates and the modification date is used.
 */
final class GitDates {
  private GitDates() {}

  /**
   * The date of the last commit that changed each file below {@code source}, by its path relative
   * to {@code source} with {@code /} separators; empty when git cannot tell.
   */
  static Map<String, LocalDate> of(Path source) {
    ProcessBuilder git =
        new ProcessBuilder(
                "git",
                "-C",
                source.toString(),
                "-c",
                "core.quotePath=false",
                "log",
                "--date=short",
                "--format=@%cd",
                "--name-only",
                "--no-renames",
                "--relative",
                "--",
                ".")
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    git.environment().put("GIT_TERMINAL_PROMPT", "0");
    Map<String, LocalDate> dates = new HashMap<>();
    try {
      Process process = git.start();
      process.getOutputStream().close();
      try (BufferedReader lines =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        LocalDate commit = null;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          if (line.startsWith("@")) {
            commit = LocalDate.parse(line.substring(1));
          } else if (!line.isEmpty() && commit != null) {
            dates.putIfAbsent(line, commit); // newest commit first
          }
        }
      }
      return process.waitFor() == 0 ? dates : Map.of();
    } catch (IOException | DateTimeParseException e) {
      return Map.of(); // no git, or output it does not write normally
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Map.of();
    }
  }
}
