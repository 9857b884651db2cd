package dev.kbgen.site;

import dev.kbgen.config.Language;
import dev.kbgen.config.SiteConfig;
import dev.kbgen.config.Term;
import dev.kbgen.content.Article;
import dev.kbgen.content.CodeTokens;
import dev.kbgen.html.HtmlHeading;
import dev.kbgen.json.Json;
import dev.kbgen.markdown.RenderedBody;
import dev.kbgen.site.Views.ArticleView;
import dev.kbgen.site.Views.Card;
import dev.kbgen.site.Views.Group;
import dev.kbgen.site.Views.LangLink;
import dev.kbgen.site.Views.Link;
import dev.kbgen.site.Views.NavLink;
import dev.kbgen.site.Views.PageView;
import dev.kbgen.site.Views.ProductCard;
import dev.kbgen.site.Views.SectionView;
import dev.kbgen.site.Views.SiteView;
import dev.kbgen.site.Views.TermLink;
import dev.kbgen.site.Views.TocEntry;
import dev.kbgen.site.Views.TranslationLink;
import dev.kbgen.site.Views.Untranslated;
import java.text.CollationKey;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Turns articles into every page of the site, each with the variables its template needs. */
public final class SiteAssembler {
  private final SiteInput in;

  /** Articles per product, per language. */
  private final Map<String, Map<String, Integer>> productCounts = new HashMap<>();

  private final SiteConfig config;
  private final Map<String, Article> byPath = new HashMap<>();

  /** For each language, the page keys that exist there (for the language switch). */
  private final Map<String, Map<String, String>> pagesByLang = new TreeMap<>();

  public SiteAssembler(SiteInput in) {
    this.in = in;
    this.config = in.config();
    in.articles().forEach(a -> byPath.put(a.path(), a));
    for (Article a : in.articles()) {
      if (a.meta().product() != null) {
        productCounts
            .computeIfAbsent(a.lang(), k -> new HashMap<>())
            .merge(a.meta().product(), 1, Integer::sum);
      }
    }
  }

  /** The assembled site: pages to render and generated text files. */
  public record Assembled(List<Page> pages, Map<String, String> files) {}

  public Assembled assemble() {
    // The languages are indexed side by side, and their pages made side by side: nothing of one
    // language is changed while another is worked on.
    Map<String, LangIndex> indexes = new LinkedHashMap<>();
    for (LangIndex idx : config.languageCodes().parallelStream().map(this::langIndex).toList()) {
      indexes.put(idx.lang, idx);
    }
    indexes.values().forEach(this::registerPages);

    List<Page> pages = new ArrayList<>();
    for (List<Page> langPages : indexes.values().parallelStream().map(this::pages).toList()) {
      pages.addAll(langPages);
    }
    pages.add(rootPage());
    pages.add(notFoundPage(config.defaultLanguage(), Permalinks.notFound()));
    for (String lang : config.languageCodes()) {
      pages.add(notFoundPage(lang, Permalinks.notFound(lang)));
    }
    pages.sort(Comparator.comparing(Page::path));

    Map<String, String> files = new TreeMap<>();
    for (LangIndex idx : indexes.values()) {
      files.put(
          Permalinks.feed(idx.lang),
          Feeds.atom(config, in.ui(), idx.lang, idx.articles, this::title));
    }
    files.put("sitemap.xml", Feeds.sitemap(config, pagesByLang, in.articles()));
    files.put(
        "robots.txt", "User-agent: *\nAllow: /\n\nSitemap: " + config.baseUrl() + "sitemap.xml\n");
    return new Assembled(pages, files);
  }

  /** A language's articles, sorted by title, and what it has of them. */
  private LangIndex langIndex(String lang) {
    List<Article> list = new ArrayList<>();
    for (Article a : in.articles()) {
      if (a.lang().equals(lang)) {
        list.add(a);
      }
    }
    list.sort(byTitle(lang));
    return new LangIndex(lang, list);
  }

