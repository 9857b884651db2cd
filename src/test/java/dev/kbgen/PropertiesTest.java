package dev.kbgen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbgen.build.BuildOptions;
import dev.kbgen.build.BuildResult;
import dev.kbgen.build.Pipeline;
import dev.kbgen.content.ArticleParser;
import dev.kbgen.problem.Problem;
import dev.kbgen.problem.ProblemFormatter;
import dev.kbgen.publish.MemoryPublisher;
import dev.kbgen.publish.OutputFile;
import dev.kbgen.testing.SiteFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Properties of whole builds over generated content. Each try builds a small site in memory with
 * the default theme, so the tries are few.
 */
class PropertiesTest {
  private static final List<String> FRONT_MATTER_PIECES =
      List.of(
          ": ",
          "- ",
          "#",
          "&a ",
          "*a",
          "!!str ",
          "{",
          "}",
          "[",
          "]",
          ",",
          "'",
          "\"",
          "\\",
          "\t",
          "\n",
          "\n  ",
          "---",
          "...",
          "%YAML",
          "|",
          ">",
          "?",
          "@",
          "`",
          "~",
          "null",
          "no",
          "1.10",
          "2026-02-30",
          "0x1F",
          "\uFEFF",
          "\u2028",
          "\r",
          "\r\n",
          "\uD83D\uDE80",
          "\uD800",
          "标题",
          "İı",
          "<script>alert(1)</script>",
          "{{ site.title }}",
          "{% if %}",
          "${x}");

  private static final List<String> MARKDOWN_PIECES =
      List.of(
          "# ",
          "## ",
          "## Symptom\n",
          "## Cause\n",
          "## Resolution\n",
          "### ",
          "\n",
          "\n\n",
          "- ",
          "1. ",
          "- [ ] ",
          "- [x] ",
          "> ",
          "> [!NOTE]\n> ",
          "> [!WARNING]",
          "!!! tip \"T\"\n    ",
          "!!! ",
          "???+ note\n    ",
          "```",
          "```js\n",
          "~~~",
          "`",
          "**",
          "*",
          "_",
          "~~",
          "|",
          "| a | b |\n|---|---|\n",
          "[x](",
          ")",
          "](",
          "[",
          "]",
          "[[",
          "]]",
          "[[KB-1]]",
          "[[KB-2|t]]",
          "[[",
          "[^1]",
          "[^1]: n\n",
          "![i](",
          "images/x.png",
          "../",
          "other.md",
          "#a",
          "javascript:",
          "https://e.com",
          "www.e.com",
          "a@b.co",
          "<",
          ">",
          "<div>",
          "</div>",
          "<script>",
          "&amp;",
          "&#0;",
          "&#x110000;",
          "\\",
          "\t",
          "    ",
          "\uFEFF",
          "\r",
          "\uD83D\uDE80",
          "\uDC00",
          "原因",
          "解决方案",
          "İı",
          "{{ x }}",
          "{% raw %}",
          "---\n",
          "***\n",
          "===\n",
          "[ref]: /x\n",
          "<!-- ",
          " -->",
          "$$",
          "\u202E");

