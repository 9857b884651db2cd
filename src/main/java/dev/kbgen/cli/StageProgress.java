package dev.kbgen.cli;

import dev.kbgen.build.Progress;
import java.io.PrintWriter;
import java.util.Locale;

/** One line per finished stage on a terminal: {@code markdown 26 articles 41 ms}. */
final class StageProgress implements Progress {
  private final PrintWriter err;

  private StageProgress(PrintWriter err) {
    this.err = err;
  }

  /** Progress lines on an interactive terminal, nothing otherwise (CI, pipes, {@code --quiet}). */
  static Progress on(Terminal terminal, boolean quiet, PrintWriter err) {
    return terminal.interactive() && !quiet ? new StageProgress(err) : Progress.NONE;
  }

  @Override
  public void stageDone(String stage, String detail, long millis) {
    err.printf(Locale.ROOT, "  %-10s %-28s %6d ms%n", stage, detail, millis);
    err.flush();
  }
}
