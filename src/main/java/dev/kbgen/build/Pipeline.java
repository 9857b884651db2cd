package dev.kbgen.build;

import dev.kbgen.config.SiteConfig;
import dev.kbgen.config.SiteConfigLoader;
import dev.kbgen.content.Article;
import dev.kbgen.content.ArticleParser;
import dev.kbgen.content.Asset;
import dev.kbgen.content.ContentLoader;
import dev.kbgen.i18n.Translations;
import dev.kbgen.i18n.UiStrings;
import dev.kbgen.markdown.MarkdownCache;
import dev.kbgen.markdown.RenderedBody;
import dev.kbgen.problem.Problem;
import dev.kbgen.problem.Problems;
import dev.kbgen.problem.Severity;
import dev.kbgen.problem.Source;
import dev.kbgen.publish.OutputFile;
import dev.kbgen.publish.Publisher;
import dev.kbgen.search.RelatedDocument;
import dev.kbgen.site.LinkIndex;
import dev.kbgen.site.SiteAssembler;
import dev.kbgen.site.SiteInput;
import dev.kbgen.template.TemplateError;
import dev.kbgen.template.TemplateException;
import dev.kbgen.template.Templates;
import dev.kbgen.validate.SectionRule;
import dev.kbgen.validate.ValidationInput;
import dev.kbgen.validate.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One build, from {@code content/} to site files. {@link #run} lists the stages in the order they
 * execute; content problems are collected and the build stops once, with all of them.
 */
public final class Pipeline {
  private final BuildOptions options;
  private final BuildCache cache;
  private final Problems problems = new Problems();
  private final Map<String, Long> timings = new LinkedHashMap<>();

  private SiteConfig config;
  private UiStrings ui;
  private ContentLoader.Loaded loaded;
  private List<Article> articles = List.of();
  private Translations translations;
  private Map<String, RenderedBody> bodies = Map.of();
  private SiteAssembler.Assembled assembled;
  private final List<OutputFile> files = new ArrayList<>();
  private int pages;

  public Pipeline(BuildOptions options) {
    this(options, new BuildCache());
  }

  /** A build that reuses engines and unchanged results of earlier builds (the preview server). */
  public Pipeline(BuildOptions options, BuildCache cache) {
    this.options = options;
    this.cache = cache;
  }

  /** Builds the site; publishes it only when there is no error. */
  public BuildResult run(Publisher publisher) {
    stage("load", this::load);
    if (config == null || ui == null) {
      return result();
    }
    stage("parse", this::parse);
    stage("pair", this::pair);
    stage("validate", this::validate);
    if (problems.hasErrors()) {
      return result();
    }
    stage("markdown", this::markdown);
    stage("assemble", this::assemble);
    if (problems.hasErrors()) {
      return result();
    }
    stage("templates", this::render);
    stage("search", this::search);
    stage("static", this::staticFiles);
    if (problems.hasErrors()) {
      return result();
    }
    files.sort(Comparator.comparing(OutputFile::path));
    stage("publish", () -> publish(publisher));
    return result();
  }

  private void load() {
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
    ui =
        UiStrings.load(
                options.templates().resolve("i18n"),
                config.languageCodes(),
                options::display,
                problems)
            .orElse(null);
    loaded =
        new ContentLoader(options.content(), options::display)
            .load(config.languageCodes(), problems);
  }

  private void parse() {
    articles =
        loaded.articles().parallelStream()
            .map(f -> ArticleParser.parse(f, config, problems))
            .flatMap(Optional::stream)
            .filter(a -> options.drafts() || !a.meta().isDraft())
            .toList();
  }

  private void pair() {
    translations = Translations.pair(articles);
  }

  private void validate() {
    Validator.standard().validate(new ValidationInput(articles, config, translations), problems);
  }

  private void markdown() {
    MarkdownCache renderer = cache.markdown(config.sections());
    LinkIndex links =
        new LinkIndex(articles, loaded.assets(), translations, config.languageCodes());
    SectionRule sections = new SectionRule(config.sections());
    Map<String, RenderedBody> out = new TreeMap<>();
    List<Map.Entry<String, RenderedBody>> rendered =
        articles.parallelStream()
            .map(
                a -> {
                  RenderedBody body =
                      renderer.render(
                          a, links.forArticle(a), ui.admonitionTitles(a.lang()), problems);
                  sections.check(a, body, problems);
                  return Map.entry(a.path(), body);
                })
            .toList();
    rendered.forEach(e -> out.put(e.getKey(), e.getValue()));
    bodies = out;
  }

  private void assemble() {
    List<RelatedDocument> docs =
        articles.stream()
            .map(
                a ->
                    new RelatedDocument(
                        a.path(),
                        a.lang(),
                        a.title(),
                        String.join(" ", a.meta().tags())
                            + "\n"
                            + String.join(" ", a.meta().errorCodes())
                            + "\n"
                            + Objects.requireNonNullElse(a.meta().summary(), "")
                            + "\n"
                            + bodies.get(a.path()).text()))
            .toList();
    Map<String, List<String>> similar = cache.related(docs, config.relatedArticles());
    Map<String, List<String>> related = new TreeMap<>();
    for (Article a : articles) {
      List<String> list = new ArrayList<>();
      for (String id : a.meta().related()) {
        translations
            .get(id, a.lang())
            .map(Article::path)
            .filter(p -> !list.contains(p))
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
    assembled =
        new SiteAssembler(new SiteInput(config, ui, articles, bodies, translations, related))
            .assemble();
  }

  private void render() {
    Templates templates = cache.templates(options.templates());
    Map<TemplateError, List<String>> errors = new TreeMap<>(TEMPLATE_ERROR_ORDER);
    List<OutputFile> rendered =
        assembled.pages().parallelStream()
            .map(
                page -> {
                  try {
                    return Optional.of(
                        OutputFile.text(
                            page.path(), templates.render(page.template(), page.vars())));
                  } catch (TemplateException e) {
                    synchronized (errors) {
                      errors.computeIfAbsent(e.error(), k -> new ArrayList<>()).add(page.path());
                    }
                    return Optional.<OutputFile>empty();
                  }
                })
            .flatMap(Optional::stream)
            .toList();
    // One problem per template mistake, however many pages it broke.
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
                  "fix the template; every variable it uses must exist (strict variables)",
                  ""));
        });
    files.addAll(rendered);
    pages = rendered.size();
    assembled.files().forEach((path, text) -> files.add(OutputFile.text(path, text)));
  }

  private static final Comparator<TemplateError> TEMPLATE_ERROR_ORDER =
      Comparator.comparing(TemplateError::file)
          .thenComparingInt(TemplateError::line)
          .thenComparing(TemplateError::message);

  /** The static search index comes with the search feature; nothing is written yet. */
  private void search() {}

  private void staticFiles() {
    Path dir = options.templates().resolve("static");
    if (Files.isDirectory(dir)) {
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
          String rel = dir.relativize(p).toString().replace('\\', '/');
          files.add(new OutputFile("static/" + rel, Files.readAllBytes(p)));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
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
    checkOutputPaths();
  }

  /**
   * Two outputs must not share a path, and no output may sit where another needs a folder (e.g. the
   * file {@code content/en/sync/x/index.html} and the page of {@code content/en/sync/x.md}).
   */
  private void checkOutputPaths() {
    Map<String, Path> assetFiles = new java.util.HashMap<>();
    loaded.assets().forEach(a -> assetFiles.put(a.path(), a.file()));
    java.util.Set<String> taken = new java.util.HashSet<>();
    java.util.Set<String> folders = new java.util.HashSet<>();
    for (OutputFile f : files) {
      String path = f.path();
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

  private void publish(Publisher publisher) {
    try {
      publisher.publish(files);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs a stage, timing it; an unexpected exception is a kbgen bug, named by its stage. */
  private void stage(String name, Runnable stage) {
    long start = System.nanoTime();
    try {
      stage.run();
    } catch (RuntimeException e) {
      throw new StageException(name, e);
    } finally {
      timings.put(name, (System.nanoTime() - start) / 1_000_000);
    }
  }

  private BuildResult result() {
    boolean failed = problems.hasErrors();
    return new BuildResult(
        problems.sorted(),
        failed ? List.of() : files,
        timings,
        articles.size(),
        failed ? 0 : pages);
  }
}
