package dev.kbgen.problem;

import java.util.Comparator;
import java.util.Locale;

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

  /**
   * A message as shown to a person, in a terminal or a page: control characters other than line
   * ends and tabs, which a message may quote from the input or a library (a template engine's NUL),
   * are written as {@code \\uXXXX}. Machine formats keep the text as it is.
   */
  public static String visible(String text) {
    if (text.chars().noneMatch(Problem::hidden)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    text.chars()
        .forEach(
            c -> {
              if (hidden(c)) {
                out.append(String.format(Locale.ROOT, "\\u%04X", c));
              } else {
                out.append((char) c);
              }
            });
    return out.toString();
  }

  private static boolean hidden(int c) {
    return Character.getType(c) == Character.CONTROL && c != '\n' && c != '\r' && c != '\t';
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
