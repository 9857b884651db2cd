package dev.kbgen.problem;

import java.util.List;
import java.util.Locale;

/**
 * Problems as JSON for tools: an array with one object per problem, one per line:
 *
 * <pre>
 * [
 * {"severity":"error","file":"content/en/a.md","line":4,"column":10,"title":"...","detail":"","hint":"...","excerpt":"..."}
 * ]
 * </pre>
 */
public final class ProblemJson {
  private ProblemJson() {}

  public static String format(List<Problem> problems) {
    StringBuilder out = new StringBuilder("[\n");
    for (int i = 0; i < problems.size(); i++) {
      out.append(object(problems.get(i))).append(i + 1 < problems.size() ? ",\n" : "\n");
    }
    return out.append("]\n").toString();
  }

  /** One problem as a JSON object on one line. */
  public static String object(Problem p) {
    StringBuilder out = new StringBuilder("{");
    field(out, "severity", p.severity().label()).append(',');
    field(out, "file", p.file()).append(',');
    out.append("\"line\":").append(p.line()).append(',');
    out.append("\"column\":").append(p.column()).append(',');
    field(out, "title", p.title()).append(',');
    field(out, "detail", p.detail()).append(',');
    field(out, "hint", p.hint()).append(',');
    field(out, "excerpt", p.excerpt());
    return out.append('}').toString();
  }

  private static StringBuilder field(StringBuilder out, String name, String value) {
    return string(string(out, name).append(':'), value);
  }

  private static StringBuilder string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"');
  }
}
