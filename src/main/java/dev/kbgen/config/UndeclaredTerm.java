package dev.kbgen.config;

import dev.kbgen.problem.Suggestions;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What to say about a product or tag key that site.yaml does not declare: the key of a term whose
 * display name was written instead (a writer in Chinese types 桌面客户端, not desktop-client), the keys
 * of a list whose items a full-width comma joined into one, a likely typo, or a fallback.
 */
public final class UndeclaredTerm {
  /**
   * Punctuation an input method types where a YAML list's was meant: '，', '、' and '；' for ',', '［'
   * and '］' for '[' and ']'.
   */
  private static final Pattern FULL_WIDTH_LIST =
      Pattern.compile("[\\uFF0C\\u3001\\uFF1B\\uFF3B\\uFF3D]");

  /** What separates the items of such a list: those commas, or an ASCII one beside them. */
  private static final Pattern ITEM_SEPARATOR = Pattern.compile("[\\uFF0C\\u3001\\uFF1B,]");

  private UndeclaredTerm() {}

  /**
   * The hint for {@code written}, which is not one of the keys of {@code terms}.
   *
   * @param kind "tag" or "product"
   * @param fallback the hint when nothing better is known
   */
  public static String hint(String written, List<Term> terms, String kind, String fallback) {
    if (isFullWidthList(written)) {
      List<String> parts = new ArrayList<>();
      for (String item : listItems(written)) {
        parts.add(named(item, terms).map(Term::key).orElse(item));
      }
      return "write the list with ASCII brackets and commas, not full-width ones: ["
          + String.join(", ", parts)
          + "]";
    }
    Optional<Term> byName = named(written, terms);
    if (byName.isPresent()) {
      return "'"
          + written
          + "' is the name of the "
          + kind
          + " '"
          + byName.get().key()
          + "': write its key, "
          + byName.get().key();
    }
    return Suggestions.didYouMean(written, terms.stream().map(Term::key).toList(), fallback);
  }

  /**
   * Whether a value YAML read as one item is a list typed with an input method's full-width
   * punctuation ({@code [0x80070005，ORB-SYNC-1301]}, {@code ［windows］}).
   */
  public static boolean isFullWidthList(String value) {
    return FULL_WIDTH_LIST.matcher(value).find();
  }

  /** The items of such a value, without its brackets. */
  public static List<String> listItems(String value) {
    return ITEM_SEPARATOR
        .splitAsStream(value.replace('\uFF3B', ' ').replace('\uFF3D', ' '))
        .map(String::strip)
        .filter(p -> !p.isEmpty())
        .toList();
  }

  /** The term whose display name in some language is {@code name} (case and width ignored). */
  static Optional<Term> named(String name, List<Term> terms) {
    String n = fold(name);
    return terms.stream()
        .filter(t -> t.names().values().stream().anyMatch(v -> fold(v).equals(n)))
        .findFirst();
  }

  private static String fold(String s) {
    return Normalizer.normalize(s.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
  }
}
