package dev.kbgen.cli;

import dev.kbgen.build.OutOfMemory;
import dev.kbgen.content.FileNames;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ForkJoinWorkerThread;
import picocli.CommandLine;

/** The entry point: {@code java -jar kbgen.jar <command>}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // A worker of the common pool that fails for lack of memory hands the failure to the thread
    // that waits for its task, and the command says so once, without a stack trace (run); the
    // error it meets on the way (a class first needed then, as the one that records a failed task,
    // cannot be initialised) is left out too. Any other thread's failure is printed as usual.
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, e) -> {
          if (thread instanceof ForkJoinWorkerThread
              && (e instanceof VirtualMachineError || e instanceof LinkageError)) {
            return;
          }
          System.err.print("Exception in thread \"" + thread.getName() + "\" ");
          e.printStackTrace();
        });
    System.exit(
        run(
            args,
            writer(System.out),
            writer(System.err),
            Terminal.detect(System.getenv(), System.console() != null)));
  }

  /**
   * A command's writer on a stream, in UTF-8. Like any {@code PrintWriter} on a stream it buffers:
   * {@code println} and {@code printf} flush, {@code print} does not; {@link #run} flushes both
   * writers when the command ends, and a command that prints on one writer before the other (or
   * runs on, like serve) flushes the first itself.
   */
  public static PrintWriter writer(OutputStream stream) {
    return new PrintWriter(stream, true, StandardCharsets.UTF_8);
  }

  /** A date option's value, {@code YYYY-MM-DD}. */
  private static LocalDate date(String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not a date: write YYYY-MM-DD, such as 2026-01-31");
    }
  }

  /** Runs a command line with plain output (no progress, no colour); returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, Terminal.PLAIN);
  }

  /** Runs a command line with the given output streams and terminal; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err, Terminal terminal) {
    OutOfMemory outOfMemory = OutOfMemory.prepare();
    try {
      FileNames names = FileNames.current();
      if (!names.isUtf8()) {
        // Outside a UTF-8 locale, an argument such as a Chinese query arrives as replacement
        // characters: searching for those would quietly find nothing.
        for (String arg : args) {
          if (FileNames.unreadable(arg)) {
            err.println(
                "kbgen: an argument cannot be read in this locale's character set ("
                    + names.charset()
                    + "): '"
                    + arg
                    + "'");
            err.println("hint: " + names.hint());
            return ExitCodes.USAGE;
          }
        }
      }
      CommandLine cli = new CommandLine(new KbgenCommand(terminal));
      cli.setOut(out);
      cli.setErr(err);
      cli.registerConverter(LocalDate.class, Main::date);
      // A usage mistake: the message and what to run for help, not the whole help.
      cli.setParameterExceptionHandler(
          (e, arguments) -> {
            CommandLine command = e.getCommandLine();
            PrintWriter to = command.getErr();
            to.println("kbgen: " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, to);
            to.println(
                "Try '" + command.getCommandSpec().qualifiedName() + " --help' for the options.");
            return ExitCodes.USAGE;
          });
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
    } catch (Error e) {
      if (outOfMemory.explains(e)) {
        // What the command held is unreachable now, so there is memory to say so; a build's
        // staged output was discarded on the way out and the previous site is as it was.
        outOfMemory.report(err);
        return ExitCodes.INTERNAL;
      }
      err.println("kbgen: internal error (please report it): " + e);
      e.printStackTrace(err);
      return ExitCodes.INTERNAL;
    } finally {
      err.flush();
      out.flush();
    }
  }
}
