package dev.kbgen.yaml;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A list typed with an input method's full-width punctuation: {@code [0x80070005，ORB-SYNC-1301]} or
 * {@code ［windows］}, which YAML reads as one item. The parser's own complaints about full-width
 * punctuation are {@link YamlReader}'s.
 */
public final class FullWidthList {
  /**
   * Punctuation an input method types where a YAML list's was meant: '，', '、' and '；' for ',', '［'
   * and '］' for '[' and ']'.
   */
  private static final Pattern PUNCTUATION =
      Pattern.compile("[\\uFF0C\\u3001\\uFF1B\\uFF3B\\uFF3D]");

  /** What separates the items of such a list: those commas, or an ASCII one beside them. */
  private static final Pattern ITEM_SEPARATOR = Pattern.compile("[\\uFF0C\\u3001\\uFF1B,]");

  private FullWidthList() {}

  /** Whether a value YAML read as one item is such a list. */
  public static boolean is(String value) {
    return PUNCTUATION.matcher(value).find();
  }

  /** The items of such a value, without its brackets. */
  public static List<String> items(String value) {
    return ITEM_SEPARATOR
        .splitAsStream(value.replace('\uFF3B', ' ').replace('\uFF3D', ' '))
        .map(String::strip)
        .filter(p -> !p.isEmpty())
        .toList();
  }
}
