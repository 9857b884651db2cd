package dev.kbgen.cli;

import dev.kbgen.authoring.ContentWriter;
import dev.kbgen.authoring.Scaffold;
import dev.kbgen.build.BuildOptions;
import dev.kbgen.build.ParsedContent;
import dev.kbgen.build.Pipeline;
import dev.kbgen.config.SiteConfig;
import dev.kbgen.config.Term;
import dev.kbgen.config.UndeclaredTerm;
import dev.kbgen.content.Article;
import dev.kbgen.content.ArticleParser;
import dev.kbgen.content.ArticleType;
import dev.kbgen.content.TextFile;
import dev.kbgen.problem.Problem;
import dev.kbgen.problem.ProblemFormatter;
import dev.kbgen.problem.Suggestions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code kbgen new}: a new article, or a translation started from its source. */
@Command(
    name = "new",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a new article, or with --translate the translation of one, from its type's"
          + " template.",
      "The article goes to <content>/<lang>/<product>/<slug>.md, with the next free id (or"
          + " --id), the section headings in the article's language and today's date. With"
          + " --translate ID, starts the translation of an existing article instead: the"
          + " source's front matter and body with headings in the new language and a"
          + " 'translated_from'. Never overwrites a file."
    })
public final class NewCommand implements Callable<Integer> {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

  @Mixin ContentOptions contentOptions;

