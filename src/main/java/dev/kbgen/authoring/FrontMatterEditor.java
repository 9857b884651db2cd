package dev.kbgen.authoring;

import dev.kbgen.i18n.SourceFingerprint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Edits one key of an article's front matter in its text, leaving every other byte as it was (line
 * ends, comments, quoting, the body).
 */
public final class FrontMatterEditor {
  private static final String KEY = "translated_from";

  private FrontMatterEditor() {}

  /** The {@code translated_from} block for a source fingerprint, one line per entry. */
  public static List<String> translatedFrom(String lang, SourceFingerprint fingerprint) {
    List<String> sections = new ArrayList<>();
    fingerprint.sections().forEach((k, h) -> sections.add(Yaml.scalar(k) + ": " + h));
    return List.of(
        KEY + ":",
        "  lang: " + Yaml.scalar(lang),
        "  hash: " + fingerprint.hash(),
        "  sections: {" + String.join(", ", sections) + "}");
  }

  /**
   * The file's text with {@code translated_from} replaced by (or, when absent, added before the
   * closing {@code ---} as) the given lines; empty when the text has no front matter.
   *
   * @param text the file as read (any line ends, optionally a BOM)
   * @param block the lines of the new {@code translated_from} entry, without line ends
   */
  public static Optional<String> setTranslatedFrom(String text, List<String> block) {
    List<String> lines = splitKeepingEnds(text);
    if (lines.isEmpty() || !strip(lines.get(0)).replace("\uFEFF", "").strip().equals("---")) {
      return Optional.empty();
    }
    String eol = lines.get(0).endsWith("\r\n") ? "\r\n" : "\n";
    int close = -1;
    for (int i = 1; i < lines.size(); i++) {
      String l = strip(lines.get(i));
      if (l.equals("---") || l.equals("...") || l.stripTrailing().equals("---")) {
        close = i;
        break;
      }
    }
    if (close < 0) {
      return Optional.empty();
    }
    int start = close;
    int end = close;
    for (int i = 1; i < close; i++) {
      if (strip(lines.get(i)).startsWith(KEY + ":")) {
        start = i;
        end = i + 1;
        while (end < close && startsIndented(lines.get(end))) {
          end++;
        }
        break;
      }
    }
    StringBuilder out = new StringBuilder();
    lines.subList(0, start).forEach(out::append);
    block.forEach(l -> out.append(l).append(eol));
    lines.subList(end, lines.size()).forEach(out::append);
    return Optional.of(out.toString());
  }

  private static boolean startsIndented(String line) {
    return line.startsWith(" ") || line.startsWith("\t");
  }

  /** The line without its line end. */
  private static String strip(String line) {
    int n = line.length();
    while (n > 0 && (line.charAt(n - 1) == '\n' || line.charAt(n - 1) == '\r')) {
      n--;
    }
    return line.substring(0, n);
  }

  /** Lines with their line ends ({@code \n}, {@code \r\n}); the last may have none. */
  static List<String> splitKeepingEnds(String text) {
    List<String> out = new ArrayList<>();
    int from = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        out.add(text.substring(from, i + 1));
        from = i + 1;
      }
    }
    if (from < text.length()) {
      out.add(text.substring(from));
    }
    return out;
  }
}
