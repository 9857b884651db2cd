package dev.kbgen.authoring;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Writes front-matter values so that kbgen reads them back exactly. */
final class Yaml {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");
  private static final List<String> WORDS =
      List.of("yes", "no", "on", "off", "true", "false", "null", "y", "n");

  private Yaml() {}

  /** A value, plain when that is safe (ids, keys), otherwise in double quotes. */
  static String scalar(String value) {
    if (PLAIN.matcher(value).matches() && !WORDS.contains(value.toLowerCase(Locale.ROOT))) {
      return value;
    }
    return quoted(value);
  }

  /** A value in double quotes, with YAML's escapes. */
  static String quoted(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** A flow list: {@code [a, "b c"]}. */
  static String list(List<String> values) {
    return "[" + String.join(", ", values.stream().map(Yaml::scalar).toList()) + "]";
  }
}