  /**
   * An article page of this assembly made again for the article as it is now (its body changed,
   * nothing else): the article view is made from the new body and this assembler's input, the rest
   * of the page's variables are kept.
   *
   * @param earlier the article's page as {@link #assemble} made it
   * @param a the article now (the same front matter)
   * @param body its body now
   */
  public Page articlePage(Page earlier, Article a, RenderedBody body) {
    Map<String, Object> vars = new LinkedHashMap<>(earlier.vars());
    vars.put("article", articleView(a, body, earlier.path(), in.ui().of(a.lang())));
    return new Page(earlier.path(), earlier.template(), vars);
  }

  private String title(Article a) {
    return a.title();
  }

  /**
   * The slugs of the codes an article declares or mentions in its own text: the titles its
   * references show are the other articles' words, not a mention.
   */
  private Set<String> codeSlugs(Article a, CodeNames codes) {
    Set<String> slugs = declared(a);
    RenderedBody body = in.bodies().get(a.path());
    if (body != null) {
      String text = body.ownText().toLowerCase(Locale.ROOT);
      CodeTokens.forEach(
          text,
          (start, end) -> {
            String slug = codes.slug(text, start, end);
            if (slug != null) {
              slugs.add(slug);
            }
          });
      for (String c : codes.spaced) {
        if (text.contains(c)) {
          slugs.add(codes.bySpelling.get(c));
        }
      }
    }
    return slugs;
  }

  /** The slugs of the codes in an article's {@code error_codes}. */
  private static Set<String> declared(Article a) {
    Set<String> slugs = new TreeSet<>();
    a.meta().errorCodes().forEach(c -> slugs.add(Permalinks.codeSlug(c)));
    return slugs;
  }

  /**
   * The error codes of one language by their lower-cased spelling, for finding them in article
   * text. Most tokens of a text are no code: a bit per hash of the spellings rules those out
   * without making a string of each.
   */
  private static final class CodeNames {
    private static final int HASH_BITS = 1 << 20;

    final Map<String, String> bySpelling = new HashMap<>();

    /** Codes with a space (such as "HTTP 502"), which are no single token. */
    final List<String> spaced;

    private final long[] hashes = new long[HASH_BITS / 64];

    CodeNames(Map<String, String> names) {
      names.forEach((slug, name) -> bySpelling.put(name.toLowerCase(Locale.ROOT), slug));
      for (String spelling : bySpelling.keySet()) {
        int bit = spelling.hashCode() & (HASH_BITS - 1);
        hashes[bit >>> 6] |= 1L << bit;
      }
      spaced = bySpelling.keySet().stream().filter(c -> c.contains(" ")).sorted().toList();
    }

    /** The slug of the code spelt {@code text[start, end)}, or null. */
    String slug(String text, int start, int end) {
      int h = 0;
      for (int i = start; i < end; i++) {
        h = 31 * h + text.charAt(i); // String.hashCode
      }
      int bit = h & (HASH_BITS - 1);
      if ((hashes[bit >>> 6] & 1L << bit) == 0) {
        return null;
      }
      return bySpelling.get(text.substring(start, end));
    }
  }

  /** What one language has: articles, by product, tag and code. */
  private final class LangIndex {
    final String lang;
    final List<Article> articles;
    final Map<String, List<Article>> byProduct = new LinkedHashMap<>();
    final Map<String, List<Article>> byTag = new TreeMap<>();

    /** Code slug to (display spelling, articles). */
    final Map<String, List<Article>> byCode = new TreeMap<>();

    final Map<String, String> codeNames = new TreeMap<>();

