package dev.kbgen.importer;

import dev.kbgen.config.SiteConfigLoader;
import dev.kbgen.content.ArticleParser;
import dev.kbgen.content.ContentLoader;
import dev.kbgen.problem.Problems;
import dev.kbgen.yaml.YamlNode;
import dev.kbgen.yaml.YamlReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Imports every Markdown article below a source folder into {@code <into>/<lang>/<prefix>/}, at the
 * same relative path, so that links and evaluation sets written against source paths still find
 * them. Files are visited in sorted order and written only when their bytes change, so the same
 * import gives the same bytes.
 *
 * <p>A target file that exists and was not written by an import ({@code extra.imported_from} in its
 * front matter) is never overwritten unless {@code force} is set: the article is reported as failed
 * instead.
 */
public final class Importer {
  private static final Pattern ID_UNSAFE = Pattern.compile("[^A-Za-z0-9_-]+");
  private static final Pattern JSON_PAIR =
      Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Set<String> INCLUDE_FOLDERS = Set.of("includes", "_includes");
  static final String MARK = "  imported_from: ";
  private static final Pattern TYPE_LINE = Pattern.compile("(?m)^type: \"([a-z-]+)\"$");

  private Importer() {}

  /** Reasons the command line is wrong, before anything is read or written. */
  public static List<String> usageErrors(ImportOptions o) {
    List<String> out = new ArrayList<>();
    if (!SiteConfigLoader.isLanguageCode(o.lang())) {
      out.add("--lang '" + o.lang() + "' is not a language code such as en or zh");
    }
    if (!SiteConfigLoader.isKey(o.prefix())) {
      out.add("--prefix '" + o.prefix() + "' must be lower-case letters, digits and '-'");
    } else if (ArticleParser.RESERVED.contains(o.prefix())) {
      out.add("--prefix '" + o.prefix() + "' is reserved for kbgen's own pages");
    }
    if (!Files.isDirectory(o.source())) {
      out.add("source folder '" + o.source() + "' does not exist");
    }
    for (Path d : o.includeDirs()) {
      if (!Files.isDirectory(d)) {
        out.add("--include-dir '" + d + "' does not exist");
      }
    }
    return out;
  }

