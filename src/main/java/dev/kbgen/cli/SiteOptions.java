package dev.kbgen.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --templates} and {@code --out}, for the commands that make a site. */
public final class SiteOptions {
  @Option(
      names = "--templates",
      paramLabel = "DIR",
      defaultValue = "templates",
      description = "The theme: Pebble templates, i18n/ and static/ (default: ${DEFAULT-VALUE}).")
  Path templates;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "site",
      description = "Where the site is written; replaced as a whole (default: ${DEFAULT-VALUE}).")
  Path out;
}