    LangIndex(String lang, List<Article> articles) {
      this.lang = lang;
      this.articles = articles;
      for (Term p : config.products()) {
        byProduct.put(p.key(), new ArrayList<>());
      }
      for (Article a : articles) {
        if (a.meta().product() != null) {
          byProduct.computeIfAbsent(a.meta().product(), k -> new ArrayList<>()).add(a);
        }
        for (String t : a.meta().tags()) {
          byTag.computeIfAbsent(t, k -> new ArrayList<>()).add(a);
        }
        for (String c : a.meta().errorCodes()) {
          String slug = Permalinks.codeSlug(c);
          codeNames.merge(slug, c, (x, y) -> x.compareTo(y) <= 0 ? x : y);
          byCode.computeIfAbsent(slug, k -> new ArrayList<>());
        }
      }
      // An error code page lists every article that declares or mentions the code: first those
      // that declare it, the ones about fewer codes first (an article about the code before a
      // list of many), then those that only mention it. Mentions are found through each
      // article's code-like tokens (one pass over its text); only codes with spaces, such as
      // "HTTP 502", need a plain text search.
      CodeNames codes = new CodeNames(codeNames);
      // Articles are scanned on every core; the lists are filled in article order.
      List<Set<String>> mentions = articles.parallelStream().map(a -> codeSlugs(a, codes)).toList();
      List<Set<String>> declared = articles.stream().map(SiteAssembler::declared).toList();
      List<Integer> bySpecificity = new ArrayList<>();
      for (int i = 0; i < articles.size(); i++) {
        bySpecificity.add(i);
      }
      bySpecificity.sort(Comparator.comparingInt(i -> declared.get(i).size()));
      for (int i : bySpecificity) {
        for (String slug : declared.get(i)) {
          byCode.get(slug).add(articles.get(i));
        }
      }
      for (int i = 0; i < articles.size(); i++) {
        for (String slug : mentions.get(i)) {
          if (!declared.get(i).contains(slug)) {
            byCode.get(slug).add(articles.get(i));
          }
        }
      }
      byProduct.values().removeIf(List::isEmpty);
    }
  }

  private void registerPages(LangIndex idx) {
    Map<String, String> keys = new TreeMap<>();
    String lang = idx.lang;
    keys.put("home", Permalinks.home(lang));
    keys.put("articles", Permalinks.articles(lang));
    keys.put("tags", Permalinks.tags(lang));
    keys.put("codes", Permalinks.codes(lang));
    keys.put("search", Permalinks.search(lang));
    for (Article a : idx.articles) {
      keys.put("article:" + a.id(), Permalinks.article(a));
    }
    idx.byProduct.keySet().forEach(p -> keys.put("product:" + p, Permalinks.product(lang, p)));
    idx.byTag.keySet().forEach(t -> keys.put("tag:" + t, Permalinks.tag(lang, t)));
    idx.byCode.keySet().forEach(c -> keys.put("code:" + c, Permalinks.code(lang, c)));
    pagesByLang.put(lang, keys);
  }

  /** An article's page. */
  private Page articlePage(Article a, Map<String, String> t) {
    String lang = a.lang();
    String path = Permalinks.article(a);
    Map<String, Object> vars =
        base(
            lang,
            path,
            "article",
            "article:" + a.id(),
            a.title(),
            a.meta().summary(),
            a.meta().product());
    vars.put("article", articleView(a, in.bodies().get(a.path()), path, t));
    vars.put(
        "page",
        pageView(
            lang,
            "article:" + a.id(),
            path,
            a.title(),
            a.meta().summary(),
            "article",
            Json.write(articleLd(a, path))));
    return new Page(path, "article.peb", vars);
  }

