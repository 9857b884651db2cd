package dev.kbgen.i18n;

import dev.kbgen.content.Article;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Articles grouped by id: the same id in two languages makes them translations of each other.
 *
 * @param byId for each id, the article in each language
 */
public record Translations(Map<String, Map<String, Article>> byId) {

  public Translations {
    Map<String, Map<String, Article>> copy = new TreeMap<>();
    byId.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
    byId = Map.copyOf(copy);
  }

  /**
   * Pairs articles by id. An id that two articles use in one language (an error) pairs nothing:
   * either could be the translation, and comparing with the wrong one would report differences that
   * are not there.
   */
  public static Translations pair(Collection<Article> articles) {
    Map<String, Map<String, Article>> byId = new TreeMap<>();
    Set<String> ambiguous = new HashSet<>();
    for (Article a : articles) {
      if (byId.computeIfAbsent(a.id(), k -> new TreeMap<>()).putIfAbsent(a.lang(), a) != null) {
        ambiguous.add(a.id());
      }
    }
    byId.keySet().removeAll(ambiguous);
    return new Translations(byId);
  }

  /** The article with this id in this language. */
  public Optional<Article> get(String id, String lang) {
    return Optional.ofNullable(byId.getOrDefault(id, Map.of()).get(lang));
  }

  /** The same article in another language, in the order of {@code languages}. */
  public Optional<Article> other(Article article, List<String> languages) {
    for (String lang : languages) {
      if (!lang.equals(article.lang())) {
        Optional<Article> a = get(article.id(), lang);
        if (a.isPresent()) {
          return a;
        }
      }
    }
    return Optional.empty();
  }
}
