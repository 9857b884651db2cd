package dev.kbgen.site;

import java.util.List;

/**
 * The records templates receive. Every URL in them is already relative to the page being rendered.
 * Optional values are {@code null}; lists are never null.
 */
public final class Views {
  private Views() {}

  /** A named link. */
  public record Link(String name, String url) {}

  /** A language in the switch: the same page in that language, or its home. */
  public record LangLink(
      String code, String label, String url, boolean current, boolean available) {}

  /** Site-wide values. */
  public record SiteView(
      String title,
      String description,
      String homeUrl,
      String feedUrl,
      String searchUrl,
      String searchScript,
      String searchManifests,
      List<LangLink> languages) {}

  /** An hreflang alternate with its absolute URL. */
  public record Alternate(String lang, String href) {}

  /** Values about the page itself. */
  public record PageView(
      String kind,
      String title,
      String description,
      String canonical,
      List<Alternate> alternates,
      String jsonLd,
      String ogType) {}

  /** A product in the navigation. */
  public record NavLink(String name, String url, int count, boolean current) {}

  /** A product area card on the home page. */
  public record ProductCard(String key, String name, String url, int count) {}

  /** A tag or error code with the number of articles. */
  public record TermLink(String name, String url, int count) {}

  /** An article in a list. */
  public record Card(
      String id,
      String title,
      String url,
      String summary,
      String type,
      String typeLabel,
      String productName,
      String status,
      String statusLabel,
      String updated,
      List<String> errorCodes) {}

  /** A level-2 section of an article. */
  public record SectionView(String kind, String heading, String anchor, String html) {}

  /** A table-of-contents entry. */
  public record TocEntry(int level, String text, String anchor) {}

  /** The same article in another language. */
  public record TranslationLink(String lang, String label, String url, boolean fallback) {}

  /** Set when the other language has no translation: where to go instead. */
  public record Untranslated(String lang, String label, String url) {}

  /**
   * Set on a translation whose source changed after it was made: the source's language, its name in
   * the page's language, and the link to it.
   */
  public record OutdatedNotice(String lang, String languageName, String url) {}

  /** A group of cards with an optional heading. */
  public record Group(String title, List<Card> articles) {}

  /** Everything an article page shows. */
  public record ArticleView(
      String id,
      String title,
      String summary,
      String type,
      String typeLabel,
      Link product,
      String severity,
      String severityLabel,
      String status,
      String statusLabel,
      String workaround,
      String fixEta,
      String fixedIn,
      List<String> appliesTo,
      List<Link> errorCodes,
      List<Link> tags,
      String intro,
      List<SectionView> sections,
      List<TocEntry> toc,
      List<Card> related,
      List<String> apiDocs,
      String updated,
      String reviewed,
      List<Link> breadcrumbs,
      TranslationLink translation,
      Untranslated untranslated,
      OutdatedNotice otherLangBanner) {}
}
