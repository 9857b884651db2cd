package dev.kbgen.testing;

import dev.kbgen.cli.Main;
import dev.kbgen.cli.Terminal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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

  /**
   * Runs kbgen in a Java runtime of its own, in {@code folder} and with {@code env} added to the
   * environment (a variable set to null is removed): for what a runtime reads once at its start,
   * such as its locale and environment. What it prints to either stream is in {@link Run#out}.
   */
  public static Run child(Path folder, Map<String, String> env, List<String> args)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile("kbgen-child", ".log");
    try {
      List<String> command =
          new ArrayList<>(
              List.of(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  Main.class.getName()));
      command.addAll(args);
      ProcessBuilder pb = new ProcessBuilder(command).directory(folder.toFile());
      env.forEach(
          (k, v) -> {
            if (v == null) {
              pb.environment().remove(k);
            } else {
              pb.environment().put(k, v);
            }
          });
      Process child = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!child.waitFor(120, TimeUnit.SECONDS)) {
        child.destroyForcibly();
        throw new AssertionError("kbgen did not end: " + Files.readString(log));
      }
      return new Run(child.exitValue(), Files.readString(log, StandardCharsets.UTF_8), "");
    } finally {
      Files.deleteIfExists(log);
    }
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