  /**
   * Runs the import.
   *
   * @throws IllegalStateException when site.yaml cannot be read or extended (a usage problem)
   * @throws UncheckedIOException when the content folder cannot be written
   */
  public static ImportReport run(ImportOptions o) {
    try {
      return new Run(o).run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The stable id of an article without one: the prefix and the path, e.g. {@code k8s.tasks.x}. */
  public static String id(String prefix, String relative) {
    String path = relative.replaceAll("\\.(md|markdown)$", "");
    StringBuilder b = new StringBuilder(prefix);
    for (String segment : path.split("/")) {
      String s = ID_UNSAFE.matcher(segment).replaceAll("-").replaceAll("^-+|-+$", "");
      if (!s.isEmpty()) {
        b.append('.').append(s);
      }
    }
    return b.toString();
  }

  private static final class Run {
    private final ImportOptions o;
    private final ImportLog log = new ImportLog();
    private final List<ImportReport.Skipped> skipped = new ArrayList<>();
    private final List<ImportReport.Skipped> failed = new ArrayList<>();
    private final Path source;
    private final Path target;

    /** Each source file's last commit date, when the source is in a git work tree. */
    private Map<String, LocalDate> commitDates = Map.of();

    /**
     * The other language folders of the content folder, listed once: an import writes only into its
     * own language's folder.
     */
    private List<Path> otherLanguages;

    Run(ImportOptions o) {
      this.o = o;
      this.source = o.source().toAbsolutePath().normalize();
      this.target = o.into().resolve(o.lang()).resolve(o.prefix());
    }

    ImportReport run() throws IOException {
      Path siteYaml = o.into().resolve("site.yaml");
      String siteText;
      if (Files.isRegularFile(siteYaml)) {
        siteText = Files.readString(siteYaml, StandardCharsets.UTF_8);
      } else {
        List<String> langs = new ArrayList<>(List.of("en", "zh"));
        if (!langs.contains(o.lang())) {
          langs.add(o.lang());
        }
        siteText = SiteYaml.minimal(langs);
      }
      SiteYaml.Declared declared =
          SiteYaml.declared(siteText)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          siteYaml + " is not valid: run 'kbgen check' to see why"));
      if (!declared.languages().contains(o.lang())) {
        throw new IllegalStateException(
            "site.yaml has no language '" + o.lang() + "': add it under 'languages'");
      }

      List<String> all = new ArrayList<>();
      try (Stream<Path> walk = Files.walk(source)) {
        walk.filter(Files::isRegularFile)
            .map(
                p ->
                    source.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/'))
            .forEach(all::add);
      }
      all.sort(String::compareTo);
      commitDates = GitDates.of(source);
      Set<String> files = new HashSet<>(all);
      List<String> articles = new ArrayList<>();
      for (String rel : all) {
        if (!(rel.endsWith(".md") || rel.endsWith(".markdown"))) {
          continue;
        }
        List<String> segments = Arrays.asList(rel.split("/"));
        if (segments.subList(0, segments.size() - 1).stream().anyMatch(INCLUDE_FOLDERS::contains)) {
          skipped.add(new ImportReport.Skipped(rel, "include file (in an includes folder)"));
          continue;
        }
        articles.add(rel);
      }
      Set<String> articleSet = new HashSet<>(articles);
      // variables.json in the source folder, else in its parent (TiDB Operator: en/ and zh/)
      Path json = source.resolve("variables.json");
      if (!Files.isRegularFile(json) && source.getParent() != null) {
        json = source.getParent().resolve("variables.json");
      }
      Map<String, String> variables = new TreeMap<>(variables(json));
      variables.putAll(o.variables());
      MarkdownConverter converter =
          new MarkdownConverter(
              o.flavour(),
              o.lang(),
              source,
              o.includeDirs().stream().map(p -> p.toAbsolutePath().normalize()).toList(),
              variables,
              new MarkdownConverter.Tree() {
                @Override
                public boolean isArticle(String relative) {
                  return articleSet.contains(relative);
                }

                @Override
                public boolean exists(String relative) {
                  return files.contains(relative);
                }
              },
              log);
      FrontMatterMapper.Tags tags = new FrontMatterMapper.Tags();
      Set<String> ids = new HashSet<>();
      Set<String> products = new TreeSet<>();
      int imported = 0;
      for (String rel : articles) {
        if (importOne(rel, converter, tags, ids, products)) {
          imported++;
        }
      }
      for (String image : converter.images()) {
        copyAsset(image);
      }

      // site.yaml: the product and the tags this import uses
      Map<String, String> newProducts = new LinkedHashMap<>();
      for (String product : products) {
        if (!declared.products().contains(product)) {
          newProducts.put(product, name(product));
        }
      }
      Map<String, String> newTags = new LinkedHashMap<>();
      new TreeMap<>(tags.names())
          .forEach(
              (k, v) -> {
                if (!declared.tags().contains(k)) {
                  newTags.put(k, v);
                }
              });
      String updated = SiteYaml.add(siteText, "products", newProducts, declared.languages());
      updated = SiteYaml.add(updated, "tags", newTags, declared.languages());
      if (!Files.isRegularFile(siteYaml) || !updated.equals(siteText)) {
        Files.createDirectories(o.into());
        Files.writeString(siteYaml, updated, StandardCharsets.UTF_8);
      }
      return new ImportReport(
          imported,
          log.constructs(),
          log.warnings(),
          log.extraFields(),
          skipped,
          failed,
          List.copyOf(newProducts.keySet()),
          List.copyOf(newTags.keySet()));
    }

    private boolean importOne(
        String rel,
        MarkdownConverter converter,
        FrontMatterMapper.Tags tags,
        Set<String> ids,
        Set<String> products)
        throws IOException {
      Path file = source.resolve(rel);
      String display = displayName(rel);
      Optional<String> decoded;
      Problems invalid = new Problems();
      try {
        decoded = ContentLoader.decode(Files.readAllBytes(file), display, invalid);
      } catch (IOException e) {
        failed.add(new ImportReport.Skipped(rel, "cannot read: " + e.getMessage()));
        return false;
      }
      if (decoded.isEmpty()) {
        failed.add(
            new ImportReport.Skipped(rel, "not UTF-8 text: " + invalid.sorted().get(0).title()));
        return false;
      }
      String text = decoded.get();
      if (text.startsWith("\uFEFF")) {
        log.converted("byte-order mark removed");
      }
      if (text.indexOf('\r') >= 0) {
        log.converted("CRLF line ends");
      }
      text = ContentLoader.normalise(text);
      SourceText.Split split = SourceText.split(text);
      Map<String, Object> fm = new LinkedHashMap<>();
      if (split.frontMatter() != null && !split.frontMatter().isBlank()) {
        YamlReader.Result r = YamlReader.read(split.frontMatter(), 2);
        if (!r.ok()) {
          failed.add(
              new ImportReport.Skipped(
                  rel + ":" + r.error().mark().line(),
                  "front matter is not valid YAML: " + r.error().message()));
          return false;
        }
        if (r.root() instanceof YamlNode.YamlMap map) {
          @SuppressWarnings("unchecked")
          Map<String, Object> plain = (Map<String, Object>) FrontMatterMapper.plain(map);
          fm.putAll(plain);
        } else if (r.root() != null) {
          failed.add(new ImportReport.Skipped(rel, "front matter is not a map of keys"));
          return false;
        }
      } else if (split.frontMatter() == null) {
        log.warn("no front matter", display, 1, "");
      }
      String id = id(o.prefix(), rel);
      if (!ids.add(id)) {
        id = id + "-" + Integer.toHexString(rel.hashCode() & 0xfffffff);
        ids.add(id);
        log.warn("id collision", display, 1, id);
      }
      String body = converter.convert(rel, display, split.body(), split.bodyLine());
      LocalDate fileDate = commitDates.get(rel);
      if (fileDate == null) {
        fileDate = LocalDate.ofInstant(Files.getLastModifiedTime(file).toInstant(), ZoneOffset.UTC);
      }
      FrontMatterMapper.Mapped mapped =
          FrontMatterMapper.map(
              o.flavour(),
              o.lang(),
              o.prefix(),
              rel,
              id,
              fm,
              body,
              fileDate,
              converter,
              tags,
              log,
              display);
      String outRel = rel.endsWith(".markdown") ? rel.replaceAll("\\.markdown$", ".md") : rel;
      String type = translationType(outRel).orElse(mapped.type());
      if (!type.equals(mapped.type())) {
        mapped.frontMatter().put("type", type);
        log.converted("type from translation");
      }
      log.converted("type " + type);
      String out = YamlOut.frontMatter(mapped.frontMatter());
      if (!mapped.body().isBlank()) {
        out += "\n" + mapped.body() + (mapped.body().endsWith("\n") ? "" : "\n");
      }
      Path dest = target.resolve(outRel);
      products.add((String) mapped.frontMatter().get("product"));
      if (Files.exists(dest)) {
        String existing = Files.readString(dest, StandardCharsets.UTF_8);
        if (existing.equals(out)) {
          return true;
        }
        if (!o.force() && !existing.contains("\n" + MARK)) {
          failed.add(
              new ImportReport.Skipped(
                  rel,
                  dest
                      + " exists and was not written by kbgen import; move it away or pass --force"));
          return false;
        }
      }
      Files.createDirectories(dest.getParent());
      Files.writeString(dest, out, StandardCharsets.UTF_8);
      return true;
    }

    /**
     * The type of this article's translation imported earlier (same prefix and path in another
     * language), so that translations agree on their type.
     */
    private Optional<String> translationType(String outRel) throws IOException {
      if (otherLanguages == null) {
        if (!Files.isDirectory(o.into())) {
          otherLanguages = List.of();
        } else {
          try (Stream<Path> list = Files.list(o.into())) {
            otherLanguages =
                list.filter(Files::isDirectory)
                    .filter(l -> !l.getFileName().toString().equals(o.lang()))
                    .sorted()
                    .toList();
          }
        }
      }
      for (Path l : otherLanguages) {
        Path other = l.resolve(o.prefix()).resolve(outRel);
        if (Files.isRegularFile(other)) {
          String text = Files.readString(other, StandardCharsets.UTF_8);
          Matcher m = TYPE_LINE.matcher(text);
          if (text.contains("\n" + MARK) && m.find()) {
            return Optional.of(m.group(1));
          }
        }
      }
      return Optional.empty();
    }

    private void copyAsset(String rel) throws IOException {
      Path from = source.resolve(rel);
      Path dest = target.resolve(rel);
      if (Files.exists(dest) && Arrays.equals(Files.readAllBytes(dest), Files.readAllBytes(from))) {
        return;
      }
      if (Files.exists(dest) && !o.force()) {
        log.warn("image not copied: target exists", displayName(rel), 0, dest.toString());
        return;
      }
      Files.createDirectories(dest.getParent());
      Files.copy(from, dest, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      log.converted("image copied");
    }

    private String displayName(String rel) {
      Path name = source.getFileName();
      return (name == null ? "" : name + "/") + rel;
    }
  }

  /** A flat JSON object of text values ({@code variables.json}); anything else is ignored. */
  static Map<String, String> variables(Path file) throws IOException {
    Map<String, String> out = new TreeMap<>();
    if (!Files.isRegularFile(file)) {
      return out;
    }
    Matcher m = JSON_PAIR.matcher(Files.readString(file, StandardCharsets.UTF_8));
    while (m.find()) {
      out.put(unescape(m.group(1)), unescape(m.group(2)));
    }
    return out;
  }

  private static String unescape(String s) {
    return s.replace("\\\"", "\"").replace("\\/", "/").replace("\\\\", "\\");
  }

  /** "windows-client" is "Windows client". */
  static String name(String key) {
    String s = key.replace('-', ' ');
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }
}
