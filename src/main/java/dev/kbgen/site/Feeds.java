package dev.kbgen.site;

import dev.kbgen.config.SiteConfig;
import dev.kbgen.content.Article;
import dev.kbgen.i18n.UiStrings;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The Atom feed per language and the sitemap with hreflang alternates. */
final class Feeds {
  private static final int FEED_ENTRIES = 50;

  private Feeds() {}

  static String atom(
      SiteConfig config,
      UiStrings ui,
      String lang,
      List<Article> articles,
      Function<Article, String> title) {
    List<Article> recent =
        articles.stream()
            .sorted(
                Comparator.comparing((Article a) -> a.meta().updated())
                    .reversed()
                    .thenComparing(Article::id))
            .limit(FEED_ENTRIES)
            .toList();
    String home = Permalinks.absolute(config.baseUrl(), Permalinks.home(lang));
    String updated = recent.isEmpty() ? "1970-01-01" : recent.get(0).meta().updated().toString();
    StringBuilder x = new StringBuilder();
    x.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    x.append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"")
        .append(lang)
        .append("\">\n");
    x.append("  <title>")
        .append(Xml.escape(config.title(lang) + " · " + ui.get(lang, "feed_title")))
        .append("</title>\n");
    x.append("  <id>").append(Xml.escape(home)).append("</id>\n");
    x.append("  <link href=\"").append(Xml.escape(home)).append("\"/>\n");
    x.append("  <link rel=\"self\" href=\"")
        .append(Xml.escape(config.baseUrl() + Permalinks.feed(lang)))
        .append("\"/>\n");
    x.append("  <updated>").append(updated).append("T00:00:00Z</updated>\n");
    x.append("  <author><name>")
        .append(Xml.escape(config.title(lang)))
        .append("</name></author>\n");
    for (Article a : recent) {
      String url = Permalinks.absolute(config.baseUrl(), Permalinks.article(a));
      x.append("  <entry>\n");
      x.append("    <title>").append(Xml.escape(title.apply(a))).append("</title>\n");
      x.append("    <id>").append(Xml.escape(url)).append("</id>\n");
      x.append("    <link href=\"").append(Xml.escape(url)).append("\"/>\n");
      x.append("    <updated>").append(a.meta().updated()).append("T00:00:00Z</updated>\n");
      if (a.meta().summary() != null) {
        x.append("    <summary>").append(Xml.escape(a.meta().summary())).append("</summary>\n");
      }
      x.append("  </entry>\n");
    }
    x.append("</feed>\n");
    return x.toString();
  }

  /**
   * Every page of every language, with its alternates in the other languages.
   *
   * @param pagesByLang for each language, page key to path
   */
  static String sitemap(
      SiteConfig config, Map<String, Map<String, String>> pagesByLang, List<Article> articles) {
    Map<String, String> lastmod = new java.util.HashMap<>();
    for (Article a : articles) {
      lastmod.put(Permalinks.article(a), a.meta().updated().toString());
    }
    StringBuilder x = new StringBuilder();
    x.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    x.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"")
        .append(" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
    for (var lang : pagesByLang.entrySet()) {
      for (var page : lang.getValue().entrySet()) {
        if (page.getKey().equals("search")) {
          continue;
        }
        x.append("  <url>\n    <loc>")
            .append(Xml.escape(Permalinks.absolute(config.baseUrl(), page.getValue())))
            .append("</loc>\n");
        String mod = lastmod.get(page.getValue());
        if (mod != null) {
          x.append("    <lastmod>").append(mod).append("</lastmod>\n");
        }
        long versions =
            pagesByLang.values().stream().filter(m -> m.containsKey(page.getKey())).count();
        if (versions > 1) {
          for (var other : pagesByLang.entrySet()) {
            String path = other.getValue().get(page.getKey());
            if (path != null) {
              x.append("    <xhtml:link rel=\"alternate\" hreflang=\"")
                  .append(other.getKey())
                  .append("\" href=\"")
                  .append(Xml.escape(Permalinks.absolute(config.baseUrl(), path)))
                  .append("\"/>\n");
            }
          }
        }
        x.append("  </url>\n");
      }
    }
    x.append("</urlset>\n");
    return x.toString();
  }
}
