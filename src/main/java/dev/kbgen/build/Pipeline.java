package dev.kbgen.build;

import dev.kbgen.config.SectionKind;
import dev.kbgen.config.SiteConfig;
import dev.kbgen.config.SiteConfigLoader;
import dev.kbgen.content.Article;
import dev.kbgen.content.ArticleParser;
import dev.kbgen.content.ArticleType;
import dev.kbgen.content.Asset;
import dev.kbgen.content.ContentLoader;
import dev.kbgen.content.ContentPaths;
import dev.kbgen.content.TextFile;
import dev.kbgen.i18n.TranslationStatus;
import dev.kbgen.i18n.Translations;
import dev.kbgen.i18n.UiStrings;
import dev.kbgen.markdown.MarkdownCache;
import dev.kbgen.markdown.RenderedBody;
import dev.kbgen.problem.Problem;
import dev.kbgen.problem.Problems;
import dev.kbgen.problem.Severity;
import dev.kbgen.problem.Source;
import dev.kbgen.publish.OutputFile;
import dev.kbgen.publish.Publication;
import dev.kbgen.publish.Publisher;
import dev.kbgen.search.SearchDocument;
import dev.kbgen.search.SearchEngine;
import dev.kbgen.search.SearchField;
import dev.kbgen.search.SearchRuntime;
import dev.kbgen.search.SimilarArticles;
import dev.kbgen.search.SimilarPair;
import dev.kbgen.search.StaticIndexWriter;
import dev.kbgen.site.LinkIndex;
import dev.kbgen.site.Page;
import dev.kbgen.site.Permalinks;
import dev.kbgen.site.SearchAssets;
import dev.kbgen.site.SiteAssembler;
import dev.kbgen.site.SiteInput;
import dev.kbgen.template.TemplateError;
import dev.kbgen.template.TemplateException;
import dev.kbgen.template.Templates;
import dev.kbgen.validate.AnchorRule;
import dev.kbgen.validate.NearDuplicateRule;
import dev.kbgen.validate.SectionRule;
import dev.kbgen.validate.ValidationInput;
import dev.kbgen.validate.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One build or check, from {@code content/} to site files. {@link #run(Mode, Publisher)} lists the
 * stages in the order they execute. A build stops once, with every content problem found so far; a
 * check goes on with the articles that parsed, so that it reports everything at once, and renders
 * no page.
 */
public final class Pipeline {
  /** What a run is for. */
  private enum Mode {
    /** Render and publish the site; stop at the first checkpoint with errors. */
    BUILD,
    /** Every check, without rendering pages or writing anything; go on after errors. */
    CHECK
  }

  private final BuildOptions options;
  private final Progress progress;
  private final BuildCache cache;

  /** Whether the cache serves this build only, so that what later stages do not need can go. */
  private final boolean ownCache;

  private final Problems problems = new Problems();
  private final Map<String, Long> timings = new LinkedHashMap<>();

  private SiteConfig config;
  private UiStrings ui;
  private ContentLoader.Loaded loaded;
  private List<Article> articles = List.of();
  private Map<String, String> unparsed = Map.of();

  /**
   * Article files whose front matter has errors but reads as keys and values: not built, but their
   * bodies are checked (links, anchors, placeholders, and sections when the type is known), so that
   * one run lists all of a file's problems.
   */
  private List<ArticleParser.Parsed> faulty = List.of();

  /** Drafts left out of the build, by content path, with their id. */
  private Map<String, String> drafts = Map.of();

  private Translations translations;
  private List<TranslationStatus> statuses = List.of();
  private Map<String, RenderedBody> bodies = Map.of();

  /** The links of every article, as the markdown stage resolved them; quick updates reuse them. */
  private LinkIndex links;

  private Map<String, List<String>> similar = Map.of();
  private SiteAssembler.Assembled assembled;

  /** What assembled the pages; quick updates make an article's page again with it. */
  private SiteAssembler assembler;

  private SearchEngine engine;
  private SearchAssets searchAssets = new SearchAssets("", Map.of());

  /** Files made before the pages (search index) and after them (static files), until publish. */
  private final List<OutputFile> files = new ArrayList<>();

  /** The publication the pages are written to as they are rendered (builds only). */
  private Publication publication;

  /** Every file published, when the publisher keeps them in memory anyway. */
  private List<OutputFile> published = List.of();

  private int fileCount;
  private int pages;
  private String detail = "";

  public Pipeline(BuildOptions options) {
    this(options, Progress.NONE, null);
  }

  public Pipeline(BuildOptions options, Progress progress) {
    this(options, progress, null);
  }

  /** A build that reuses engines and unchanged results of earlier builds (the preview server). */
  public Pipeline(BuildOptions options, BuildCache cache) {
    this(options, Progress.NONE, cache);
  }

  public Pipeline(BuildOptions options, Progress progress, BuildCache cache) {
    this.options = options;
    this.progress = progress;
    this.ownCache = cache == null;
    this.cache = cache == null ? new BuildCache() : cache;
  }

  /** Builds the site; publishes it only when there is no error. */
  public BuildResult run(Publisher publisher) {
    return run(Mode.BUILD, publisher);
  }

  /**
   * Runs every check without writing anything (pages are rendered and dropped), and reports all
   * problems.
   */
  public BuildResult check() {
    return run(Mode.CHECK, null);
  }

  private BuildResult run(Mode mode, Publisher publisher) {
    BuildResult result;
    try {
      result = stages(mode, publisher);
    } catch (RuntimeException | Error e) {
      // The failure is what is reported; one while discarding the staged site comes with it.
      try {
        closePublication();
      } catch (RuntimeException c) {
        e.addSuppressed(c);
      }
      throw e;
    }
    closePublication();
    return result;
  }

  /** Discards the staged site unless it was committed. */
  private void closePublication() {
    if (publication != null) {
      try {
        publication.close();
      } catch (IOException e) {
        throw new OutputException("cannot remove the unpublished site", e);
      }
    }
  }

  private BuildResult stages(Mode mode, Publisher publisher) {
    if (ownCache && mode == Mode.BUILD) {
      WarmUp.start(() -> cache.templates(options.templates()));
    }
    stage("load", () -> load(true));
    if (config == null || ui == null && mode == Mode.BUILD) {
      return result();
    }
    stage("parse", this::parse);
    stage("pair", this::pair);
    stage("validate", this::validate);
    // The bodies are rendered even after front-matter errors, as check does: their broken links,
    // anchors and missing sections are reported with the rest, not after the rest is fixed.
    stage("markdown", this::markdown);
    if (mode == Mode.BUILD && problems.hasErrors()) {
      return result(); // checkpoint: every front-matter, content-rule and link problem
    }
    stage("index", this::index);
    stage("similar", this::similar);
    if (mode == Mode.BUILD && !problems.hasErrors()) {
      stage("search", this::search);
    }
    if (mode == Mode.BUILD && ownCache) {
      // The impacts, search documents and links are not needed by the pages (nor by quick
      // updates, which only serve makes, with a cache of its own): let them go.
      engine = null;
      cache.forgetSearch();
      links = null;
    }
    if (!problems.hasErrors()) {
      stage("assemble", this::assemble);
    }
    if (mode == Mode.CHECK) {
      stage("templates", this::checkTemplates);
      return result();
    }
    if (problems.hasErrors()) {
      return result(); // checkpoint: broken links, structure, output paths
    }
    stage("templates", () -> render(publisher));
    stage("static", this::staticFiles);
    if (problems.hasErrors()) {
      return result();
    }
    stage("publish", this::publish);
    return result();
  }

  /**
   * The page of one article made again, with the problems its file has now.
   *
   * @param file the page
   * @param problems the article's problems (warnings and infos: a quick update has no errors)
   */
  public record QuickPage(OutputFile file, List<Problem> problems) {}

  /**
   * For the preview server, right after a save: when the only change since this successful build is
   * the body of one article (same front matter, no errors), renders that article's page again from
   * this build's state without building the rest of the site, in milliseconds rather than a full
   * build's time. Lists, search, related articles and error code pages keep this build's state
   * until the next full build, which the server runs next. Empty when the change needs a full
   * build: the file is new, gone or not an article, its front matter changed, or it has errors.
   */
  /** The file of the first article built, if any: for warming up {@link #rebuildBody}. */
  public Optional<Path> firstArticleFile() {
    return articles == null || articles.isEmpty()
        ? Optional.empty()
        : Optional.of(options.content().resolve(articles.get(0).path()));
  }

  public Optional<QuickPage> rebuildBody(Path file) {
    if (assembled == null || pages == 0 || problems.hasErrors()) {
      return Optional.empty();
    }
    Path content = options.content().toAbsolutePath().normalize();
    Path abs = file.toAbsolutePath().normalize();
    if (!abs.startsWith(content)) {
      return Optional.empty();
    }
    String rel = content.relativize(abs).toString().replace('\\', '/');
    Optional<Article> old = articles.stream().filter(a -> a.path().equals(rel)).findFirst();
    Optional<TextFile> before =
        loaded.articles().stream().filter(f -> f.path().equals(rel)).findFirst();
    if (old.isEmpty() || before.isEmpty()) {
      return Optional.empty();
    }
    Problems local = new Problems();
    Optional<Article> parsed =
        ContentLoader.readText(abs, before.get().display(), local)
            .map(text -> new TextFile(rel, before.get().display(), text))
            .flatMap(f -> ArticleParser.parse(f, config, local));
    if (parsed.isEmpty()
        || local.hasErrors()
        || !parsed.get().meta().equals(old.get().meta())
        || parsed.get().bodyLine() != old.get().bodyLine()) {
      return Optional.empty();
    }
    Article a = parsed.get();
    // The same meta, so the same links as the full build resolved (they depend on no body).
    RenderedBody body =
        renderBody(
            a,
            cache.markdown(config.sections(), config.rawHtml()),
            links,
            new SectionRule(config.sections()),
            local);
    if (local.hasErrors()) {
      return Optional.empty();
    }
    String path = Permalinks.article(a);
    Optional<Page> earlier =
        assembled.pages().stream().filter(pg -> pg.path().equals(path)).findFirst();
    if (earlier.isEmpty()) {
      return Optional.empty();
    }
    // The build's own assembler: nothing it holds depends on a body, so nothing of the site is
    // copied (at 10,000 pairs, copying its maps took most of a quick update's time).
    Page page = assembler.articlePage(earlier.get(), a, body);
    try {
      String html = cache.templates(options.templates()).render(page.template(), page.vars());
      return Optional.of(new QuickPage(OutputFile.text(path, html), local.sorted()));
    } catch (TemplateException e) {
      return Optional.empty();
    }
  }

  /**
   * What the query commands need: the search engine over every article, or the problems that
   * stopped the stages before it.
   *
   * @param problems every problem found
   * @param engine the engine, or null when there were errors
   * @param config the site config, or null when it could not be read
   */
  public record Reference(List<Problem> problems, SearchEngine engine, SiteConfig config) {}

  /** Runs the stages up to the search index, without rendering or writing anything. */
  public Reference reference() {
    stage("load", () -> load(true));
    if (config != null && ui != null) {
      stage("parse", this::parse);
      stage("pair", this::pair);
      stage("validate", this::validate);
      if (!problems.hasErrors()) {
        stage("markdown", this::markdown);
      }
      if (!problems.hasErrors()) {
        stage("index", this::index);
      }
    }
    return new Reference(problems.sorted(), problems.hasErrors() ? null : engine, config);
  }

  /**
   * Reads and parses the content without checking or building it (drafts as the options say), for
   * the commands that work on articles: {@code translations} and {@code new}.
   */
  public ParsedContent read() {
    stage("load", () -> load(false));
    if (config != null) {
      stage("parse", this::parse);
      stage("pair", this::pair);
    }
    return new ParsedContent(
        config,
        loaded == null ? List.of() : loaded.articles(),
        articles,
        translations == null ? Translations.pair(List.of()) : translations,
        problems.sorted());
  }

  private void load(boolean theme) {
    Path siteYaml = options.content().resolve("site.yaml");
    if (!Files.isRegularFile(siteYaml)) {
      problems.add(
          new Problem(
              Severity.ERROR,
              options.display(siteYaml),
              0,
              0,
              Files.isDirectory(options.content())
                  ? "site.yaml is missing"
                  : "content folder '" + options.display(options.content()) + "' does not exist",
              "",
              "run kbgen from the knowledge base's folder, or pass --content DIR",
              ""));
      return;
    }
    String shown = options.display(siteYaml);
    config =
        ContentLoader.readText(siteYaml, shown, problems)
            .flatMap(text -> SiteConfigLoader.parse(Source.of(shown, text), text, problems))
            .orElse(null);
    if (config == null) {
      return;
    }
    if (theme) {
      ui =
          UiStrings.load(
                  options.templates().resolve("i18n"),
                  config.languageCodes(),
                  options::display,
                  problems)
              .orElse(null);
    }
    loaded =
        new ContentLoader(options.content(), options::display)
            .load(config.languageCodes(), problems);
    detail =
        count(loaded.articles().size(), "article file")
            + ", "
            + count(loaded.assets().size(), "asset");
  }

  private void parse() {
    List<ArticleParser.Parsed> read =
        loaded.articles().parallelStream()
            .map(f -> ArticleParser.read(f, config, problems))
            .toList();
    List<Article> parsed =
        read.stream().map(ArticleParser.Parsed::built).flatMap(Optional::stream).toList();
    faulty =
        read.stream()
            .filter(p -> !p.valid() && p.article() != null)
            .filter(p -> options.drafts() || !p.article().meta().isDraft())
            .toList();
    Map<String, String> failed = new TreeMap<>();
    Set<String> ok = parsed.stream().map(Article::path).collect(Collectors.toSet());
    for (TextFile f : loaded.articles()) {
      if (!ok.contains(f.path())) {
        failed.put(f.path(), ArticleParser.declaredId(f.text()).orElse(""));
      }
    }
    // Articles left out for their names are not built either: what links to them, or to their ids,
    // follows from that one problem.
    loaded.unreadable().entrySet().stream()
        .filter(e -> e.getKey().endsWith(".md"))
        .forEach(e -> failed.put(e.getKey(), e.getValue()));
    unparsed = failed;
    articles = parsed.stream().filter(a -> options.drafts() || !a.meta().isDraft()).toList();
    Map<String, String> left = new TreeMap<>();
    parsed.stream()
        .filter(a -> !options.drafts() && a.meta().isDraft())
        .forEach(a -> left.put(a.path(), a.id()));
    drafts = left;
    detail = count(articles.size(), "article");
  }

  /** Article files that are not built, by path, with their id: drafts and files with errors. */
  private Map<String, String> unbuilt() {
    Map<String, String> all = new TreeMap<>(unparsed);
    all.putAll(drafts);
    return all;
  }

  private void pair() {
    translations = Translations.pair(articles);
    statuses = TranslationStatus.all(translations, config);
    detail = count(translations.byId().size(), "id");
  }

  private void validate() {
    int before = problems.size();
    Validator.standard()
        .validate(
            new ValidationInput(
                articles,
                config,
                translations,
                statuses,
                options.today(),
                options.requireTranslations(),
                unbuilt(),
                drafts.keySet(),
                faulty),
            problems);
    detail = count(problems.size() - before, "problem");
  }

  /** Renders every body, checking links and sections as it goes, then every anchor. */
  private void markdown() {
    MarkdownCache renderer = cache.markdown(config.sections(), config.rawHtml());
    // Links to the files left out for their names are not checked, images and downloads included.
    Map<String, String> unchecked = new TreeMap<>(loaded.unreadable());
    unchecked.putAll(unparsed);
    links =
        new LinkIndex(
            articles, loaded.assets(), translations, config.languageCodes(), unchecked, drafts);
    SectionRule sections = new SectionRule(config.sections());
    Map<String, RenderedBody> out = new TreeMap<>();
    List<Map.Entry<String, RenderedBody>> rendered =
        articles.parallelStream()
            .map(a -> Map.entry(a.path(), renderBody(a, renderer, links, sections, problems)))
            .toList();
    rendered.forEach(e -> out.put(e.getKey(), e.getValue()));
    bodies = out;
    // The bodies of the files with front-matter errors are checked as well, and dropped: links to
    // those files stay unchecked, and their sections are checked only when their type is known
    // (with a wrong or misspelt type, the sections a troubleshooting article needs are no problem).
    Map<String, RenderedBody> checked = bodies;
    List<Article> all = articles;
    if (!faulty.isEmpty()) {
      Map<String, RenderedBody> withFaulty = new TreeMap<>(bodies);
      all = new ArrayList<>(articles);
      for (ArticleParser.Parsed p : faulty) {
        all.add(p.article());
      }
      List<Map.Entry<String, RenderedBody>> faultyBodies =
          faulty.parallelStream()
              .map(
                  p ->
                      Map.entry(
                          p.article().path(),
                          renderBody(
                              p.article(),
                              renderer,
                              links,
                              p.failed().contains("type") ? null : sections,
                              problems)))
              .toList();
      faultyBodies.forEach(e -> withFaulty.put(e.getKey(), e.getValue()));
      checked = withFaulty;
    }
    AnchorRule.check(all, checked, problems);
    detail = count(bodies.size(), "article");
  }

  /**
   * Renders one article's body into {@code into}: its link problems (warnings with {@code --links
   * warn}) and section problems ({@code sections}: null when they are not checked).
   */
  private RenderedBody renderBody(
      Article a, MarkdownCache renderer, LinkIndex links, SectionRule sections, Problems into) {
    Problems linkProblems = options.linksWarn() ? new Problems() : into;
    Map<String, String> titles = ui == null ? Map.of() : ui.admonitionTitles(a.lang());
    RenderedBody body = renderer.render(a, links.forArticle(a), titles, linkProblems);
    if (sections != null) {
      sections.check(a, body, into);
    }
    if (linkProblems != into) {
      for (Problem p : linkProblems.sorted()) {
        into.add(p.isError() ? asWarning(p) : p);
      }
    }
    return body;
  }

  /**
   * A broken link as a warning ({@code --links warn}). The link is still not written: it renders as
   * {@code #broken-link}, unsafe schemes included.
   */
  private static Problem asWarning(Problem p) {
    return new Problem(
        Severity.WARNING,
        p.file(),
        p.line(),
        p.column(),
        p.title(),
        p.detail(),
        p.hint(),
        p.excerpt());
  }

  /** The Lucene index of every language, which the search, related articles and checks use. */
  private void index() {
    engine =
        cache
            .engine(articles.parallelStream().map(this::searchDocument).toList())
            .withSynonyms(config.synonyms());
  }

  /** Related articles for each article, and near-duplicates in one language. */
  private void similar() {
    Map<String, List<String>> related = new TreeMap<>();
    List<SimilarPair> duplicates = new ArrayList<>();
    List<SimilarArticles.Result> results =
        engine.indexes().values().parallelStream()
            .map(
                index ->
                    cache.similar(index, config.relatedArticles(), config.duplicateThreshold()))
            .toList();
    for (SimilarArticles.Result result : results) {
      related.putAll(result.related());
      duplicates.addAll(result.duplicates());
    }
    similar = related;
    Map<String, Article> byPath = new HashMap<>();
    articles.forEach(a -> byPath.put(a.path(), a));
    for (SimilarPair pair : duplicates) {
      NearDuplicateRule.report(
          byPath.get(pair.first()),
          byPath.get(pair.second()),
          pair.similarity(),
          config.duplicateThreshold(),
          problems);
    }
    detail = count(duplicates.size(), "near-duplicate");
  }

  private void assemble() {
    Map<String, List<String>> related = new TreeMap<>();
    for (Article a : articles) {
      List<String> list = new ArrayList<>();
      for (String id : a.meta().related()) {
        translations
            .get(id, a.lang())
            .map(Article::path)
            .filter(p -> !p.equals(a.path()) && !list.contains(p))
            .ifPresent(list::add);
      }
      for (String p : similar.getOrDefault(a.path(), List.of())) {
        if (list.size() >= config.relatedArticles()) {
          break;
        }
        if (!list.contains(p)) {
          list.add(p);
        }
      }
      related.put(a.path(), List.copyOf(list));
    }
    Map<String, String> outdated = new TreeMap<>();
    for (TranslationStatus s : statuses) {
      s.outdated().forEach(o -> outdated.put(o.translation().path(), o.source().path()));
    }
    assembler =
        new SiteAssembler(
            new SiteInput(
                config, ui, articles, bodies, translations, related, searchAssets, outdated));
    assembled = assembler.assemble();
    checkOutputPaths();
    detail = count(assembled.pages().size(), "page");
  }

  /**
   * Renders every page on all cores and hands each to the publication as soon as it is made, so
   * that the pages are not all held in memory; a template mistake is reported once.
   */
  private void render(Publisher publisher) {
    Templates templates = cache.templates(options.templates());
    try {
      publication = publisher.open();
    } catch (IOException e) {
      throw new OutputException("cannot write the site", e);
    }
    AtomicInteger rendered = new AtomicInteger();
    List<OutputFile> kept = renderPages(templates, publication, rendered);
    pages = rendered.get();
    fileCount = pages;
    if (publication.keepsFiles()) {
      published = new ArrayList<>(kept);
    }
    detail = count(pages, "page");
    assembled.files().forEach((path, text) -> files.add(OutputFile.text(path, text)));
  }

  /**
   * Renders every page into {@code into}, counting them in {@code rendered}; reports each template
   * mistake once, however many pages it broke. Returns the pages when the publication keeps them.
   */
  private List<OutputFile> renderPages(
      Templates templates, Publication into, AtomicInteger rendered) {
    boolean keep = into.keepsFiles();
    Map<TemplateError, List<String>> errors = new TreeMap<>(TEMPLATE_ERROR_ORDER);
    List<OutputFile> kept =
        assembled.pages().parallelStream()
            .map(
                page -> {
                  try {
                    OutputFile file =
                        OutputFile.text(
                            page.path(), templates.render(page.template(), page.vars()));
                    into.add(file);
                    rendered.incrementAndGet();
                    return keep ? Optional.of(file) : Optional.<OutputFile>empty();
                  } catch (TemplateException e) {
                    synchronized (errors) {
                      errors.computeIfAbsent(e.error(), k -> new ArrayList<>()).add(page.path());
                    }
                    return Optional.<OutputFile>empty();
                  } catch (IOException e) {
                    throw new OutputException("cannot write the site", e);
                  }
                })
            .flatMap(Optional::stream)
            .toList();
    errors.forEach(
        (err, pagesHit) -> {
          List<String> sorted = pagesHit.stream().sorted().toList();
          problems.add(
              new Problem(
                  Severity.ERROR,
                  options.display(options.templates().resolve(err.file())),
                  err.line(),
                  0,
                  "template error: " + err.message(),
                  "while rendering "
                      + sorted.get(0)
                      + (sorted.size() > 1 ? " and " + (sorted.size() - 1) + " other pages" : ""),
                  err.hint().isEmpty() ? "fix the template" : err.hint(),
                  ""));
        });
    return kept;
  }

  /** What check renders its pages into: nothing is kept or written. */
  private static final Publication DISCARD =
      new Publication() {
        @Override
        public void add(OutputFile file) {}

        @Override
        public boolean keepsFiles() {
          return false;
        }

        @Override
        public void commit() {}

        @Override
        public void close() {}
      };

  /**
   * Check's templates stage: every template compiled, then, when the content has no error, every
   * page rendered as a build renders it and dropped, so that a template that names a variable or
   * attribute that does not exist fails check as it fails the build.
   */
  private void checkTemplates() {
    compileTemplates();
    if (assembled != null && !problems.hasErrors()) {
      AtomicInteger rendered = new AtomicInteger();
      renderPages(cache.templates(options.templates()), DISCARD, rendered);
      detail += ", " + count(rendered.get(), "page") + " rendered";
    }
  }

  /** Compiles every template of the theme: syntax errors. */
  private void compileTemplates() {
    Templates templates = new Templates(options.templates());
    List<String> names = new ArrayList<>();
    try (Stream<Path> list = Files.list(options.templates())) {
      list.filter(p -> p.getFileName().toString().endsWith(".peb"))
          .map(p -> p.getFileName().toString())
          .sorted()
          .forEach(names::add);
    } catch (IOException e) {
      problems.add(
          new Problem(
              Severity.ERROR,
              options.display(options.templates()),
              0,
              0,
              "cannot read the templates folder: " + e.getMessage(),
              "",
              "pass the theme folder with --templates DIR",
              ""));
      return;
    }
    for (String name : names) {
      try {
        templates.compile(name);
      } catch (TemplateException e) {
        TemplateError err = e.error();
        problems.add(
            new Problem(
                Severity.ERROR,
                options.display(options.templates().resolve(err.file())),
                err.line(),
                0,
                "template error: " + err.message(),
                "",
                err.hint().isEmpty() ? "fix the template's syntax" : err.hint(),
                ""));
      }
    }
    detail = count(names.size(), "template");
  }

  private static final Comparator<TemplateError> TEMPLATE_ERROR_ORDER =
      Comparator.comparing(TemplateError::file)
          .thenComparingInt(TemplateError::line)
          .thenComparing(TemplateError::message);

  /**
   * Writes the static index the browser searches: per language a manifest, shards, document tables
   * and facets, plus the runtime script.
   */
  private void search() {
    Map<String, String> manifests = new TreeMap<>();
    List<StaticIndexWriter.Output> outputs =
        engine.indexes().values().parallelStream()
            .map(index -> cache.staticIndex(index, displayNames(index.lang()), engine.synonyms()))
            .toList();
    for (StaticIndexWriter.Output out : outputs) {
      out.files().forEach((path, bytes) -> files.add(new OutputFile(path, bytes)));
    }
    List<String> langs = List.copyOf(engine.indexes().keySet());
    for (int i = 0; i < langs.size(); i++) {
      manifests.put(langs.get(i), outputs.get(i).manifest());
    }
    searchAssets =
        SearchRuntime.load()
            .map(
                runtime -> {
                  String path = SearchRuntime.path(runtime);
                  files.add(new OutputFile(path, runtime));
                  return new SearchAssets(path, manifests);
                })
            .orElse(new SearchAssets("", manifests));
  }

  /**
   * The display names of the products, tags and types that articles of a language have, for its
   * search filters (a filter that can only find nothing is not offered).
   */
  private Map<String, Map<String, String>> displayNames(String lang) {
    Set<String> usedProducts = new HashSet<>();
    Set<String> usedTags = new HashSet<>();
    Set<String> usedTypes = new HashSet<>();
    for (Article a : articles) {
      if (a.lang().equals(lang)) {
        if (a.meta().product() != null) {
          usedProducts.add(a.meta().product());
        }
        usedTags.addAll(a.meta().tags());
        usedTypes.add(a.meta().type().key());
      }
    }
    Map<String, Map<String, String>> names = new TreeMap<>();
    Map<String, String> products = new TreeMap<>();
    config.products().stream()
        .filter(p -> usedProducts.contains(p.key()))
        .forEach(p -> products.put(p.key(), p.name(lang)));
    Map<String, String> tags = new TreeMap<>();
    config.tags().stream()
        .filter(t -> usedTags.contains(t.key()))
        .forEach(t -> tags.put(t.key(), t.name(lang)));
    Map<String, String> types = new TreeMap<>();
    ArticleType.keys().stream()
        .filter(usedTypes::contains)
        .forEach(t -> types.put(t, ui.get(lang, "type_" + t)));
    names.put("products", products);
    names.put("tags", tags);
    names.put("types", types);
    return names;
  }

  private SearchDocument searchDocument(Article a) {
    RenderedBody body = bodies.get(a.path());
    // The fields leave out the titles that references show: the other articles' words (a link to
    // the "HTTP 502" article is no answer to "HTTP 502"). The excerpt keeps them, as it reads.
    List<String> own = body.ownTexts();
    StringBuilder symptom = new StringBuilder();
    StringBuilder rest = new StringBuilder(own.get(0));
    StringBuilder headings = new StringBuilder();
    for (int i = 0; i < body.sections().size(); i++) {
      RenderedBody.Section s = body.sections().get(i);
      (s.kind() == SectionKind.SYMPTOM ? symptom : rest).append('\n').append(own.get(1 + i));
      if (s.kind() == SectionKind.OTHER) {
        headings.append(s.heading()).append('\n');
      }
    }
    body.headings().stream()
        .filter(h -> h.level() == 3)
        .forEach(h -> headings.append(h.text()).append('\n'));
    var meta = a.meta();
    List<String> curated = new ArrayList<>(meta.errorCodes());
    curated.addAll(meta.aliases());
    Map<SearchField, String> fields = new EnumMap<>(SearchField.class);
    fields.put(SearchField.TITLE, a.title());
    fields.put(SearchField.SUMMARY, Objects.requireNonNullElse(meta.summary(), ""));
    fields.put(SearchField.SYMPTOM, symptom.toString());
    fields.put(SearchField.CODES, String.join("\n", curated));
    fields.put(SearchField.HEADINGS, headings.toString());
    fields.put(SearchField.BODY, rest.toString());
    String excerptSource =
        body.referenceTitles().isEmpty()
            ? (symptom.length() > 0 ? symptom : rest).toString()
            : excerptSource(body);
    return new SearchDocument(
        a.path(),
        a.id(),
        a.lang(),
        a.title(),
        Permalinks.article(a),
        Objects.requireNonNullElse(meta.summary(), ""),
        Objects.requireNonNullElse(meta.product(), ""),
        meta.type().key(),
        meta.tags(),
        excerpt(excerptSource),
        fields,
        curated);
  }

  /** The text an excerpt is taken from, as the body reads: the symptom, else the whole body. */
  private static String excerptSource(RenderedBody body) {
    StringBuilder symptom = new StringBuilder();
    StringBuilder rest = new StringBuilder(body.introText());
    for (RenderedBody.Section s : body.sections()) {
      (s.kind() == SectionKind.SYMPTOM ? symptom : rest).append('\n').append(s.text());
    }
    return (symptom.length() > 0 ? symptom : rest).toString();
  }

  /**
   * About 300 characters of plain text, cut at a word boundary: the text stripped, each run of
   * whitespace ({@code \s}) made one space. Only the start of the text is read (it is a whole
   * body).
   */
  static String excerpt(String text) {
    String stripped = text.strip();
    StringBuilder t = new StringBuilder(EXCERPT + 1);
    boolean space = false;
    for (int i = 0; i < stripped.length() && t.length() <= EXCERPT; i++) {
      char c = stripped.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
        space = true;
        continue;
      }
      if (space) {
        t.append(' ');
        space = false;
        if (t.length() > EXCERPT) {
          break;
        }
      }
      t.append(c);
    }
    if (t.length() <= EXCERPT) {
      return t.toString();
    }
    int cut = t.lastIndexOf(" ", EXCERPT);
    return t.substring(0, cut > 200 ? cut : EXCERPT) + "…";
  }

  private static final int EXCERPT = 300;

  private void staticFiles() {
    Path dir = options.templates().resolve("static");
    try {
      for (Path p : staticFiles(dir)) {
        files.add(new OutputFile(staticPath(dir, p), Files.readAllBytes(p)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Asset asset : loaded.assets()) {
      try {
        files.add(new OutputFile(asset.path(), Files.readAllBytes(asset.file())));
      } catch (IOException e) {
        problems.add(
            new Problem(
                Severity.ERROR,
                options.display(asset.file()),
                0,
                0,
                "cannot read: " + e.getMessage(),
                "",
                "check the file's permissions",
                ""));
      }
    }
    detail = count(files.size(), "file");
  }

  /**
   * The theme's static files, sorted; editors' leftovers are left out ({@link
   * ContentPaths#leftover}), hidden files kept (such as {@code .well-known/security.txt}).
   */
  private static List<Path> staticFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(
              p -> {
                for (Path name : dir.relativize(p)) {
                  if (ContentPaths.leftover(name.toString())) {
                    return false;
                  }
                }
                return true;
              })
          .sorted()
          .toList();
    }
  }

  private static String staticPath(Path dir, Path file) {
    return "static/" + dir.relativize(file).toString().replace('\\', '/');
  }

  /**
   * Two outputs must not share a path, and no output may sit where another needs a folder (e.g. the
   * file {@code content/en/sync/x/index.html} and the page of {@code content/en/sync/x.md}).
   */
  private void checkOutputPaths() {
    List<String> planned = new ArrayList<>();
    assembled.pages().forEach(p -> planned.add(p.path()));
    planned.addAll(assembled.files().keySet());
    Path dir = options.templates().resolve("static");
    try {
      staticFiles(dir).forEach(p -> planned.add(staticPath(dir, p)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    loaded.assets().forEach(a -> planned.add(a.path()));
    Map<String, Path> assetFiles = new HashMap<>();
    loaded.assets().forEach(a -> assetFiles.put(a.path(), a.file()));
    Set<String> taken = new HashSet<>();
    Set<String> folders = new HashSet<>();
    for (String path : planned) {
      boolean clash = taken.contains(path) || folders.contains(path);
      for (int i = path.indexOf('/'); i >= 0 && !clash; i = path.indexOf('/', i + 1)) {
        clash = taken.contains(path.substring(0, i));
      }
      if (clash) {
        Path source = assetFiles.getOrDefault(path, options.content());
        problems.add(
            new Problem(
                Severity.ERROR,
                options.display(source),
                0,
                0,
                "'" + path + "' clashes with a page or file kbgen generates",
                "",
                "rename or move the file or folder so that its URL is free",
                ""));
        continue;
      }
      taken.add(path);
      for (int i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
        folders.add(path.substring(0, i));
      }
    }
  }

  /** Adds the files made besides the pages and publishes the site. */
  private void publish() {
    try {
      for (OutputFile f : files) {
        publication.add(f);
      }
      fileCount += files.size();
      if (publication.keepsFiles()) {
        published.addAll(files);
        published.sort(Comparator.comparing(OutputFile::path));
      }
      publication.commit();
    } catch (IOException e) {
      throw new OutputException("cannot write the site", e);
    }
    detail = count(fileCount, "file");
  }

  /**
   * Runs a stage, timing it and telling {@link Progress}; an unexpected exception is a kbgen bug,
   * named by its stage.
   */
  private void stage(String name, Runnable stage) {
    long start = System.nanoTime();
    detail = "";
    try {
      stage.run();
    } catch (OutputException e) {
      throw e; // the file system's refusal, not a bug
    } catch (RuntimeException e) {
      throw new StageException(name, e);
    } finally {
      long ms = (System.nanoTime() - start) / 1_000_000;
      timings.put(name, ms);
    }
    progress.stageDone(name, detail, timings.get(name));
  }

  private static String count(int n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }

  private BuildResult result() {
    boolean failed = problems.hasErrors();
    return new BuildResult(
        problems.sorted(),
        failed ? List.of() : published,
        timings,
        articles.size(),
        failed ? 0 : pages,
        failed ? 0 : fileCount);
  }
}
