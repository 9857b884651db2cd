package dev.kbgen.site;

import dev.kbgen.content.Article;
import dev.kbgen.content.Asset;
import dev.kbgen.content.ContentPaths;
import dev.kbgen.i18n.Translations;
import dev.kbgen.markdown.LinkRequest;
import dev.kbgen.markdown.LinkResolution;
import dev.kbgen.markdown.LinkResolver;
import dev.kbgen.problem.Suggestions;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Resolves what articles link to: {@code [[KB-1042]]} by id, relative {@code .md} paths by file,
 * images and downloads by asset, in the article's language first and then in the others.
 */
public final class LinkIndex {
  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
  private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto", "tel");

  /** A link to an article that has errors of its own: not checked further. */
  private static LinkResolution unchecked(String title) {
    return new LinkResolution("#", title, null, null, null, null, null, null);
  }

  private final Map<String, Article> byPath = new HashMap<>();
  private final Set<String> assets = new HashSet<>();
  private final Translations translations;
  private final List<String> languages;
  private final Map<String, String> unparsed;
  private final Map<String, String> drafts;

  /** Every article's id, those that two articles share in a language included. */
  private final Set<String> ids = new HashSet<>();

  public LinkIndex(
      Collection<Article> articles,
      Collection<Asset> assets,
      Translations translations,
      List<String> languages) {
    this(articles, assets, translations, languages, Map.of());
  }

  /**
   * @param unparsed article files that have errors, and files left out for a name that cannot be
   *     read, by content path, with the id they seem to declare (or an empty string): links to them
   *     are not reported as broken, because the problem is in the target, which is reported already
   *     ({@code check} goes on after errors)
   */
  public LinkIndex(
      Collection<Article> articles,
      Collection<Asset> assets,
      Translations translations,
      List<String> languages,
      Map<String, String> unparsed) {
    this(articles, assets, translations, languages, unparsed, Map.of());
  }

  /**
   * @param unparsed as above
   * @param drafts drafts left out of the build, by content path, with their id: a link to one is
   *     broken, and says why
   */
  public LinkIndex(
      Collection<Article> articles,
      Collection<Asset> assets,
      Translations translations,
      List<String> languages,
      Map<String, String> unparsed,
      Map<String, String> drafts) {
    articles.forEach(a -> byPath.put(a.path(), a));
    articles.forEach(a -> ids.add(a.id()));
    assets.forEach(a -> this.assets.add(a.path()));
    this.translations = translations;
    this.languages = List.copyOf(languages);
    this.unparsed = Map.copyOf(unparsed);
    this.drafts = Map.copyOf(drafts);
  }

  private static final String DRAFT_HINT =
      "link it once it is published (remove 'status: draft'), or build with --drafts";

  /** The resolver for links written in one article. */
  public LinkResolver forArticle(Article from) {
    return request -> resolve(from, request);
  }

  LinkResolution resolve(Article from, LinkRequest request) {
    String page = Permalinks.article(from);
    if (request.kind() == LinkRequest.Kind.REFERENCE) {
      return reference(from, page, request.target());
    }
    String target = request.target().strip();
    if (target.isEmpty()) {
      return LinkResolution.broken("empty link", "write the target inside the parentheses");
    }
    if (target.startsWith("#")) {
      return new LinkResolution(
          target, null, null, null, null, null, from.path(), target.substring(1));
    }
    var scheme = SCHEME.matcher(target);
    if (scheme.find()) {
      String s = scheme.group().substring(0, scheme.group().length() - 1).toLowerCase(Locale.ROOT);
      if (!SAFE_SCHEMES.contains(s)) {
        return LinkResolution.broken(
            "link with '" + s + ":' is not allowed", "link to http(s) pages or to other articles");
      }
      return LinkResolution.unchanged(target);
    }
    if (target.startsWith("//")) {
      return LinkResolution.unchanged("https:" + target);
    }
    if (target.startsWith("/")) {
      return LinkResolution.broken(
          "link '" + target + "' starts at the server root",
          "link to the article's .md file with a relative path, e.g. ../sync/other.md");
    }
    ContentPaths.Target split = ContentPaths.Target.of(target);
    String fragment = split.fragment();
    String path = split.path();
    path = decode(path);
    Optional<String> resolved = ContentPaths.normalise(ContentPaths.parent(from.path()), path);
    if (resolved.isEmpty()) {
      return LinkResolution.broken(
          "link '" + target + "' points outside the content folder",
          "link to files inside content/");
    }
    String rel = resolved.get();
    if (rel.endsWith(".md")) {
      Article a = byPath.get(rel);
      if (a != null) {
        return toArticle(from, page, a, fragment);
      }
      // The same file in another language.
      String rest = rel.contains("/") ? rel.substring(rel.indexOf('/') + 1) : rel;
      for (String lang : languages) {
        Article other = byPath.get(lang + "/" + rest);
        if (other != null) {
          Optional<Article> same = translations.get(other.id(), from.lang());
          return toArticle(from, page, same.orElse(other), fragment);
        }
      }
      if (unparsed.containsKey(rel)) {
        return unchecked(target);
      }
      if (drafts.containsKey(rel)) {
        return LinkResolution.broken(
            "link to '" + target + "': the article is a draft", DRAFT_HINT);
      }
      return LinkResolution.broken(
          "link to '" + target + "': no such article",
          meant(target, rel, byPath.keySet())
              .orElse("check the path; it is relative to " + from.path()));
    }
    if (request.kind() == LinkRequest.Kind.LINK && (rel.endsWith("/") || !rel.contains("."))) {
      return LinkResolution.broken(
          "link to '" + target + "' is not an article or a file",
          "link to the article's .md file, e.g. ../sync/other.md");
    }
    if (assets.contains(rel)) {
      return new LinkResolution(
          Permalinks.relative(page, rel) + fragment, null, null, null, null, null, null, null);
    }
    if (unparsed.containsKey(rel)) {
      return unchecked(target);
    }
    String what = request.kind() == LinkRequest.Kind.IMAGE ? "image" : "file";
    return LinkResolution.broken(
        what + " '" + target + "' does not exist",
        meant(target, rel, assets)
            .orElse("put the file at " + contentFolder(from) + rel + " or fix the path"));
  }