  @Option(names = "--lang", required = true, paramLabel = "LANG", description = "en, zh, ...")
  String lang;

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      defaultValue = "troubleshooting",
      description = "troubleshooting (default), how-to, faq or reference.")
  String type;

  @Option(
      names = "--product",
      paramLabel = "KEY",
      description = "A product key from site.yaml (needed when there are several).")
  String product;

  @Option(
      names = "--tags",
      paramLabel = "TAG,...",
      split = ",",
      description = "Tag keys from site.yaml (a troubleshooting article needs one).")
  List<String> tags = new ArrayList<>();

  @Option(names = "--id", paramLabel = "ID", description = "The id (default: the next free one).")
  String id;

  @Option(
      names = "--slug",
      paramLabel = "NAME",
      description = "The file name without .md (default: from the title, or the id).")
  String slug;

  @Option(
      names = "--date",
      paramLabel = "YYYY-MM-DD",
      description = "The 'updated' date (default: today, UTC).")
  LocalDate date;

  @Option(
      names = "--translate",
      paramLabel = "ID",
      description = "Start the --lang translation of the article with this id.")
  String translate;

  @Parameters(arity = "0..1", paramLabel = "TITLE", description = "The article's title.")
  String title;

  @Spec CommandSpec spec;

  @ParentCommand KbgenCommand parent;

  private PrintWriter err;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    err = spec.commandLine().getErr();
    if (contentOptions.missing(err)) {
      return ExitCodes.USAGE;
    }
    ParsedContent content =
        new Pipeline(
                new BuildOptions(
                    contentOptions.content,
                    Path.of("templates"),
                    true,
                    Path.of("").toAbsolutePath()))
            .read();
    SiteConfig config = content.config();
    if (config == null) {
      content.problems().stream()
          .filter(Problem::isError)
          .forEach(p -> err.print(ProblemFormatter.format(p, parent.terminal().colour())));
      return ExitCodes.CONTENT;
    }
    if (!config.languageCodes().contains(lang)) {
      return usage(
          "--lang " + lang + " is not one of the site's languages",
          Suggestions.didYouMean(
              lang, config.languageCodes(), "use " + String.join(", ", config.languageCodes())));
    }
    LocalDate day = date == null ? BuildOptions.todayUtc() : date;
    Optional<Created> created =
        translate != null ? translation(content, day) : article(content, config, day);
    if (created.isEmpty()) {
      return ExitCodes.USAGE;
    }
    ContentWriter writer = new ContentWriter(contentOptions.content);
    try {
      writer.create(created.get().path(), created.get().text());
    } catch (FileAlreadyExistsException e) {
      return usage(
          writer.file(created.get().path()) + " already exists; kbgen new never overwrites",
          "choose another title or --slug");
    } catch (IOException e) {
      err.println("kbgen: cannot write " + writer.file(created.get().path()) + ": " + e);
      return ExitCodes.CONTENT;
    }
    out.println("created " + writer.file(created.get().path()) + " (" + created.get().id() + ")");
    out.println("edit it, replace every 'TODO:', then run 'kbgen check'");
    return ExitCodes.OK;
  }

  /** A file to write. */
  private record Created(String path, String id, String text) {}

  private Optional<Created> article(ParsedContent content, SiteConfig config, LocalDate day) {
    if (title == null || title.isBlank()) {
      usage("the title is missing", "kbgen new --lang " + lang + " \"Sync stops with error 42\"");
      return Optional.empty();
    }
    if (!ArticleType.keys().contains(type)) {
      usage(
          "--type " + type + " is not an article type",
          Suggestions.didYouMean(
              type, ArticleType.keys(), "use " + String.join(", ", ArticleType.keys())));
      return Optional.empty();
    }
    List<String> products = config.products().stream().map(Term::key).toList();
    if (product == null && products.size() == 1) {
      product = products.get(0);
    }
    if (product == null || !products.contains(product)) {
      usage(
          product == null
              ? "--product is missing"
              : "--product " + product + " is not declared in site.yaml",
          product == null
              ? "use one of: " + String.join(", ", products)
              : UndeclaredTerm.hint(
                  product,
                  config.products(),
                  "product",
                  "use one of: " + String.join(", ", products)));
      return Optional.empty();
    }
    List<String> declared = config.tags().stream().map(Term::key).toList();
    for (String tag : tags) {
      if (!declared.contains(tag)) {
        usage(
            "tag '" + tag + "' is not declared in site.yaml",
            UndeclaredTerm.hint(tag, config.tags(), "tag", "declare it under 'tags' in site.yaml"));
        return Optional.empty();
      }
    }
    ArticleType articleType = ArticleType.of(type);
    if (articleType == ArticleType.TROUBLESHOOTING && tags.isEmpty()) {
      usage(
          "a troubleshooting article needs at least one tag",
          "add --tags with keys from site.yaml, e.g. --tags "
              + String.join(",", declared.stream().limit(2).toList()));
      return Optional.empty();
    }
    Set<String> used = usedIds(content);
    String newId = id == null ? Scaffold.nextId(used) : id;
    if (!ID.matcher(newId).matches()) {
      usage("--id " + newId + " has characters that are not allowed", "e.g. --id KB-1042");
      return Optional.empty();
    }
    Optional<Article> existing =
        content.articles().stream().filter(a -> a.id().equals(newId)).findFirst();
    if (existing.isPresent()) {
      usage(
          "id " + newId + " is already used by " + existing.get().source().file(),
          existing.get().lang().equals(lang)
              ? "leave out --id to get the next free one"
              : "to translate it, run 'kbgen new --translate " + newId + " --lang " + lang + "'");
      return Optional.empty();
    }
    String name = slug != null ? slug : Scaffold.slug(title, newId);
    if (ArticleParser.slugPath(name).isEmpty() || name.contains("/")) {
      usage("--slug " + name + " is not a file name", "use letters, digits and '-'");
      return Optional.empty();
    }
    String text =
        Scaffold.article(
            new Scaffold.NewArticle(newId, title.strip(), lang, articleType, product, tags, day),
            config.sections());
    return Optional.of(new Created(lang + "/" + product + "/" + name + ".md", newId, text));
  }

  private Optional<Created> translation(ParsedContent content, LocalDate day) {
    var versions = content.translations().byId().get(translate);
    if (versions == null) {
      usage(
          "no article has id " + translate,
          Suggestions.didYouMean(
              translate,
              content.translations().byId().keySet(),
              "check the id; 'kbgen translations' lists every id"));
      return Optional.empty();
    }
    if (versions.containsKey(lang)) {
      usage(
          translate
              + " already has a version in '"
              + lang
              + "': "
              + versions.get(lang).source().file(),
          "'kbgen translations' shows whether it is up to date");
      return Optional.empty();
    }
    SiteConfig config = content.config();
    Article source =
        versions.containsKey(config.defaultLanguage())
            ? versions.get(config.defaultLanguage())
            : config.languageCodes().stream()
                .filter(versions::containsKey)
                .map(versions::get)
                .findFirst()
                .orElseThrow();
    String rest = source.path().substring(source.lang().length() + 1);
    String path = lang + "/" + (slug == null ? rest : parentOf(rest) + slug + ".md");
    return Optional.of(
        new Created(path, translate, Scaffold.translation(source, lang, day, config.sections())));
  }

  private static String parentOf(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash + 1);
  }

  /** Ids in use, also in files that do not parse (so that a broken file's id is not reused). */
  private static Set<String> usedIds(ParsedContent content) {
    Set<String> ids = new TreeSet<>();
    content.articles().forEach(a -> ids.add(a.id()));
    for (TextFile f : content.files()) {
      ArticleParser.declaredId(f.text()).ifPresent(ids::add);
    }
    return ids;
  }

  private int usage(String message, String hint) {
    err.println("kbgen new: " + message);
    if (!hint.isEmpty()) {
      err.println("  hint: " + hint);
    }
    return ExitCodes.USAGE;
  }
}
