package dev.kbgen.i18n;

import dev.kbgen.content.Article;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
   * Pairs articles by id (the first article of an id in a language wins; duplicates are errors).
   */
  public static Translations pair(Collection<Article> articles) {
    Map<String, Map<String, Article>> byId = new TreeMap<>();
    for (Article a : articles) {
      byId.computeIfAbsent(a.id(), k -> new TreeMap<>()).putIfAbsent(a.lang(), a);
    }
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
