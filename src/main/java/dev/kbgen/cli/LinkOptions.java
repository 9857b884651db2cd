package dev.kbgen.cli;

import picocli.CommandLine.Option;

/** {@code --links error|warn}: how broken links and missing images are reported. */
public final class LinkOptions {
  /** How a broken link is reported. */
  enum Policy {
    error,
    warn
  }

  @Option(
      names = "--links",
      paramLabel = "error|warn",
      defaultValue = "error",
      description =
          "Broken links and missing images are errors (default) or warnings ('warn', for imported"
              + " content that links to pages outside the selection).")
  Policy links = Policy.error;

  boolean warn() {
    return links == Policy.warn;
  }
}