  private List<Page> pages(LangIndex idx) {
    String lang = idx.lang;
    Map<String, String> t = in.ui().of(lang);
    List<Page> pages = new ArrayList<>();

    // Home.
    {
      String path = Permalinks.home(lang);
      Map<String, Object> vars =
          base(lang, path, "home", "home", config.title(lang), config.description(lang), null);
      vars.put(
          "products",
          idx.byProduct.entrySet().stream()
              .map(
                  e ->
                      new ProductCard(
                          e.getKey(),
                          productName(e.getKey(), lang),
                          Permalinks.relative(path, Permalinks.product(lang, e.getKey())),
                          e.getValue().size()))
              .toList());
      vars.put(
          "tags",
          idx.byTag.entrySet().stream()
              .sorted(
                  Comparator.<Map.Entry<String, List<Article>>>comparingInt(
                          e -> -e.getValue().size())
                      .thenComparing(Map.Entry::getKey))
              .limit(config.popularTags())
              .map(
                  e ->
                      termLink(
                          path,
                          e.getKey(),
                          tagName(e.getKey(), lang),
                          Permalinks.tag(lang, e.getKey()),
                          e.getValue().size()))
              .toList());
      vars.put(
          "recent",
          idx.articles.stream()
              .sorted(
                  Comparator.comparing((Article a) -> a.meta().updated())
                      .reversed()
                      .thenComparing(Article::id))
              .limit(config.recentArticles())
              .map(a -> card(path, a))
              .toList());
      vars.put(
          "page",
          pageView(
              lang,
              "home",
              path,
              config.title(lang),
              config.description(lang),
              "website",
              Json.write(websiteLd(lang))));
      pages.add(new Page(path, "home.peb", vars));
    }

    // Articles, made on every core, in order.
    pages.addAll(idx.articles.parallelStream().map(a -> articlePage(a, t)).toList());

    // Products.
    for (var e : idx.byProduct.entrySet()) {
      String path = Permalinks.product(lang, e.getKey());
      String name = productName(e.getKey(), lang);
      pages.add(
          listPage(
              lang,
              path,
              "product",
              "product:" + e.getKey(),
              name,
              null,
              e.getValue(),
              e.getKey()));
    }
    // Tags.
    for (var e : idx.byTag.entrySet()) {
      String path = Permalinks.tag(lang, e.getKey());
      pages.add(
          listPage(
              lang,
              path,
              "tag",
              "tag:" + e.getKey(),
              tagName(e.getKey(), lang),
              null,
              e.getValue(),
              null));
    }
    // Error codes, made on every core, in order.
    pages.addAll(
        idx.byCode.entrySet().parallelStream()
            .map(
                e ->
                    listPage(
                        lang,
                        Permalinks.code(lang, e.getKey()),
                        "code",
                        "code:" + e.getKey(),
                        idx.codeNames.get(e.getKey()),
                        null,
                        e.getValue(),
                        null))
            .toList());
    // Indexes.
    {
      String path = Permalinks.tags(lang);
      List<TermLink> terms =
          idx.byTag.entrySet().stream()
              .map(
                  e ->
                      termLink(
                          path,
                          e.getKey(),
                          tagName(e.getKey(), lang),
                          Permalinks.tag(lang, e.getKey()),
                          e.getValue().size()))
              .sorted(Comparator.comparing(TermLink::name, collator(lang)))
              .toList();
      pages.add(termsPage(lang, path, "tags", t.getOrDefault("tags", "Tags"), terms));
    }
    {
      String path = Permalinks.codes(lang);
      List<TermLink> terms =
          idx.byCode.entrySet().stream()
              .map(
                  e ->
                      new TermLink(
                          idx.codeNames.get(e.getKey()),
                          Permalinks.relative(path, Permalinks.code(lang, e.getKey())),
                          e.getValue().size()))
              .toList();
      pages.add(
          termsPage(lang, path, "codes", t.getOrDefault("error_codes", "Error codes"), terms));
    }
    {
      String path = Permalinks.articles(lang);
      String heading = t.getOrDefault("all_articles", "All articles");
      Map<String, Object> vars = base(lang, path, "articles", "articles", heading, null, null);
      List<Group> groups = new ArrayList<>();
      for (var e : idx.byProduct.entrySet()) {
        groups.add(
            new Group(
                productName(e.getKey(), lang),
                e.getValue().stream().map(a -> card(path, a)).toList()));
      }
      List<Card> other =
          idx.articles.stream()
              .filter(
                  a -> a.meta().product() == null || !idx.byProduct.containsKey(a.meta().product()))
              .map(a -> card(path, a))
              .toList();
      if (!other.isEmpty()) {
        groups.add(new Group(null, other));
      }
      vars.put("heading", heading);
      vars.put("description", null);
      vars.put("groups", groups);
      vars.put("page", pageView(lang, "articles", path, heading, null, "website", null));
      pages.add(new Page(path, "list.peb", vars));
    }
    {
      String path = Permalinks.search(lang);
      String heading = t.getOrDefault("search_title", t.getOrDefault("search", "Search"));
      Map<String, Object> vars = base(lang, path, "search", "search", heading, null, null);
      vars.put("page", pageView(lang, "search", path, heading, null, "website", null));
      pages.add(new Page(path, "search.peb", vars));
    }
    return pages;
  }

