package dev.kbgen.problem;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A text file as problems refer to it: its display name and its lines, so that a problem can quote
 * the line it points at.
 *
 * @param file the file name shown to writers
 * @param lines the file's lines without line terminators
 */
public record Source(String file, List<String> lines) {

  public Source {
    lines = lines instanceof TextLines ? lines : List.copyOf(lines);
  }

  /**
   * A source over text already normalised to {@code \n} line ends. The lines are views of the text
   * (one offset per line), so a source costs no copy of its file.
   */
  public static Source of(String file, String text) {
    return new Source(file, new TextLines(text));
  }

  /** The lines of a text, each made when asked for; immutable. */
  private static final class TextLines extends AbstractList<String> implements RandomAccess {
    private final String text;
    private final int[] starts;

    TextLines(String text) {
      this.text = text;
      int n = 1;
      for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
        n++;
      }
      starts = new int[n];
      for (int i = text.indexOf('\n'), k = 1; i >= 0; i = text.indexOf('\n', i + 1), k++) {
        starts[k] = i + 1;
      }
    }

    @Override
    public String get(int index) {
      int end = index + 1 < starts.length ? starts[index + 1] - 1 : text.length();
      return text.substring(starts[index], end);
    }

    @Override
    public int size() {
      return starts.length;
    }
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
