package dev.kbgen.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** The entry point: {@code java -jar kbgen.jar <command>}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(
        run(
            args,
            new PrintWriter(System.out, true, StandardCharsets.UTF_8),
            new PrintWriter(System.err, true, StandardCharsets.UTF_8),
            Terminal.detect(System.getenv(), System.console() != null)));
  }

  /** Runs a command line with plain output (no progress, no colour); returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, Terminal.PLAIN);
  }

  /** Runs a command line with the given output streams and terminal; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err, Terminal terminal) {
    CommandLine cli = new CommandLine(new KbgenCommand(terminal));
    cli.setOut(out);
    cli.setErr(err);
    cli.setExitCodeExceptionMapper(
        e ->
            e instanceof picocli.CommandLine.ParameterException
                ? ExitCodes.USAGE
                : ExitCodes.INTERNAL);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("kbgen: internal error (please report it): " + e);
          e.printStackTrace(commandLine.getErr());
          return ExitCodes.INTERNAL;
        });
    return cli.execute(args);
  }
}