  private Page listPage(
      String lang,
      String path,
      String kind,
      String key,
      String heading,
      String description,
      List<Article> articles,
      String currentProduct) {
    Map<String, Object> vars = base(lang, path, kind, key, heading, description, currentProduct);
    vars.put("heading", heading);
    vars.put("description", description);
    vars.put(
        "groups", List.of(new Group(null, articles.stream().map(a -> card(path, a)).toList())));
    vars.put("page", pageView(lang, key, path, heading, description, "website", null));
    return new Page(path, "list.peb", vars);
  }

  private Page termsPage(
      String lang, String path, String kind, String heading, List<TermLink> terms) {
    Map<String, Object> vars = base(lang, path, kind, kind, heading, null, null);
    vars.put("heading", heading);
    vars.put("terms", terms);
    vars.put("page", pageView(lang, kind, path, heading, null, "website", null));
    return new Page(path, "terms.peb", vars);
  }

  private Page rootPage() {
    String lang = config.defaultLanguage();
    String path = Permalinks.root();
    Map<String, Object> vars =
        base(lang, path, "root", "home", config.title(lang), config.description(lang), null);
    vars.put(
        "page",
        pageView(
            lang, "home", path, config.title(lang), config.description(lang), "website", null));
    return new Page(path, "root.peb", vars);
  }

  /**
   * A page for addresses that lead nowhere, in {@code lang}, with a line in each other language: a
   * server that has one such page for the whole site shows it to every reader.
   */
  private Page notFoundPage(String lang, String path) {
    String title = in.ui().get(lang, "not_found_title");
    Map<String, Object> vars = base(lang, path, "404", "404", title, null, null);
    // A 404 page is served at any depth, so its links start at the site's base path.
    String basePath = config.baseUrl().replaceFirst("^https?://[^/]+", "");
    String root = basePath.isEmpty() ? "/" : basePath;
    vars.put("root", root);
    vars.put("site", siteView(lang, path, "404", root));
    vars.put("nav", nav(lang, path, null, root));
    List<Map<String, String>> elsewhere = new ArrayList<>();
    for (String other : config.languageCodes()) {
      if (!other.equals(lang)) {
        elsewhere.add(
            Map.of(
                "lang",
                other,
                "text",
                in.ui().get(other, "not_found_text"),
                "home",
                root + Permalinks.home(other),
                "go_home",
                in.ui().get(other, "go_home")));
      }
    }
    vars.put("elsewhere", elsewhere);
    vars.put(
        "page",
        new PageView("404", title, null, config.baseUrl() + path, List.of(), null, "website"));
    return new Page(path, "404.peb", vars);
  }

  /** Variables every page has. */
  private Map<String, Object> base(
      String lang,
      String path,
      String kind,
      String key,
      String title,
      String description,
      String currentProduct) {
    Map<String, Object> vars = new HashMap<>();
    String root = Permalinks.rootPrefix(path);
    vars.put("lang", lang);
    vars.put("t", in.ui().of(lang));
    vars.put("root", root);
    vars.put("site", siteView(lang, path, key, root));
    vars.put("nav", nav(lang, path, currentProduct, root));
    return vars;
  }

  private SiteView siteView(String lang, String path, String key, String root) {
    List<LangLink> langs = new ArrayList<>();
    for (Language l : config.languages()) {
      String target = pagesByLang.getOrDefault(l.code(), Map.of()).get(key);
      boolean available = target != null;
      String url = root + (available ? target : Permalinks.home(l.code()));
      langs.add(new LangLink(l.code(), l.label(), url, l.code().equals(lang), available));
    }
    return new SiteView(
        config.title(lang),
        config.description(lang),
        root + Permalinks.home(lang),
        root + Permalinks.feed(lang),
        root + Permalinks.search(lang),
        in.search().runtime().isEmpty() ? "" : root + in.search().runtime(),
        Json.write(new TreeMap<>(in.search().manifests())),
        langs);
  }

