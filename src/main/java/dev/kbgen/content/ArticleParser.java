package dev.kbgen.content;

import dev.kbgen.config.SiteConfig;
import dev.kbgen.problem.Problems;
import dev.kbgen.problem.Source;
import dev.kbgen.problem.Suggestions;
import dev.kbgen.yaml.Mark;
import dev.kbgen.yaml.YamlFields;
import dev.kbgen.yaml.YamlNode;
import dev.kbgen.yaml.YamlNode.Entry;
import dev.kbgen.yaml.YamlNode.YamlList;
import dev.kbgen.yaml.YamlNode.YamlMap;
import dev.kbgen.yaml.YamlNode.YamlScalar;
import dev.kbgen.yaml.YamlReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits an article file into front matter and body and types the front matter. */
public final class ArticleParser {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
  private static final Pattern UNSAFE = Pattern.compile("[^\\p{L}\\p{N}_-]+");
  private static final Pattern ID_LINE =
      Pattern.compile("(?m)^id:[ \\t]*[\"']?([A-Za-z0-9][A-Za-z0-9_.-]*)");

  /** First-level folders under a language that kbgen uses for its own pages. */
  public static final List<String> RESERVED =
      List.of("articles", "codes", "products", "search", "static", "tags");

  private ArticleParser() {}

  /**
   * An article file as read.
   *
   * @param article the article, or null when the file is not where an article can be or has no
   *     front matter that reads as keys and values; when the file has errors, the article as far as
   *     its front matter could be typed, a wrong or missing value replaced by its default (or by
   *     null), for checking its body
   * @param valid whether the file has no error: only then is the article built
   * @param failed the front-matter keys whose values are wrong or missing, and those that a
   *     misspelt key probably meant: what the article has for them is not what the writer meant
   */
  public record Parsed(Article article, boolean valid, Set<String> failed) {
    public Parsed {
      failed = Set.copyOf(failed);
    }

    /** The article, when the file has no error. */
    public Optional<Article> built() {
      return valid ? Optional.ofNullable(article) : Optional.empty();
    }
  }

  /** The article, or empty when the file has errors (added to {@code problems}). */
  public static Optional<Article> parse(TextFile file, SiteConfig config, Problems problems) {
    return read(file, config, problems).built();
  }

  /** The file read as far as it can be, its problems added to {@code problems}. */
  public static Parsed read(TextFile file, SiteConfig config, Problems problems) {
    Problems local = new Problems();
    Set<String> failed = new HashSet<>();
    Optional<Article> article = parseInto(file, config, local, failed);
    problems.addAll(local.sorted());
    return new Parsed(article.orElse(null), !local.hasErrors() && article.isPresent(), failed);
  }

