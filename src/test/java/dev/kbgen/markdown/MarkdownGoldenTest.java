package dev.kbgen.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.kbgen.config.SiteConfig;
import dev.kbgen.config.SiteConfigLoader;
import dev.kbgen.content.Article;
import dev.kbgen.content.ArticleParser;
import dev.kbgen.content.Asset;
import dev.kbgen.content.TextFile;
import dev.kbgen.i18n.Translations;
import dev.kbgen.i18n.UiStrings;
import dev.kbgen.problem.ProblemFormatter;
import dev.kbgen.problem.Problems;
import dev.kbgen.problem.Source;
import dev.kbgen.site.LinkIndex;
import dev.kbgen.testing.SiteFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Snapshot tests of the Markdown pipeline (flexmark, kbgen's link hooks and the HTML
 * post-processor), in the style of Zola's: each {@code golden/markdown/<name>.md} is the body of
 * the article {@code en/sync/<name>.md} (or {@code zh/sync/} for names starting with {@code zh-}),
 * rendered and compared with {@code <name>.html}.
 *
 * <p>To accept new output after an intended change, run {@code ./mvnw test
 * -Dtest=MarkdownGoldenTest -Dkbgen.updateGolden=true}, then review the diff of the {@code .html}
 * files.
 */
class MarkdownGoldenTest {
  static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "markdown");
  static final boolean UPDATE = Boolean.getBoolean("kbgen.updateGolden");

  /** The articles the golden bodies can link to. */
  private static final String OTHERS =
      """
      -- en/sync/other-article.md --
      ---
      id: KB-1002
      title: Files stuck syncing
      type: reference
      updated: 2026-01-01
      ---
      Body.
      -- zh/sync/other-article.md --
      ---
      id: KB-1002
      title: 文件同步卡住
      type: reference
      updated: 2026-01-01
      ---
      正文。
      -- zh/account/only-chinese.md --
      ---
      id: KB-1003
      title: 仅有中文的文章
      type: reference
      updated: 2026-01-01
      ---
      正文。
      """;

  private static SiteConfig config;
  private static UiStrings ui;
  private static MarkdownRenderer renderer;
  private static final List<String> updated = new ArrayList<>();

  @BeforeAll
  static synchronized void setUp() {
    Problems problems = new Problems();
    String yaml = SiteFixture.SITE_YAML;
    config = SiteConfigLoader.parse(Source.of("site.yaml", yaml), yaml, problems).orElseThrow();
    ui =
        UiStrings.load(
                SiteFixture.repoTemplates().resolve("i18n"),
                config.languageCodes(),
                Path::toString,
                problems)
            .orElseThrow();
    assertThat(problems.sorted()).isEmpty();
    renderer = new MarkdownRenderer(config.sections());
  }

  @AfterAll
  static void reportUpdates() {
    if (UPDATE && !updated.isEmpty()) {
      fail(
          "golden files were updated; review the diff and run again without"
              + " -Dkbgen.updateGolden=true:\n  "
              + String.join("\n  ", updated));
    }
  }

  @Test
  void everyInputHasAnExpectedOutput() throws IOException {
    assertThat(inputs()).as("golden inputs in " + GOLDEN).hasSizeGreaterThanOrEqualTo(15);
    if (!UPDATE) {
      for (Path md : inputs()) {
        assertThat(expectedFile(md)).as("expected output of " + md).exists();
      }
    }
  }

  @TestFactory
  Stream<DynamicTest> golden() throws IOException {
    return inputs().stream()
        .map(md -> DynamicTest.dynamicTest(md.getFileName().toString(), () -> check(md)));
  }

  private static void check(Path md) throws IOException {
    String name = md.getFileName().toString().replaceFirst("\\.md$", "");
    String body = Files.readString(md, StandardCharsets.UTF_8);
    String actual = render(name, body);
    Path expectedFile = expectedFile(md);
    if (UPDATE) {
      String old =
          Files.exists(expectedFile) ? Files.readString(expectedFile, StandardCharsets.UTF_8) : "";
      if (!old.equals(actual)) {
        Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
        synchronized (updated) {
          updated.add(expectedFile.toString());
        }
      }
      return;
    }
    if (!Files.exists(expectedFile)) {
      fail(
          "no expected output "
              + expectedFile
              + "; run with -Dkbgen.updateGolden=true to create it");
    }
    String expected = Files.readString(expectedFile, StandardCharsets.UTF_8);
    assertThat(actual)
        .as(
            "rendering of %s differs from %s (run with -Dkbgen.updateGolden=true to accept)",
            md, expectedFile)
        .isEqualTo(expected);
  }

  /**
   * Renders a body as the article {@code en/sync/<name>.md} ({@code zh/sync/<name>.md} when the
   * name starts with {@code zh-}); fails on reported problems.
   */
  static String render(String name, String body) {
    Problems problems = new Problems();
    Scoped scoped = scoped(name, body, problems);
    String html =
        renderer.html(scoped.article(), scoped.links(), scoped.admonitionTitles(), problems);
    assertThat(problems.sorted()).as(ProblemFormatter.formatAll(problems.sorted())).isEmpty();
    return html.strip() + "\n";
  }

  /**
   * A body as the article {@code en/sync/<name>.md} ({@code zh/sync/} for names starting with
   * {@code zh-}), with the resolver of its links to the other golden articles and an image.
   */
  record Scoped(Article article, LinkResolver links, Map<String, String> admonitionTitles) {}

  static Scoped scoped(String name, String body, Problems problems) {
    if (config == null) {
      setUp();
    }
    String file =
        """
        ---
        id: KB-9000
        title: Golden %s
        type: reference
        updated: 2026-01-01
        ---
        """
                .formatted(name)
            + body;
    List<Article> articles = new ArrayList<>();
    String lang = name.startsWith("zh-") ? "zh" : "en";
    Article article = parse(lang + "/sync/" + name + ".md", file, problems);
    articles.add(article);
    for (String section : OTHERS.split("(?m)^-- ")) {
      if (!section.isBlank()) {
        int end = section.indexOf(" --\n");
        articles.add(parse(section.substring(0, end), section.substring(end + 4), problems));
      }
    }
    List<Asset> assets = List.of(new Asset("en/sync/images/tray.png", Path.of("tray.png")));
    LinkIndex links =
        new LinkIndex(articles, assets, Translations.pair(articles), config.languageCodes());
    return new Scoped(article, links.forArticle(article), ui.admonitionTitles(article.lang()));
  }

  private static Article parse(String path, String text, Problems problems) {
    return ArticleParser.parse(new TextFile(path, path, text), config, problems)
        .orElseThrow(() -> new AssertionError(ProblemFormatter.formatAll(problems.sorted())));
  }

  private static List<Path> inputs() throws IOException {
    try (Stream<Path> files = Files.list(GOLDEN)) {
      return files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
  }

  private static Path expectedFile(Path md) {
    return md.resolveSibling(md.getFileName().toString().replaceFirst("\\.md$", ".html"));
  }
}