  private List<NavLink> nav(String lang, String path, String currentProduct, String root) {
    Map<String, String> pages = pagesByLang.getOrDefault(lang, Map.of());
    List<NavLink> out = new ArrayList<>();
    for (Term p : config.products()) {
      String target = pages.get("product:" + p.key());
      if (target == null) {
        continue;
      }
      int count = productCounts.getOrDefault(lang, Map.of()).getOrDefault(p.key(), 0);
      out.add(new NavLink(p.name(lang), root + target, count, p.key().equals(currentProduct)));
    }
    return out;
  }

  private PageView pageView(
      String lang,
      String key,
      String path,
      String title,
      String description,
      String ogType,
      String jsonLd) {
    List<Views.Alternate> alternates = new ArrayList<>();
    for (Language l : config.languages()) {
      String target = pagesByLang.getOrDefault(l.code(), Map.of()).get(key);
      if (target != null) {
        alternates.add(
            new Views.Alternate(l.code(), Permalinks.absolute(config.baseUrl(), target)));
      }
    }
    if (alternates.size() < 2) {
      alternates.clear();
    }
    return new PageView(
        key.contains(":") ? key.substring(0, key.indexOf(':')) : key,
        title,
        description,
        Permalinks.absolute(config.baseUrl(), path),
        alternates,
        jsonLd,
        ogType);
  }

  private ArticleView articleView(
      Article a, RenderedBody body, String path, Map<String, String> t) {
    String lang = a.lang();
    var meta = a.meta();
    Link product = null;
    if (meta.product() != null) {
      boolean declared = config.product(meta.product()).isPresent();
      product =
          new Link(
              productName(meta.product(), lang),
              declared || true
                  ? Permalinks.relative(path, Permalinks.product(lang, meta.product()))
                  : null);
    }
    List<Link> codes =
        meta.errorCodes().stream()
            .map(c -> new Link(c, Permalinks.relative(path, Permalinks.code(lang, c))))
            .toList();
    List<Link> tags =
        meta.tags().stream()
            .map(
                tag ->
                    new Link(
                        tagName(tag, lang), Permalinks.relative(path, Permalinks.tag(lang, tag))))
            .toList();
    List<SectionView> sections =
        body.sections().stream()
            .map(s -> new SectionView(s.kind().key(), s.heading(), s.anchor(), s.html()))
            .toList();
    List<TocEntry> toc = new ArrayList<>();
    for (HtmlHeading h : body.headings()) {
      if (h.level() == 2 || h.level() == 3) {
        toc.add(new TocEntry(h.level(), h.text(), h.anchor()));
      }
    }
    List<Card> related =
        in.related().getOrDefault(a.path(), List.of()).stream()
            .map(byPath::get)
            .filter(r -> r != null)
            .map(r -> card(path, r))
            .toList();
    List<Link> crumbs = new ArrayList<>();
    crumbs.add(
        new Link(t.getOrDefault("home", "Home"), Permalinks.relative(path, Permalinks.home(lang))));
    if (product != null) {
      crumbs.add(product);
    }
    TranslationLink translation = null;
    Untranslated untranslated = null;
    for (Language l : config.languages()) {
      if (l.code().equals(lang)) {
        continue;
      }
      Optional<Article> other = in.translations().get(a.id(), l.code());
      if (other.isPresent() && byPath.containsKey(other.get().path())) {
        if (translation == null) {
          translation =
              new TranslationLink(
                  l.code(),
                  l.label(),
                  Permalinks.relative(path, Permalinks.article(other.get())),
                  false);
        }
      } else if (untranslated == null) {
        untranslated =
            new Untranslated(
                l.code(), l.label(), Permalinks.relative(path, Permalinks.home(l.code())));
      }
    }
    String status = meta.status();
    boolean special = status.equals("known-issue") || status.equals("fixed");
    return new ArticleView(
        a.id(),
        a.title(),
        meta.summary(),
        meta.type().key(),
        t.get("type_" + meta.type().key()),
        product,
        meta.severity(),
        meta.severity() == null ? null : t.get("severity_" + meta.severity()),
        status,
        special ? t.get("status_" + status) : null,
        meta.workaround(),
        meta.fixEta(),
        meta.fixedIn(),
        meta.appliesTo(),
        codes,
        tags,
        body.intro().isEmpty() ? null : body.intro(),
        sections,
        toc,
        related,
        meta.apiDocs(),
        meta.updated().toString(),
        meta.reviewed() == null ? null : meta.reviewed().toString(),
        crumbs,
        translation,
        untranslated,
        outdatedNotice(a, path, t));
  }

