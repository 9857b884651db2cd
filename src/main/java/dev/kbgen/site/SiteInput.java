package dev.kbgen.site;

import dev.kbgen.config.SiteConfig;
import dev.kbgen.content.Article;
import dev.kbgen.i18n.Translations;
import dev.kbgen.i18n.UiStrings;
import dev.kbgen.markdown.RenderedBody;
import java.util.List;
import java.util.Map;

/**
 * What the assembler works from.
 *
 * @param config site settings
 * @param ui UI strings
 * @param articles the published articles, sorted by path
 * @param bodies rendered body per article path
 * @param translations articles paired by id
 * @param related for each article path, the paths of related articles, best first
 * @param search the search runtime and index manifests
 * @param outdated for each translation whose source changed after it was made, the source's path
 */
public record SiteInput(
    SiteConfig config,
    UiStrings ui,
    List<Article> articles,
    Map<String, RenderedBody> bodies,
    Translations translations,
    Map<String, List<String>> related,
    SearchAssets search,
    Map<String, String> outdated) {
  public SiteInput {
    articles = List.copyOf(articles);
    bodies = Map.copyOf(bodies);
    related = Map.copyOf(related);
    outdated = Map.copyOf(outdated);
  }
}
