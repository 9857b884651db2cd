package dev.kbgen.importer;

import dev.kbgen.yaml.YamlScalars;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes front matter deterministically: text always double-quoted (so {@code no}, {@code 1.10} or
 * {@code on} stay text), dates plain, lists of text in flow style, maps in block style.
 */
final class YamlOut {
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

  private YamlOut() {}

  /** {@code ---}, the entries, {@code ---}. Values: String, LocalDate, List, Map. */
  static String frontMatter(Map<String, Object> entries) {
    StringBuilder b = new StringBuilder("---\n");
    map(b, entries, 0);
    return b.append("---\n").toString();
  }

  private static void map(StringBuilder b, Map<String, Object> entries, int indent) {
    for (Map.Entry<String, Object> e : entries.entrySet()) {
      b.append(" ".repeat(indent)).append(key(e.getKey())).append(':');
      value(b, e.getValue(), indent);
    }
  }

  @SuppressWarnings("unchecked")
  private static void value(StringBuilder b, Object v, int indent) {
    if (v instanceof Map<?, ?> m) {
      if (m.isEmpty()) {
        b.append(" {}\n");
        return;
      }
      b.append('\n');
      map(b, (Map<String, Object>) m, indent + 2);
    } else if (v instanceof List<?> list) {
      if (list.stream().allMatch(x -> x instanceof String)) {
        b.append(" [");
        for (int i = 0; i < list.size(); i++) {
          b.append(i == 0 ? "" : ", ").append(quote((String) list.get(i)));
        }
        b.append("]\n");
        return;
      }
      b.append('\n');
      for (Object item : list) {
        b.append(" ".repeat(indent + 2)).append('-');
        if (item instanceof Map<?, ?> m && !m.isEmpty()) {
          StringBuilder inner = new StringBuilder();
          map(inner, (Map<String, Object>) m, indent + 4);
          b.append(' ').append(inner.substring(indent + 4));
        } else {
          value(b, item, indent + 2);
        }
      }
    } else if (v instanceof LocalDate d) {
      b.append(' ').append(d).append('\n');
    } else if (v == null) {
      b.append(" null\n");
    } else {
      b.append(' ').append(quote(v.toString())).append('\n');
    }
  }

  private static String key(String k) {
    return PLAIN_KEY.matcher(k).matches() ? k : quote(k);
  }

  /** A YAML double-quoted scalar. */
  static String quote(String s) {
    return YamlScalars.doubleQuoted(s);
  }
}
