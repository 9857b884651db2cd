package dev.kbgen.config;

import dev.kbgen.html.RawHtml;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Site settings from {@code content/site.yaml}.
 *
 * @param title site title per language
 * @param description one-sentence site description per language
 * @param baseUrl absolute URL the site is published at, ending in {@code /}
 * @param defaultLanguage the language of the site root
 * @param languages the languages, in display order
 * @param products declared product areas, in display order
 * @param tags declared tags
 * @param sections headings that mark troubleshooting sections
 * @param popularTags how many tags the home page shows
 * @param recentArticles how many recently updated articles the home page shows
 * @param relatedArticles how many related articles an article page shows
 * @param reviewAfterDays after how many days without an update or review an article is reported
 * @param duplicateThreshold similarity (0 to 1, relative to an article's similarity to itself) from
 *     which two articles in one language are reported as near-duplicates
 * @param rawHtml whether raw HTML in articles is sanitised (the default) or trusted
 * @param synonyms groups of words or phrases a search treats as one another (query expansion)
 */
public record SiteConfig(
    Map<String, String> title,
    Map<String, String> description,
    String baseUrl,
    String defaultLanguage,
    List<Language> languages,
    List<Term> products,
    List<Term> tags,
    SectionNames sections,
    int popularTags,
    int recentArticles,
    int relatedArticles,
    int reviewAfterDays,
    double duplicateThreshold,
    RawHtml rawHtml,
    List<List<String>> synonyms) {

  /** Default of {@code review_after_days}. */
  public static final int DEFAULT_REVIEW_AFTER_DAYS = 365;

  /** Default of {@code duplicate_threshold}. */
  public static final double DEFAULT_DUPLICATE_THRESHOLD = 0.7;

  public SiteConfig {
    title = Map.copyOf(title);
    description = Map.copyOf(description);
    languages = List.copyOf(languages);
    products = List.copyOf(products);
    tags = List.copyOf(tags);
    synonyms = synonyms.stream().map(List::copyOf).toList();
  }

  public List<String> languageCodes() {
    return languages.stream().map(Language::code).toList();
  }

  public Optional<Language> language(String code) {
    return languages.stream().filter(l -> l.code().equals(code)).findFirst();
  }

  public Optional<Term> product(String key) {
    return products.stream().filter(t -> t.key().equals(key)).findFirst();
  }

  public Optional<Term> tag(String key) {
    return tags.stream().filter(t -> t.key().equals(key)).findFirst();
  }

  public String title(String lang) {
    return title.getOrDefault(lang, title.getOrDefault(defaultLanguage, ""));
  }

  public String description(String lang) {
    return description.getOrDefault(lang, "");
  }
}