  private static Arbitrary<String> pieces(List<String> pool, int max) {
    // NUL bytes make a file binary (one reported problem); randomBytesInAnArticle covers them.
    Arbitrary<String> random = Arbitraries.strings().all().excludeChars('\u0000').ofMaxLength(6);
    Arbitrary<String> chosen = Arbitraries.of(pool);
    return Arbitraries.frequencyOf(Tuple.of(3, chosen), Tuple.of(1, random))
        .list()
        .ofMaxSize(max)
        .map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<String> frontMatterValue() {
    return pieces(FRONT_MATTER_PIECES, 8);
  }

  @Provide
  Arbitrary<String> markdownBody() {
    return pieces(MARKDOWN_PIECES, 40);
  }

  @Provide
  Arbitrary<String> keyStyle() {
    return Arbitraries.frequency(
        Tuple.of(6, "double"), Tuple.of(2, "single"), Tuple.of(1, "raw"), Tuple.of(1, "list"));
  }

  // ---------------------------------------------------------------------------------------------

  @Property(tries = 100, shrinking = ShrinkingMode.BOUNDED)
  void randomFrontMatterAndBodiesAreReportedNeverThrown(
      @ForAll("frontMatterValue") String title,
      @ForAll("frontMatterValue") String summary,
      @ForAll("frontMatterValue") String tag,
      @ForAll("frontMatterValue") String code,
      @ForAll("keyStyle") String style,
      @ForAll("markdownBody") String body,
      @ForAll("markdownBody") String zhBody) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(
        "en/sync/random.md",
        "---\nid: KB-1\ntitle: "
            + yaml(title, style)
            + "\nsummary: "
            + yaml(summary, style)
            + "\ntags: ["
            + yaml(tag, "double")
            + ", windows]\nerror_codes: "
            + yaml(code, style.equals("raw") ? "list" : style)
            + "\ntype: reference\nupdated: 2026-11-21\n---\n"
            + body);
    files.put(
        "zh/sync/random.md",
        "---\nid: KB-1\ntitle: "
            + yaml(title, "double")
            + "\ntype: reference\ntags: [windows]\nupdated: 2026-11-21\n---\n"
            + zhBody);
    files.put(
        "en/sync/other.md",
        "---\nid: KB-2\ntitle: Other\ntype: faq\ntags: [windows]\nupdated: 2026-11-20\n---\n"
            + body);
    BuildResult result = build(files);
    assertThat(result).isNotNull();
    Statistics.label("build").collect(result.failed() ? "failed" : "ok");
    String report = ProblemFormatter.formatAll(result.problems());
    for (Problem p : result.problems()) {
      assertThat(p.title()).as(report).isNotBlank();
      assertThat(p.file()).as(report).isNotBlank();
    }
    if (result.failed()) {
      assertThat(result.files()).as(report).isEmpty();
    } else {
      assertThat(result.files()).as(report).isNotEmpty();
      assertThat(result.pages()).isGreaterThan(0);
    }
  }

  @Property(tries = 50, shrinking = ShrinkingMode.BOUNDED)
  void randomBytesInAnArticleAreReportedNeverThrown(@ForAll @Size(max = 300) byte[] bytes) {
    Path dir = tempSite(Map.of());
    try {
      Path file = dir.resolve("content/en/sync/bytes.md");
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
      BuildResult result = build(dir);
      assertThat(result).isNotNull();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      delete(dir);
    }
  }

  // ---------------------------------------------------------------------------------------------

  @Provide
  Arbitrary<List<String>> articleFiles() {
    Arbitrary<String> folder =
        Arbitraries.of(
            "sync",
            "Sync",
            "account",
            "tags",
            "Tags",
            "codes",
            "atom.xml",
            "index.html",
            "a b",
            "同步");
    Arbitrary<String> name =
        Arbitraries.strings()
            .withChars("aAbB-_. 1é中文İ@")
            .ofMinLength(1)
            .ofMaxLength(6)
            .filter(s -> !s.startsWith("."));
    Arbitrary<String> path =
        Combinators.combine(folder, name, Arbitraries.of("", "/sub", "/Sub"))
            .as((f, n, sub) -> f + sub + "/" + n + ".md");
    Arbitrary<String> asset =
        Combinators.combine(folder, name).as((f, n) -> f + "/" + n + "/index.html");
    return Arbitraries.frequencyOf(Tuple.of(4, path), Tuple.of(1, asset))
        .list()
        .ofMinSize(1)
        .ofMaxSize(8)
        .uniqueElements();
  }

