package dev.kbgen.validate;

import dev.kbgen.config.SiteConfig;
import dev.kbgen.content.Article;
import dev.kbgen.i18n.TranslationStatus;
import dev.kbgen.i18n.Translations;
import java.time.LocalDate;
import java.util.List;

/**
 * What the rules look at.
 *
 * @param articles every article, sorted by path
 * @param config the site config
 * @param translations the articles paired by id
 * @param statuses where the translations of each id stand
 * @param today the date review dates are compared with
 * @param requireTranslations whether a missing translation is a warning rather than an info
 */
public record ValidationInput(
    List<Article> articles,
    SiteConfig config,
    Translations translations,
    List<TranslationStatus> statuses,
    LocalDate today,
    boolean requireTranslations) {
  public ValidationInput {
    articles = List.copyOf(articles);
    statuses = List.copyOf(statuses);
  }
}
