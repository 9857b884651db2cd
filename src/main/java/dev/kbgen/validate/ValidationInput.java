package dev.kbgen.validate;

import dev.kbgen.config.SiteConfig;
import dev.kbgen.content.Article;
import dev.kbgen.i18n.Translations;
import java.util.List;

/**
 * What the rules look at.
 *
 * @param articles every article, sorted by path
 * @param config the site config
 * @param translations the articles paired by id
 */
public record ValidationInput(
    List<Article> articles, SiteConfig config, Translations translations) {
  public ValidationInput {
    articles = List.copyOf(articles);
  }
}
