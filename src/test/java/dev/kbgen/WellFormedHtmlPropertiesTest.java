package dev.kbgen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbgen.build.BuildOptions;
import dev.kbgen.build.BuildResult;
import dev.kbgen.build.Pipeline;
import dev.kbgen.problem.ProblemFormatter;
import dev.kbgen.publish.MemoryPublisher;
import dev.kbgen.publish.OutputFile;
import dev.kbgen.testing.SiteFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.ParseError;
import org.jsoup.parser.Parser;

/**
 * Every page of a randomly written site is well-formed HTML: jsoup parses it back without a single
 * parse error. No jsoup error kind is accepted (except the artefact in {@link #atNoncharacter}):
 * the theme and the post-processor write every element closed, every attribute quoted and escaped,
 * and nothing after {@code </html>}, so any error means an article's text leaked into markup.
 *
 * <p>Only the default {@code raw_html: sanitize} is covered: with {@code raw_html: trusted} the
 * author's HTML is kept as written, and HTML that does not survive parsing and serialising (e.g.
 * foreign content such as {@code <svg><style><pre>}) can give a page that reparses differently.
 */
class WellFormedHtmlPropertiesTest {
  private static final List<String> MARKDOWN =
      List.of(
          "## Symptom\n",
          "## Cause\n",
          "## Resolution\n",
          "### ",
          "\n",
          "\n\n",
          "- ",
          "- [x] ",
          "> [!NOTE]\n> ",
          "!!! tip \"T\"\n    ",
          "```",
          "`",
          "**",
          "_",
          "| a | b |\n|---|---|\n",
          "[x](",
          ")",
          "[[KB-2]]",
          "[^1]",
          "[^1]: n\n",
          "![i](x.png)",
          "https://e.com",
          "<",
          ">",
          "&",
          "\"",
          "'",
          "<div>",
          "</div>",
          "<p>",
          "</span>",
          "<table><tr><td>",
          "<script>alert(1)</script>",
          "</script>",
          "<iframe src=x>",
          "<img src=x onerror=alert(1)>",
          "<a href=\"javascript:alert(1)\">",
          "<kbd>",
          "<details><summary>",
          "<!-- ",
          " -->",
          "<![CDATA[",
          "<svg><style>",
          "<textarea>",
          "<title>",
          "<noscript>",
          "<plaintext>",
          "&#0;",
          "&nbsp",
          "\u0000",
          "\u000B",
          "\uFEFF",
          "原因",
          "\uD83D\uDE80");

  private static final List<String> TITLE =
      List.of("</script>", "<b>", "\"", "'", "&amp;", "&", "<", ">", "]]>", "--", "标题", " ", "x");

  @Provide
  Arbitrary<String> body() {
    Arbitrary<String> random = Arbitraries.strings().all().excludeChars('\u0000').ofMaxLength(5);
    return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(MARKDOWN)), Tuple.of(1, random))
        .list()
        .ofMaxSize(40)
        .map(l -> String.join("", l).replace("\u0000", ""));
  }

  @Provide
  Arbitrary<String> title() {
    return Arbitraries.of(TITLE).list().ofMinSize(1).ofMaxSize(8).map(l -> String.join("", l));
  }

  @Property(tries = 30, shrinking = ShrinkingMode.BOUNDED)
  void everyGeneratedPageIsWellFormedHtml(
      @ForAll("title") String title, @ForAll("body") String body, @ForAll("body") String zhBody) {
    String policy = "sanitize";
    BuildResult result =
        build(
            policy,
            article("en/sync/random.md", "KB-1", title, body),
            article("zh/sync/random.md", "KB-1", "中文" + title, zhBody),
            article("en/account/other.md", "KB-2", "Other " + title, "[[KB-1]]\n" + body));
    String report = ProblemFormatter.formatAll(result.problems());
    Statistics.label("build").collect(result.failed() ? "failed" : "ok");
    if (result.failed()) {
      return; // reported problems are the other properties' business
    }
    int pages = 0;
    for (OutputFile f : result.files()) {
      if (!f.path().endsWith(".html")) {
        continue;
      }
      pages++;
      Parser parser = Parser.htmlParser().setTrackErrors(50);
      Document doc = Jsoup.parse(f.text(), "", parser);
      List<ParseError> errors = new ArrayList<>(parser.getErrors());
      errors.removeIf(e -> atNoncharacter(f.text(), e.getPosition()));
      assertThat(errors)
          .as("%s (%s)\n%s\n%s", f.path(), policy, report, excerpt(f.text(), errors))
          .isEmpty();
      assertThat(doc.select("head > meta[http-equiv=Content-Security-Policy]"))
          .as(f.path())
          .hasSize(1);
      if (policy.equals("sanitize")) {
        assertThat(doc.select("main script, main iframe, main [onerror]")).as(f.path()).isEmpty();
      }
    }
    assertThat(pages).as(report).isGreaterThan(5);
  }

  /**
   * The one accepted error: jsoup reads U+FFFF as its end-of-input sentinel and reports an
   * "unexpected EOF" there. U+FFFF in article text is a noncharacter that browsers keep as text, so
   * it is not a markup problem.
   */
  private static boolean atNoncharacter(String html, int position) {
    for (int i = Math.max(0, position - 1); i <= Math.min(html.length() - 1, position); i++) {
      if (html.charAt(i) == '\uFFFF') {
        return true;
      }
    }
    return false;
  }

  private static String excerpt(String html, List<ParseError> errors) {
    StringBuilder out = new StringBuilder();
    for (ParseError e : errors) {
      int at = e.getPosition();
      out.append(e)
          .append(": ")
          .append(html, Math.max(0, at - 80), Math.min(html.length(), at + 40))
          .append('\n');
    }
    return out.toString();
  }

  private static String[] article(String path, String id, String title, String body) {
    String quoted = "\"" + title.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    return new String[] {
      path,
      "---\nid: "
          + id
          + "\ntitle: "
          + quoted
          + "\nsummary: "
          + quoted
          + "\naliases: ["
          + quoted
          + "]\nerror_codes: ["
          + quoted
          + "]\ntype: reference\ntags: [windows]\nupdated: 2026-11-21\n---\n"
          + body
    };
  }

  private static BuildResult build(String policy, String[]... articles) {
    try {
      Path dir = Files.createTempDirectory("kbgen-wellformed");
      try {
        Path content = dir.resolve("content");
        Files.createDirectories(content);
        Files.writeString(
            content.resolve("site.yaml"), SiteFixture.SITE_YAML + "raw_html: " + policy + "\n");
        for (String[] a : articles) {
          Path p = content.resolve(a[0]);
          Files.createDirectories(p.getParent());
          Files.write(p, a[1].getBytes(StandardCharsets.UTF_8));
        }
        return new Pipeline(new BuildOptions(content, SiteFixture.repoTemplates(), false, dir))
            .run(new MemoryPublisher());
      } finally {
        try (Stream<Path> walk = Files.walk(dir)) {
          for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(p);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
