package dev.kbgen.config;

import dev.kbgen.problem.Suggestions;
import dev.kbgen.yaml.FullWidthList;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What to say about a product or tag key that site.yaml does not declare: the key of a term whose
 * display name was written instead (a writer in Chinese types 桌面客户端, not desktop-client), the keys
 * of a list whose items a full-width comma joined into one, a likely typo, or a fallback.
 */
public final class UndeclaredTerm {
  private UndeclaredTerm() {}

  /**
   * The hint for {@code written}, which is not one of the keys of {@code terms}.
   *
   * @param kind "tag" or "product"
   * @param fallback the hint when nothing better is known
   */
  public static String hint(String written, List<Term> terms, String kind, String fallback) {
    if (FullWidthList.is(written)) {
      List<String> parts = new ArrayList<>();
      for (String item : FullWidthList.items(written)) {
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
