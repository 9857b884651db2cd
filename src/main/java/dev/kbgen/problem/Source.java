package dev.kbgen.problem;

import java.util.List;

/**
 * A text file as problems refer to it: its display name and its lines, so that a problem can quote
 * the line it points at.
 *
 * @param file the file name shown to writers
 * @param lines the file's lines without line terminators
 */
public record Source(String file, List<String> lines) {

  public Source {
    lines = List.copyOf(lines);
  }

  /** Splits text (already normalised to {@code \n} line ends) into a source. */
  public static Source of(String file, String text) {
    return new Source(file, List.of(text.split("\n", -1)));
  }

  /** The 1-based line, or empty when out of range. */
  public String line(int line) {
    return line >= 1 && line <= lines.size() ? lines.get(line - 1) : "";
  }

  public Problem error(int line, int column, String title, String hint) {
    return problem(Severity.ERROR, line, column, title, "", hint);
  }

  public Problem warning(int line, int column, String title, String hint) {
    return problem(Severity.WARNING, line, column, title, "", hint);
  }

  public Problem problem(
      Severity severity, int line, int column, String title, String detail, String hint) {
    return new Problem(severity, file, line, column, title, detail, hint, line(line));
  }
}