  /**
   * The content folder as the writer named it (what the article's shown name has before its path),
   * or "content/".
   */
  private static String contentFolder(Article from) {
    String shown = from.source().file();
    String path = from.path();
    if (shown.length() > path.length() && shown.endsWith("/" + path)) {
      return shown.substring(0, shown.length() - path.length());
    }
    return "content/";
  }

  /**
   * A hint naming the file a broken link probably meant: one in the same folder whose name differs
   * only in letter case (which a Mac or Windows disk does not tell apart, and the web server does),
   * or is a likely typo of the written name; the link is given as written with that name.
   *
   * @param target the link as written
   * @param rel the content path it resolves to
   * @param files the content paths of the files it could have meant
   */
  private static Optional<String> meant(String target, String rel, Collection<String> files) {
    int slash = rel.lastIndexOf('/');
    String folder = rel.substring(0, slash + 1);
    String name = rel.substring(slash + 1);
    List<String> names =
        files.stream()
            .filter(f -> f.startsWith(folder) && f.indexOf('/', folder.length()) < 0)
            .map(f -> f.substring(folder.length()))
            .sorted()
            .toList();
    String written = ContentPaths.Target.of(target).path();
    String base = written.substring(0, written.lastIndexOf('/') + 1);
    for (String n : names) {
      if (n.equalsIgnoreCase(name)) {
        return Optional.of(
            "write '"
                + base
                + n
                + "': only the letter case differs (a Mac or Windows disk does not tell them"
                + " apart, the web server does)");
      }
    }
    return Suggestions.closest(name, names).map(n -> "did you mean '" + base + n + "'?");
  }

  private LinkResolution reference(Article from, String page, String target) {
    String id = target;
    String fragment = "";
    int hash = target.indexOf('#');
    if (hash >= 0) {
      id = target.substring(0, hash).strip();
      fragment = target.substring(hash);
    }
    Optional<Article> same = translations.get(id, from.lang());
    if (same.isPresent()) {
      return toArticle(from, page, same.get(), fragment);
    }
    for (String lang : languages) {
      Optional<Article> other = translations.get(id, lang);
      if (other.isPresent()) {
        return toArticle(from, page, other.get(), fragment);
      }
    }
    // An id of a file with errors, or one that two articles share (the translations pair neither):
    // that error is reported already, and which article is meant is not known.
    if (!id.isEmpty() && (unparsed.containsValue(id) || ids.contains(id))) {
      return unchecked(id);
    }
    if (!id.isEmpty() && drafts.containsValue(id)) {
      return LinkResolution.broken(
          "reference [[" + target + "]]: '" + id + "' is a draft", DRAFT_HINT);
    }
    return LinkResolution.broken(
        "reference [[" + target + "]]: no article has id '" + id + "'",
        Suggestions.didYouMean(id, ids, "check the id in the target article's front matter"));
  }

  private static LinkResolution toArticle(Article from, String page, Article to, String fragment) {
    String url = Permalinks.relative(page, Permalinks.article(to)) + fragment;
    String fallback = to.lang().equals(from.lang()) ? null : to.lang();
    String anchor = fragment.isEmpty() ? null : fragment.substring(1);
    return new LinkResolution(url, to.title(), fallback, to.id(), null, null, to.path(), anchor);
  }

  private static String decode(String path) {
    try {
      return java.net.URLDecoder.decode(
          path.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return path;
    }
  }
}
