package dev.kbgen.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The date of each file's last commit, when the source folder is in a git work tree: the import's
 * fallback for {@code updated} when the front matter has no date. A file's modification date is the
 * day it was checked out, different on every clone; the commit date is the same on all of them.
 * Read with one {@code git log} over the folder; a file changed since its last commit (staged or
 * not) has no commit date, since its text is not that commit's. Without git, or outside a work
 * tree, there are no dates and the modification date is used.
 */
final class GitDates {
  private GitDates() {}

  /**
   * The date of the last commit that changed each file below {@code source}, by its path relative
   * to {@code source} with {@code /} separators, for the files as committed; empty when git cannot
   * tell.
   */
  static Map<String, LocalDate> of(Path source) {
    List<String> log =
        git(source, "log", "--date=short", "--format=@%cd", "--name-only", "--no-renames");
    List<String> changed = git(source, "diff", "--name-only", "--no-renames", "HEAD");
    if (log == null || changed == null) {
      return Map.of();
    }
    Map<String, LocalDate> dates = new HashMap<>();
    try {
      LocalDate commit = null;
      for (String line : log) {
        if (line.startsWith("@")) {
          commit = LocalDate.parse(line.substring(1));
        } else if (!line.isEmpty() && commit != null) {
          dates.putIfAbsent(line, commit); // newest commit first
        }
      }
    } catch (DateTimeParseException e) {
      return Map.of(); // output git does not write normally
    }
    changed.forEach(dates::remove);
    return dates;
  }

  /**
   * The lines git writes for a command over {@code source} (paths relative to it, unquoted); null
   * when there is no git, or it fails, as outside a work tree.
   */
  private static List<String> git(Path source, String... command) {
    List<String> args =
        new ArrayList<>(List.of("git", "-C", source.toString(), "-c", "core.quotePath=false"));
    args.addAll(List.of(command));
    args.addAll(List.of("--relative", "--", "."));
    ProcessBuilder git = new ProcessBuilder(args).redirectError(ProcessBuilder.Redirect.DISCARD);
    git.environment().put("GIT_TERMINAL_PROMPT", "0");
    try {
      Process process = git.start();
      process.getOutputStream().close();
      List<String> lines = new ArrayList<>();
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          lines.add(line);
        }
      }
      return process.waitFor() == 0 ? lines : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
