package dev.kbgen.build;

import dev.kbgen.config.SiteConfig;
import dev.kbgen.content.Article;
import dev.kbgen.content.TextFile;
import dev.kbgen.i18n.Translations;
import dev.kbgen.problem.Problem;
import java.util.List;
import java.util.Optional;

/**
 * The content as read and parsed, without building: what {@code kbgen translations} and {@code
 * kbgen new} work on.
 *
 * @param config the site config, or null when site.yaml has errors
 * @param files every article file, parsed or not, sorted by path
 * @param articles the articles that parsed (drafts as the options say), sorted by path
 * @param translations the articles paired by id
 * @param problems what reading found, sorted
 */
public record ParsedContent(
    SiteConfig config,
    List<TextFile> files,
    List<Article> articles,
    Translations translations,
    List<Problem> problems) {
  public ParsedContent {
    files = List.copyOf(files);
    articles = List.copyOf(articles);
    problems = List.copyOf(problems);
  }

  public Optional<SiteConfig> siteConfig() {
    return Optional.ofNullable(config);
  }

  public boolean hasErrors() {
    return problems.stream().anyMatch(Problem::isError);
  }
}
