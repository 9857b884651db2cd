package dev.kbgen.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --content}, shared by every command. */
public final class ContentOptions {
  @Option(
      names = "--content",
      paramLabel = "DIR",
      defaultValue = "content",
      description =
          "The knowledge base: site.yaml and <lang>/<area>/<slug>.md (default: ${DEFAULT-VALUE}).")
  Path content;
}
