package dev.kbgen.yaml;

import java.util.Locale;

/** Writing YAML scalars that read back exactly (front matter that kbgen writes). */
public final class YamlScalars {
  private YamlScalars() {}

  /**
   * A double-quoted scalar: quotes and backslashes escaped, and every character YAML would not keep
   * as it is (controls, NEL, line and paragraph separators, BOM) as a {@code \\u} escape.
   */
  public static String doubleQuoted(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20
              || c == 0x7f
              || c == '\u0085'
              || c == '\u2028'
              || c == '\u2029'
              || c == '\uFEFF') {
            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
