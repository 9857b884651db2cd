package dev.kbgen.testing;

import dev.kbgen.cli.Main;
import dev.kbgen.cli.Terminal;
import java.nio.file.Path;
import java.util.List;

/** Runs kbgen's command line in-process and captures what it prints. */
public final class Cli {
  private Cli() {}

  /** A finished command: its exit code and what it printed to each stream. */
  public record Run(int code, String out, String err) {}

  public static Run run(String... args) {
    return run(Terminal.PLAIN, args);
  }

  public static Run run(List<String> args) {
    return run(args.toArray(String[]::new));
  }

  public static Run run(Terminal terminal, String... args) {
    // Buffered writers on streams, as the command line has: what a command prints must reach them
    // without anyone else flushing.
    Captured out = new Captured();
    Captured err = new Captured();
    int code = Main.run(args, out.writer(), err.writer(), terminal);
    return new Run(code, out.toString(), err.toString());
  }

  /** {@code kbgen build --content C --templates T --out O}. */
  public static Run build(Path content, Path templates, Path out) {
    return run(buildArgs(content, templates, out));
  }

  /** {@code kbgen check --content C --templates T}. */
  public static Run check(Path content, Path templates) {
    return run("check", "--content", content.toString(), "--templates", templates.toString());
  }

  /** The arguments of {@code kbgen build --content C --templates T --out O}. */
  public static List<String> buildArgs(Path content, Path templates, Path out) {
    return List.of(
        "build",
        "--content",
        content.toString(),
        "--templates",
        templates.toString(),
        "--out",
        out.toString());
  }
}