  @Property(tries = 80, shrinking = ShrinkingMode.BOUNDED)
  void outputPathsAreDistinct(@ForAll("articleFiles") List<String> paths) {
    Map<String, String> files = new LinkedHashMap<>();
    for (int i = 0; i < paths.size(); i++) {
      String p = paths.get(i);
      files.put(
          "en/" + p,
          p.endsWith(".md")
              ? "---\nid: KB-"
                  + i
                  + "\ntitle: Article "
                  + i
                  + "\ntype: reference\ntags: [windows]\nupdated: 2026-11-21\n---\nBody "
                  + i
                  + ".\n"
              : "<p>asset</p>\n");
    }
    BuildResult result = build(files);
    Statistics.label("build").collect(result.failed() ? "failed" : "ok");
    String report = ProblemFormatter.formatAll(result.problems());
    List<String> out = result.files().stream().map(OutputFile::path).toList();
    assertThat(new HashSet<>(out)).as("duplicate output paths").hasSameSizeAs(out);
    Set<String> all = new HashSet<>(out);
    for (String p : out) {
      for (int i = p.indexOf('/'); i >= 0; i = p.indexOf('/', i + 1)) {
        assertThat(all)
            .as("'%s' is a file and a folder", p.substring(0, i))
            .doesNotContain(p.substring(0, i));
      }
    }
    if (result.failed()) {
      assertThat(result.problems()).as(report).anyMatch(Problem::isError);
      return;
    }
    Set<String> pages = new HashSet<>();
    for (String p : paths) {
      if (p.endsWith(".md")) {
        String page =
            "en/" + ArticleParser.slugPath(p.substring(0, p.length() - 3)) + "/index.html";
        assertThat(pages.add(page)).as("two articles on %s\n%s", page, report).isTrue();
        assertThat(all).as(report).contains(page);
        assertThat(new String(bytesOf(result, page), StandardCharsets.UTF_8))
            .as(page)
            .contains("article-title");
      } else {
        assertThat(all).as(report).contains("en/" + p);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------

  /** Which languages each id is written in: 1 = en, 2 = zh, 3 = both. */
  @Provide
  Arbitrary<List<Integer>> translationLayout() {
    return Arbitraries.integers().between(1, 3).list().ofMinSize(1).ofMaxSize(6);
  }

  @Property(tries = 50, shrinking = ShrinkingMode.BOUNDED)
  void translationLinksAreSymmetric(
      @ForAll("translationLayout") List<Integer> layout, @ForAll("frontMatterValue") String noise) {
    Map<String, String> files = new LinkedHashMap<>();
    for (int i = 0; i < layout.size(); i++) {
      int langs = layout.get(i);
      String zhName = i % 2 == 0 ? "a" + i : "zh-name-" + i; // translations may have other names
      if ((langs & 1) != 0) {
        files.put("en/sync/a" + i + ".md", article("KB-" + i, "English " + i, noise));
      }
      if ((langs & 2) != 0) {
        files.put("zh/sync/" + zhName + ".md", article("KB-" + i, "中文 " + i, noise));
      }
    }
    BuildResult result = build(files);
    String report = ProblemFormatter.formatAll(result.problems());
    assertThat(result.failed()).as(report).isFalse();
    Map<String, String> html = htmlPages(result);
    int translated = 0;
    for (var e : html.entrySet()) {
      String from = e.getKey();
      Document doc = Jsoup.parse(e.getValue());
      Element link = doc.selectFirst(".lang-notice--translation a");
      if (link == null) {
        continue;
      }
      translated++;
      String to = resolve(from, link.attr("href"));
      assertThat(html).as("translation of %s", from).containsKey(to);
      Element back = Jsoup.parse(html.get(to)).selectFirst(".lang-notice--translation a");
      assertThat(back).as("%s links to %s as its translation, but not back", from, to).isNotNull();
      assertThat(resolve(to, back.attr("href"))).as("translation of %s", to).isEqualTo(from);
      assertThat(link.attr("hreflang")).isNotEqualTo(back.attr("hreflang"));
    }
    long both = layout.stream().filter(l -> l == 3).count();
    assertThat(translated).as(report).isEqualTo((int) both * 2);
  }

  // ---------------------------------------------------------------------------------------------

  @Provide
  Arbitrary<String> title() {
    return Arbitraries.strings()
        .withCharRange(' ', '~')
        .withChars("中文标题«»—ßİı&<>\"'".toCharArray())
        .ofMinLength(1)
        .ofMaxLength(30)
        .map(String::strip)
        .filter(s -> !s.isEmpty());
  }

  @Property(tries = 50, shrinking = ShrinkingMode.BOUNDED)
  void everyPageHasItsOwnTitleInTitle(
      @ForAll("title") String enTitle, @ForAll("title") String zhTitle) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("en/sync/one.md", article("KB-1", enTitle, ""));
    files.put("zh/sync/one.md", article("KB-1", zhTitle, ""));
    files.put("en/account/two.md", article("KB-2", "Second", ""));
    BuildResult result = build(files);
    String report = ProblemFormatter.formatAll(result.problems());
    assertThat(result.failed()).as(report).isFalse();
    Map<String, String> html = htmlPages(result);
    assertThat(html).containsKeys("en/sync/one/index.html", "zh/sync/one/index.html");
    for (var e : html.entrySet()) {
      Document doc = Jsoup.parse(e.getValue());
      String title = doc.title();
      Element og = doc.selectFirst("meta[property=og:title]");
      assertThat(og).as("%s has og:title", e.getKey()).isNotNull();
      assertThat(title).as("<title> of %s", e.getKey()).contains(normalise(og.attr("content")));
      Element h1 = doc.selectFirst("h1");
      if (h1 != null && e.getKey().matches("[a-z]+/(sync|account)/[^/]+/index\\.html")) {
        assertThat(title).as("<title> of %s", e.getKey()).contains(h1.text());
      }
    }
    assertThat(Jsoup.parse(html.get("en/sync/one/index.html")).title())
        .contains(normalise(enTitle));
    assertThat(Jsoup.parse(html.get("zh/sync/one/index.html")).title())
        .contains(normalise(zhTitle));
  }

  // ---------------------------------------------------------------------------------------------

  private static String normalise(String s) {
    return s.strip().replaceAll("\\s+", " ");
  }

  private static String article(String id, String title, String noise) {
    return "---\nid: "
        + id
        + "\ntitle: "
        + yaml(title, "double")
        + "\nsummary: "
        + yaml(noise, "double")
        + "\ntype: reference\ntags: [windows]\nupdated: 2026-11-21\n---\nBody of "
        + id
        + ".\n";
  }

  /** A value written in front matter in one of several styles (raw text may be invalid YAML). */
  private static String yaml(String value, String style) {
    return switch (style) {
      case "double" -> "\"" + escape(value) + "\"";
      case "single" -> "'" + value.replace("'", "''").replace("\n", " ") + "'";
      case "list" -> "[\"" + escape(value) + "\"]";
      default -> value;
    };
  }

  private static String escape(String value) {
    StringBuilder out = new StringBuilder();
    value
        .codePoints()
        .forEach(
            c -> {
              if (c == '"' || c == '\\') {
                out.append('\\').appendCodePoint(c);
              } else if (c < 0x20
                  || (c >= 0x7F && c <= 0x9F)
                  || (c >= 0xD800 && c <= 0xDFFF)
                  || c == 0xFEFF
                  || c == 0xFFFE
                  || c == 0xFFFF) {
                out.append(String.format(java.util.Locale.ROOT, "\\u%04X", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }

  private static String resolve(String fromPage, String href) {
    String path = URI.create("https://x/" + fromPage).resolve(href).getPath().substring(1);
    return path.endsWith("/") ? path + "index.html" : path;
  }

  private static byte[] bytesOf(BuildResult result, String path) {
    return result.files().stream()
        .filter(f -> f.path().equals(path))
        .findFirst()
        .orElseThrow()
        .bytes();
  }

  private static Map<String, String> htmlPages(BuildResult result) {
    Map<String, String> out = new LinkedHashMap<>();
    for (OutputFile f : result.files()) {
      if (f.path().endsWith(".html")) {
        out.put(f.path(), f.text());
      }
    }
    return out;
  }

  /** Builds article files given relative to {@code content/}, with the fixture's site.yaml. */
  private static BuildResult build(Map<String, String> articles) {
    Path dir = tempSite(articles);
    try {
      return build(dir);
    } finally {
      delete(dir);
    }
  }

  private static BuildResult build(Path dir) {
    return new Pipeline(
            new BuildOptions(dir.resolve("content"), SiteFixture.repoTemplates(), false, dir))
        .run(new MemoryPublisher());
  }

  private static Path tempSite(Map<String, String> articles) {
    try {
      Path dir = Files.createTempDirectory("kbgen-props");
      Path content = dir.resolve("content");
      Files.createDirectories(content);
      Files.writeString(content.resolve("site.yaml"), SiteFixture.SITE_YAML);
      for (var e : articles.entrySet()) {
        Path p = content.resolve(e.getKey());
        Files.createDirectories(p.getParent());
        // getBytes replaces unpaired surrogates, as an editor saving the file would.
        Files.write(p, e.getValue().getBytes(StandardCharsets.UTF_8));
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      List<Path> all = new ArrayList<>(walk.toList());
      all.sort(Comparator.reverseOrder());
      for (Path p : all) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
