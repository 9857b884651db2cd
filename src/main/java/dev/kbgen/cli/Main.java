package dev.kbgen.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import picocli.CommandLine;

/** The entry point: {@code java -jar kbgen.jar <command>}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // Out of memory in a worker thread reaches the command too, which says so once, without a
    // stack trace (run). So do the errors it causes there: a class first needed then (as the one
    // that records a failed task) cannot be initialised. Anything else is printed as usual.
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, e) -> {
          if (!(e instanceof VirtualMachineError || e instanceof LinkageError)) {
            System.err.print("Exception in thread \"" + thread.getName() + "\" ");
            e.printStackTrace();
          }
        });
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
    try {
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
    } catch (OutOfMemoryError e) {
      // What the command held is unreachable now, so there is memory to say so; a build's staged
      // output was discarded on the way out and the previous site is as it was.
      err.printf(
          Locale.ROOT,
          "kbgen: out of memory: the Java heap holds at most %d MB%n"
              + "  hint: give it more, e.g. KBGEN_JAVA_OPTS=-Xmx4g bin/kbgen ...,"
              + " or java -Xmx4g -jar kbgen.jar ...%n",
          Runtime.getRuntime().maxMemory() >> 20);
      err.flush();
      return ExitCodes.INTERNAL;
    }
  }
}
