package dev.kbgen.validate;

import dev.kbgen.config.SiteConfig;
import dev.kbgen.content.Article;
import dev.kbgen.content.ArticleParser;
import dev.kbgen.i18n.TranslationStatus;
import dev.kbgen.i18n.Translations;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the rules look at.
 *
 * @param articles every article, sorted by path
 * @param config the site config
 * @param translations the articles paired by id
 * @param statuses where the translations of each id stand
 * @param today the date review dates are compared with
 * @param requireTranslations whether a missing translation is a warning rather than an info
 * @param unbuilt article files that exist but are not built, by content path, with the id they
 *     declare (or seem to): a draft without {@code --drafts}, or a file whose front matter has an
 *     error
 * @param drafts the paths among {@code unbuilt} that are drafts
 * @param faulty the articles among {@code unbuilt} whose front matter has errors but reads as keys
 *     and values, typed as far as it goes, with the keys whose values are wrong: their text is
 *     checked ({@code TODO:} placeholders), and so are the values that were read (products and tags
 *     declared, review dates), so that one run lists them with the error
 */
public record ValidationInput(
    List<Article> articles,
    SiteConfig config,
    Translations translations,
    List<TranslationStatus> statuses,
    LocalDate today,
    boolean requireTranslations,
    Map<String, String> unbuilt,
    Set<String> drafts,
    List<ArticleParser.Parsed> faulty) {
  public ValidationInput {
    articles = List.copyOf(articles);
    faulty = List.copyOf(faulty);
    statuses = List.copyOf(statuses);
    unbuilt = Map.copyOf(unbuilt);
    drafts = Set.copyOf(drafts);
  }

  /** Whether a file for this id exists in this language but is not built. */
  public boolean unbuilt(String lang, String id) {
    return unbuilt.entrySet().stream()
        .anyMatch(e -> e.getValue().equals(id) && e.getKey().startsWith(lang + "/"));
  }

  /** Whether this id is a draft's (in any language) and no built article's. */
  public boolean draftOnly(String id) {
    return drafts.stream().anyMatch(p -> id.equals(unbuilt.get(p)))
        && articles.stream().noneMatch(a -> a.id().equals(id));
  }
}
