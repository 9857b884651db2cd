package dev.kbgen.build;

import dev.kbgen.config.SectionNames;
import dev.kbgen.markdown.MarkdownCache;
import dev.kbgen.search.SearchDocument;
import dev.kbgen.search.SearchEngine;
import dev.kbgen.template.TemplateCache;
import dev.kbgen.template.Templates;
import java.nio.file.Path;
import java.util.List;

/**
 * What a series of builds of the same site shares (the preview server rebuilds after every save):
 * the Markdown and template engines, each article's rendered body while its text and link targets
 * stay the same, and the search engine while no article changed. Every entry is checked against the
 * new input, so a build with a cache gives the same bytes as one without.
 *
 * <p>{@code new Pipeline(options)} uses a fresh cache: a single build is not affected.
 */
public final class BuildCache {
  private final TemplateCache templates = new TemplateCache();
  private MarkdownCache markdown;
  private SearchEngine engine;
  private List<SearchDocument> engineDocs = List.of();

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
   * The search engine (Lucene index of every language), made again only when a search document
   * changed: an edit that changes no article's text, title or metadata reuses it.
   */
  synchronized SearchEngine engine(List<SearchDocument> docs) {
    if (engine == null || !engineDocs.equals(docs)) {
      engine = SearchEngine.build(docs);
      engineDocs = List.copyOf(docs);
    }
    return engine;
  }

  /** How many article bodies were rendered, not reused, since this cache was made. */
  public synchronized long markdownRenders() {
    return markdown == null ? 0 : markdown.renders();
  }
}
