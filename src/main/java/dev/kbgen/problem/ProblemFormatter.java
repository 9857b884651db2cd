package dev.kbgen.problem;

import java.util.List;

/** Renders problems as text for a terminal or a log. */
public final class ProblemFormatter {
  private ProblemFormatter() {}

  /**
   * One problem, compiler style:
   *
   * <pre>
   * content/zh/login/blank-page.md:4:8: error: 'updated' is not a date
   *     updated: 2026-13-01
   *              ^
   *   hint: write dates as YYYY-MM-DD
   * </pre>
   */
  public static String format(Problem p) {
    return format(p, false);
  }

  /**
   * One problem as {@link #format(Problem)}; with {@code colour}, the location is bold and the
   * severity coloured with ANSI escapes (for a terminal only).
   */
  public static String format(Problem p, boolean colour) {
    StringBuilder out = new StringBuilder();
    out.append(paint(colour, BOLD, p.location() + ":")).append(' ');
    out.append(paint(colour, colourOf(p.severity()), p.severity().label() + ":")).append(' ');
    out.append(paint(colour, BOLD, Problem.visible(p.title()))).append('\n');
    if (!p.excerpt().isEmpty() && p.line() > 0) {
      String line = p.excerpt().replace('\t', ' ');
      int caret = p.column() > 0 ? Math.min(p.column() - 1, line.length()) : 0;
      // A long line is shown around the column, not whole (a minified or generated line can be
      // tens of thousands of characters).
      int start = 0;
      int end = line.length();
      if (line.length() > EXCERPT_CHARS) {
        start = Math.max(0, Math.min(caret - EXCERPT_BEFORE, line.length() - EXCERPT_CHARS));
        end = start + EXCERPT_CHARS;
        start += Character.isLowSurrogate(line.charAt(start)) ? 1 : 0;
        end -= Character.isHighSurrogate(line.charAt(end - 1)) ? 1 : 0;
      }
      String before = start > 0 ? "..." : "";
      String shown = before + line.substring(start, end) + (end < line.length() ? "..." : "");
      out.append("    ").append(shown).append('\n');
      if (p.column() > 0) {
        int offset = before.length() + width(line.substring(start, Math.max(start, caret)));
        out.append("    ").append(" ".repeat(offset)).append("^\n");
      }
    }
    if (!p.detail().isEmpty()) {
      out.append("  ").append(Problem.visible(p.detail())).append('\n');
    }
    if (!p.hint().isEmpty()) {
      out.append("  ")
          .append(paint(colour, CYAN, "hint:"))
          .append(' ')
          .append(Problem.visible(p.hint()));
      out.append('\n');
    }
    return out.toString();
  }

  /** The most of a line an excerpt shows, and how much of it comes before the column. */
  private static final int EXCERPT_CHARS = 120;

  private static final int EXCERPT_BEFORE = 40;

  private static final String BOLD = "\u001b[1m";
  private static final String RED = "\u001b[1;31m";
  private static final String YELLOW = "\u001b[1;33m";
  private static final String CYAN = "\u001b[36m";
  private static final String RESET = "\u001b[0m";

  private static String colourOf(Severity s) {
    return switch (s) {
      case ERROR -> RED;
      case WARNING -> YELLOW;
      case INFO -> CYAN;
    };
  }

  private static String paint(boolean colour, String code, String text) {
    return colour ? code + text + RESET : text;
  }

  /**
   * Terminal columns taken by text: East Asian wide and fullwidth characters (Chinese, Japanese,
   * Korean, fullwidth punctuation, emoji) take two, so that the caret stays under the column.
   */
  static int width(String text) {
    return text.codePoints().map(c -> isWide(c) ? 2 : 1).sum();
  }

  private static boolean isWide(int c) {
    return (c >= 0x1100 && c <= 0x115F)
        || (c >= 0x2E80 && c <= 0x303E)
        || (c >= 0x3041 && c <= 0x33FF)
        || (c >= 0x3400 && c <= 0x4DBF)
        || (c >= 0x4E00 && c <= 0x9FFF)
        || (c >= 0xA000 && c <= 0xA4CF)
        || (c >= 0xAC00 && c <= 0xD7A3)
        || (c >= 0xF900 && c <= 0xFAFF)
        || (c >= 0xFE30 && c <= 0xFE4F)
        || (c >= 0xFF00 && c <= 0xFF60)
        || (c >= 0xFFE0 && c <= 0xFFE6)
        || (c >= 0x1F300 && c <= 0x1F64F)
        || (c >= 0x1F900 && c <= 0x1F9FF)
        || (c >= 0x20000 && c <= 0x3FFFD);
  }

  /** All problems followed by a count line, e.g. {@code 2 errors, 1 warning}. */
  public static String formatAll(List<Problem> problems) {
    StringBuilder out = new StringBuilder();
    for (Problem p : problems) {
      out.append(format(p));
    }
    return out.toString();
  }

  /** {@code 2 errors, 1 warning} (zero counts left out; empty when there are no problems). */
  public static String summary(List<Problem> problems) {
    long errors = problems.stream().filter(p -> p.severity() == Severity.ERROR).count();
    long warnings = problems.stream().filter(p -> p.severity() == Severity.WARNING).count();
    long infos = problems.stream().filter(p -> p.severity() == Severity.INFO).count();
    StringBuilder s = new StringBuilder();
    append(s, errors, "error");
    append(s, warnings, "warning");
    append(s, infos, "info");
    return s.toString();
  }

  private static void append(StringBuilder s, long n, String word) {
    if (n == 0) {
      return;
    }
    if (s.length() > 0) {
      s.append(", ");
    }
    s.append(n).append(' ').append(word).append(n == 1 || word.equals("info") ? "" : "s");
  }
}
