package dev.kbgen.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
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

  /**
   * Whether the content folder is missing, which is a usage error (exit code 2): a command run from
   * the wrong folder, or a mistyped {@code --content}. Says so on {@code err}.
   */
  boolean missing(PrintWriter err) {
    if (Files.isDirectory(content)) {
      return false;
    }
    err.println(
        "kbgen: content folder '"
            + content
            + "' does not exist: run kbgen from the knowledge base's folder, or pass --content DIR");
    return true;
  }
}