  private static Optional<Article> parseInto(
      TextFile file, SiteConfig config, Problems problems, Set<String> failed) {
    Source source = file.source();
    String[] segments = file.path().split("/");
    String lang = segments[0];
    if (segments.length < 3) {
      problems.add(
          source.error(
              0,
              0,
              "article is not inside a product folder",
              "move it to content/" + lang + "/<product>/" + segments[segments.length - 1]));
      return Optional.empty();
    }
    String area = segments[1];
    if (RESERVED.contains(slugPath(area))) {
      problems.add(
          source.error(
              0,
              0,
              "folder '" + area + "' is reserved for the pages kbgen generates",
              "rename the folder; reserved names are " + String.join(", ", RESERVED)));
      return Optional.empty();
    }
    String rest = file.path().substring(lang.length() + 1, file.path().length() - ".md".length());
    String slugPath = slugPath(rest);
    // A name of no letters or digits would publish the article over its folder's page.
    if (slugPath(rest.substring(rest.lastIndexOf('/') + 1)).isEmpty()) {
      problems.add(
          source.error(
              0,
              0,
              "the file name makes an empty URL",
              "name the file with letters or digits, such as access-denied.md"));
      return Optional.empty();
    }

    String text = file.text();
    if (text.isBlank()) {
      problems.add(
          source.error(
              1,
              1,
              "the file is empty",
              "start with front matter: '---', 'id: KB-1234', 'title: ...', 'updated: YYYY-MM-DD', '---'"));
      return Optional.empty();
    }
    List<String> lines = source.lines();
    if (!lines.get(0).strip().equals("---")) {
      problems.add(
          source.error(
              1,
              1,
              "the file does not start with front matter",
              "put a '---' line first, then id, title and updated, then another '---' line"));
      return Optional.empty();
    }
    int close = -1;
    for (int i = 1; i < lines.size(); i++) {
      String l = lines.get(i);
      if (l.equals("---") || l.equals("...") || l.stripTrailing().equals("---")) {
        close = i;
        break;
      }
    }
    if (close < 0) {
      problems.add(
          source.error(
              1, 1, "the front matter is not closed", "add a '---' line after the last key"));
      return Optional.empty();
    }
    String yaml = String.join("\n", lines.subList(1, close));
    int bodyLine = close + 2;
    String body =
        close + 1 < lines.size() ? String.join("\n", lines.subList(close + 1, lines.size())) : "";

    YamlReader.Result result = YamlReader.read(yaml, 2);
    if (!result.ok()) {
      var e = result.error();
      problems.add(
          source.error(
              e.mark().line(),
              e.mark().column(),
              "front matter is not valid YAML: " + e.message(),
              e.hint()));
      return Optional.empty();
    }
    result.warn(source, problems);
    if (!(result.root() instanceof YamlMap map)) {
      String what = result.root() == null ? "empty" : result.root().kind();
      problems.add(
          source.error(
              2,
              1,
              "front matter must be 'key: value' lines, not " + what,
              "write id, title and updated as 'key: value' lines"));
      return Optional.empty();
    }
    YamlFields f = new YamlFields(map, source, problems);
    f.rejectUnknown(ArticleMeta.KEYS, ArticleMeta.REQUIRED, "front matter");
    Optional<String> id = f.text("id", true);
    if (id.isPresent() && !ID.matcher(id.get()).matches()) {
      f.error(
          "id",
          f.map().get("id").get().mark(),
          "id '" + id.get() + "' has characters that are not allowed",
          "use letters, digits, '-', '_' and '.', e.g. KB-1042");
    }
    Optional<String> title = f.text("title", true);
    String type = f.oneOf("type", ArticleType.keys(), ArticleType.TROUBLESHOOTING.key());
    String product =
        f.text("product", false).orElse(config.product(area).isPresent() ? area : null);
    List<String> tags = f.textList("tags");
    List<String> codes = f.textList("error_codes");
    List<String> aliases = f.textList("aliases");
    String severity = f.oneOf("severity", ArticleMeta.SEVERITIES, null);
    String status = f.oneOf("status", ArticleMeta.STATUSES, "published");
    var updated = f.date("updated", true);
    var reviewed = f.date("reviewed", false);
    var reviewBy = f.date("review_by", false);
    var meta =
        new ArticleMeta(
            id.orElse(""),
            title.orElse(""),
            f.text("summary", false).orElse(null),
            ArticleType.of(type),
            product,
            tags,
            codes,
            aliases,
            severity,
            status,
            f.text("workaround", false).orElse(null),
            f.text("fix_eta", false).orElse(null),
            f.text("fixed_in", false).orElse(null),
            f.textList("applies_to"),
            updated.orElse(null),
            reviewed.orElse(null),
            reviewBy.orElse(null),
            f.textList("related"),
            f.textList("api_docs"),
            translatedFrom(f, lang, config).orElse(null),
            marks(map));
    failed.addAll(f.failed());
    return Optional.of(
        new Article(file.path(), lang, area, slugPath, meta, body, bodyLine, source));
  }

