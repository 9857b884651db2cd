package dev.kbgen.build;

import dev.kbgen.config.SectionNames;
import dev.kbgen.html.RawHtml;
import dev.kbgen.markdown.MarkdownCache;
import dev.kbgen.search.LanguageIndex;
import dev.kbgen.search.SearchDocument;
import dev.kbgen.search.SearchEngine;
import dev.kbgen.search.SimilarArticles;
import dev.kbgen.search.StaticIndexWriter;
import dev.kbgen.search.Synonyms;
import dev.kbgen.template.TemplateCache;
import dev.kbgen.template.Templates;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
  // Languages are computed side by side: these maps are not guarded by the cache's lock.
  private final Map<SimilarKey, SimilarArticles.Result> similar = new ConcurrentHashMap<>();
  private final Map<IndexKey, StaticIndexWriter.Output> staticIndexes = new ConcurrentHashMap<>();

  /**
   * The Markdown renderer for these section names and raw-HTML policy, keeping its rendered bodies.
   */
  synchronized MarkdownCache markdown(SectionNames names, RawHtml rawHtml) {
    if (markdown == null
        || !markdown.sectionNames().equals(names)
        || markdown.rawHtml() != rawHtml) {
      markdown = new MarkdownCache(names, rawHtml);
    }
    return markdown;
  }

  /** The template engine, made again when a template changed. */
  Templates templates(Path dir) {
    return templates.get(dir);
  }

  /**
   * The search engine (Lucene index of every language), made again only when a search document
   * changed, and per language: an edit reuses the other language's index.
   */
  synchronized SearchEngine engine(List<SearchDocument> docs) {
    if (engine == null || !engineDocs.equals(docs)) {
      engine = SearchEngine.build(docs, engine);
      engineDocs = List.copyOf(docs);
      // Results of indexes that were not reused are dropped.
      var live = java.util.Set.copyOf(engine.indexes().values());
      similar.keySet().removeIf(k -> !live.contains(k.index()));
      staticIndexes.keySet().removeIf(k -> !live.contains(k.index()));
    }
    return engine;
  }

  /** Drops the search engine and what was computed from it (a single build, once it is done). */
  synchronized void forgetSearch() {
    engine = null;
    engineDocs = List.of();
    similar.clear();
    staticIndexes.clear();
  }

  /** Related articles and near-duplicates of one language, computed once per engine. */
  SimilarArticles.Result similar(LanguageIndex index, int limit, double threshold) {
    SimilarKey key = new SimilarKey(index, limit, threshold);
    return similar.computeIfAbsent(key, k -> SimilarArticles.compute(index, limit, threshold));
  }

  /** A language's static index files, written once per engine and set of display names. */
  StaticIndexWriter.Output staticIndex(
      LanguageIndex index, Map<String, Map<String, String>> names, Synonyms synonyms) {
    IndexKey key = new IndexKey(index, names, synonyms);
    return staticIndexes.computeIfAbsent(key, k -> StaticIndexWriter.write(index, names, synonyms));
  }

  private record SimilarKey(LanguageIndex index, int limit, double threshold) {}

  private record IndexKey(
      LanguageIndex index, Map<String, Map<String, String>> names, Synonyms synonyms) {}

  /** How many article bodies were rendered, not reused, since this cache was made. */
  public synchronized long markdownRenders() {
    return markdown == null ? 0 : markdown.renders();
  }
}
