package dev.kbgen.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --templates}, for commands that read the theme but write no site (check, serve, search,
 * eval).
 */
public final class ThemeOptions {
  @Option(
      names = "--templates",
      paramLabel = "DIR",
      defaultValue = "templates",
      description = "The theme: Pebble templates, i18n/ and static/ (default: ${DEFAULT-VALUE}).")
  Path templates;

  /**
   * Whether the templates folder is missing, which is a usage error (exit code 2), as a missing
   * content folder is: a command run from the wrong folder, or a mistyped {@code --templates}. Says
   * so on {@code err}, once, rather than as the theme files that are not there.
   */
  static boolean missing(Path templates, PrintWriter err) {
    if (Files.isDirectory(templates)) {
      return false;
    }
    err.println(
        "kbgen: templates folder '"
            + templates
            + "' does not exist: run kbgen from the knowledge base's folder, or pass --templates"
            + " DIR");
    return true;
  }
}