  /** The notice on a translation whose source changed after it was made, or null. */
  private Views.OutdatedNotice outdatedNotice(Article a, String path, Map<String, String> t) {
    Article source = byPath.get(in.outdated().get(a.path()));
    if (source == null) {
      return null;
    }
    String label = config.language(source.lang()).map(Language::label).orElse(source.lang());
    return new Views.OutdatedNotice(
        source.lang(),
        t.getOrDefault("language_" + source.lang(), label),
        Permalinks.relative(path, Permalinks.article(source)));
  }

  private Card card(String fromPath, Article a) {
    Map<String, String> t = in.ui().of(a.lang());
    String status = a.meta().status();
    boolean special = status.equals("known-issue") || status.equals("fixed");
    return new Card(
        a.id(),
        a.title(),
        Permalinks.relative(fromPath, Permalinks.article(a)),
        a.meta().summary(),
        a.meta().type().key(),
        t.get("type_" + a.meta().type().key()),
        a.meta().product() == null ? null : productName(a.meta().product(), a.lang()),
        status,
        special ? t.get("status_" + status) : null,
        a.meta().updated().toString(),
        a.meta().errorCodes());
  }

  private TermLink termLink(String fromPath, String key, String name, String target, int count) {
    return new TermLink(name, Permalinks.relative(fromPath, target), count);
  }

  private String productName(String key, String lang) {
    return config.product(key).map(p -> p.name(lang)).orElse(key);
  }

  private String tagName(String key, String lang) {
    return config.tag(key).map(p -> p.name(lang)).orElse(key);
  }

  private Map<String, Object> websiteLd(String lang) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("@context", "https://schema.org");
    m.put("@type", "WebSite");
    m.put("name", config.title(lang));
    m.put("url", Permalinks.absolute(config.baseUrl(), Permalinks.home(lang)));
    m.put("inLanguage", lang);
    return m;
  }

  private Map<String, Object> articleLd(Article a, String path) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("@context", "https://schema.org");
    m.put("@type", "TechArticle");
    m.put("headline", a.title());
    m.put("description", a.meta().summary());
    m.put("inLanguage", a.lang());
    m.put("dateModified", a.meta().updated().toString());
    m.put("url", Permalinks.absolute(config.baseUrl(), path));
    m.put("identifier", a.id());
    Set<String> keywords = new TreeSet<>();
    a.meta().tags().forEach(tag -> keywords.add(tagName(tag, a.lang())));
    keywords.addAll(a.meta().errorCodes());
    if (!keywords.isEmpty()) {
      m.put("keywords", String.join(", ", keywords));
    }
    Map<String, Object> publisher = new LinkedHashMap<>();
    publisher.put("@type", "Organization");
    publisher.put("name", config.title(a.lang()));
    m.put("publisher", publisher);
    return m;
  }

  private static Comparator<Article> byTitle(String lang) {
    Comparator<String> c = collator(lang);
    return Comparator.comparing(Article::title, c)
        .thenComparing(Article::id)
        .thenComparing(Article::path);
  }

  /**
   * The language's collation order, then {@code String} order; for one sort on one thread. Each
   * string's collation key is made once and kept: comparing keys gives the collator's order, and a
   * sort compares each string many times (a collator's compare is the slow part of sorting 10,000
   * titles).
   */
  private static Comparator<String> collator(String lang) {
    Collator collator = Collator.getInstance(Locale.forLanguageTag(lang));
    collator.setStrength(Collator.TERTIARY);
    Map<String, CollationKey> keys = new HashMap<>();
    return (x, y) -> {
      int r =
          keys.computeIfAbsent(x, collator::getCollationKey)
              .compareTo(keys.computeIfAbsent(y, collator::getCollationKey));
      return r != 0 ? r : x.compareTo(y);
    };
  }
}