  /**
   * {@code translated_from: {lang: en, hash: <12 hex>, sections: {symptom: <8 hex>, ...}}}; wrong
   * shapes are errors at the value that is wrong.
   */
  private static Optional<TranslatedFrom> translatedFrom(
      YamlFields f, String lang, SiteConfig config) {
    Optional<YamlMap> node = f.submap("translated_from", false);
    if (node.isEmpty()) {
      return Optional.empty();
    }
    String how = "run 'kbgen translations --mark <id>' to write it";
    YamlFields tf = new YamlFields(node.get(), f.source(), f.problems());
    tf.rejectUnknown(
        List.of("lang", "hash", "sections"), List.of("lang", "hash"), "translated_from");
    Optional<String> from = tf.text("lang", true);
    Optional<String> hash = tf.text("hash", true);
    boolean ok = from.isPresent() && hash.isPresent();
    if (from.isPresent() && !config.languageCodes().contains(from.get())) {
      tf.error(
          tf.map().get("lang").get().mark(),
          "translated_from: '" + from.get() + "' is not one of the site's languages",
          Suggestions.didYouMean(
              from.get(),
              config.languageCodes(),
              "use one of: " + String.join(", ", config.languageCodes())));
      ok = false;
    } else if (from.isPresent() && from.get().equals(lang)) {
      tf.error(
          tf.map().get("lang").get().mark(),
          "translated_from: an article cannot be translated from its own language",
          "name the language of the source article, e.g. 'lang: " + config.defaultLanguage() + "'");
      ok = false;
    }
    if (hash.isPresent() && !TranslatedFrom.HASH.matcher(hash.get()).matches()) {
      tf.error(
          tf.map().get("hash").get().mark(),
          "translated_from: hash must be 12 hexadecimal digits",
          how);
      ok = false;
    }
    Map<String, String> sections = new LinkedHashMap<>();
    Optional<YamlMap> sectionMap = tf.submap("sections", false);
    for (Entry e : sectionMap.map(YamlMap::entries).orElse(List.of())) {
      if (e.value() instanceof YamlScalar s
          && TranslatedFrom.SECTION_HASH.matcher(s.value()).matches()) {
        sections.put(e.key(), s.value());
      } else {
        tf.error(
            e.value().mark(),
            "translated_from: the hash of section '" + e.key() + "' must be 8 hexadecimal digits",
            how);
        ok = false;
      }
    }
    if (!ok || !tf.failed().isEmpty()) {
      f.fail("translated_from");
    }
    return ok
        ? Optional.of(new TranslatedFrom(from.get(), hash.get(), sections))
        : Optional.empty();
  }

  /** Where each key's value is written; list items as {@code key#index}. */
  private static Map<String, Mark> marks(YamlMap map) {
    Map<String, Mark> marks = new HashMap<>();
    for (Entry e : map.entries()) {
      YamlNode v = e.value();
      marks.put(e.key(), v.mark().line() >= e.keyMark().line() ? v.mark() : e.keyMark());
      marks.put(e.key() + "@key", e.keyMark());
      if (v instanceof YamlList list) {
        List<YamlNode> items = new ArrayList<>(list.items());
        for (int i = 0; i < items.size(); i++) {
          marks.put(e.key() + "#" + i, items.get(i).mark());
        }
      }
    }
    return marks;
  }

  /**
   * The id a file seems to declare (its first {@code id:} line), read without parsing: for files
   * that do not parse, so that their id is neither reported as missing nor given out again.
   */
  public static Optional<String> declaredId(String text) {
    Matcher m = ID_LINE.matcher(text);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** The URL path of an article below its language: safe, lower-case segments. */
  public static String slugPath(String pathWithoutExtension) {
    List<String> out = new ArrayList<>();
    for (String segment : pathWithoutExtension.split("/")) {
      String s = UNSAFE.matcher(segment.toLowerCase(Locale.ROOT)).replaceAll("-");
      s = s.replaceAll("-{2,}", "-").replaceAll("^-|-$", "");
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return String.join("/", out);
  }
}
