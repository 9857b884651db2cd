package dev.kbgen.build;

import dev.kbgen.config.SectionNames;
import dev.kbgen.markdown.MarkdownCache;
import dev.kbgen.search.RelatedArticles;
import dev.kbgen.search.RelatedDocument;
import dev.kbgen.template.TemplateCache;
import dev.kbgen.template.Templates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a series of builds of the same site shares (the preview server rebuilds after every save):
 * the Markdown and template engines, each article's rendered body while its text and link targets
 * stay the same, and the related-articles result while no article's text changed. Every entry is
 * checked against the new input, so a build with a cache gives the same bytes as one without.
 *
 * <p>{@code new Pipeline(options)} uses a fresh cache: a single build is not affected.
 */
public final class BuildCache {
  private final TemplateCache templates = new TemplateCache();
  private MarkdownCache markdown;
  private final Map<String, Related> related = new HashMap<>();

  /** The Markdown renderer for these section names, keeping its rendered bodies. */
  synchronized MarkdownCache markdown(SectionNames names) {
    if (markdown == null || !markdown.sectionNames().equals(names)) {
      markdown = new MarkdownCache(names);
    }
    return markdown;
  }

  /** The template engine, made again when a template changed. */
  Templates templates(Path dir) {
    return templates.get(dir);
  }

  /**
   * Related articles. Articles are only related within their language, so each language is computed
   * again only when one of its documents or the limit changed.
   */
  synchronized Map<String, List<String>> related(List<RelatedDocument> docs, int limit) {
    Map<String, List<RelatedDocument>> byLang = new TreeMap<>();
    docs.forEach(d -> byLang.computeIfAbsent(d.lang(), k -> new ArrayList<>()).add(d));
    related.keySet().retainAll(byLang.keySet());
    Map<String, List<String>> out = new HashMap<>();
    byLang.forEach(
        (lang, list) -> {
          Related previous = related.get(lang);
          if (previous == null || previous.limit() != limit || !previous.docs().equals(list)) {
            previous = new Related(List.copyOf(list), limit, RelatedArticles.compute(list, limit));
            related.put(lang, previous);
          }
          out.putAll(previous.result());
        });
    return out;
  }

  private record Related(List<RelatedDocument> docs, int limit, Map<String, List<String>> result) {}

  /** How many article bodies were rendered, not reused, since this cache was made. */
  public synchronized long markdownRenders() {
    return markdown == null ? 0 : markdown.renders();
  }
}
