package dev.kbgen.cli;

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
}
