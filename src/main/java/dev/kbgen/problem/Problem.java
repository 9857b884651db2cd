package dev.kbgen.problem;

import java.util.Comparator;

/**
 * One thing wrong with the input, located in a file.
 *
 * @param severity how bad it is
 * @param file the file as shown to the writer (relative to the working directory when possible)
 * @param line 1-based line, or 0 when the problem concerns the whole file
 * @param column 1-based column, or 0 when unknown
 * @param title one line saying what is wrong
 * @param detail more explanation, or empty
 * @param hint what to do about it, or empty
 * @param excerpt the source line the problem points at, or empty
 */
public record Problem(
    Severity severity,
    String file,
    int line,
    int column,
    String title,
    String detail,
    String hint,
    String excerpt) {

  /** Orders problems by file, line, column, then title: stable output for the same input. */
  public static final Comparator<Problem> ORDER =
      Comparator.comparing(Problem::file)
          .thenComparingInt(Problem::line)
          .thenComparingInt(Problem::column)
          .thenComparing(Problem::severity)
          .thenComparing(Problem::title);

  public Problem {
    detail = detail == null ? "" : detail;
    hint = hint == null ? "" : hint;
    excerpt = excerpt == null ? "" : excerpt;
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code file:line:column} with the parts that are known. */
  public String location() {
    if (line <= 0) {
      return file;
    }
    return column <= 0 ? file + ":" + line : file + ":" + line + ":" + column;
  }
}
