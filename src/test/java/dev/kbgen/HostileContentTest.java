package dev.kbgen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbgen.problem.Problem;
import dev.kbgen.testing.SiteFixture;
import dev.kbgen.testing.SiteFixture.Built;
import java.nio.file.Path;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile article content (issue 8): front-matter values that try to break out of every context
 * they land in, and raw HTML that tries to run script. See SECURITY.md.
 */
class HostileContentTest {
  /** Breaks out of a script element, both attribute quotes, tags and entities. */
  static final String EVIL = "</script><script>alert(1)</script> \" ' < > & x";

  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " object-src 'none'; base-uri 'self'; form-action 'self'";

  private static final String ARTICLE =
      """
      -- content/en/sync/evil.md --
      ---
      id: KB-1001
      title: "EVIL title"
      summary: "EVIL summary"
      type: troubleshooting
      product: sync
      tags: [login]
      aliases: ["EVIL alias"]
      error_codes: ["EVIL code"]
      updated: 2026-11-01
      ---

      ## Symptom

      BODY

      ## Cause

      Cause.

      ## Resolution

      Fix.
      """;

  private static String yamlEvil() {
    return EVIL.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static Built build(Path tmp, String siteYamlExtra, String body) {
    String text = ARTICLE.replace("EVIL", yamlEvil()).replace("BODY", body);
    if (siteYamlExtra != null) {
      text = "-- content/site.yaml --\n" + SiteFixture.SITE_YAML + siteYamlExtra + "\n" + text;
    }
    return SiteFixture.write(tmp, text).build();
  }

  @Test
  void frontMatterValuesAreEscapedWhereverTheyLand(@TempDir Path tmp) {
    Built built = build(tmp, null, "Text.").assertOk();
    String page = built.text("en/sync/evil/index.html");
    Document doc = Jsoup.parse(page);

    // Article HTML and meta/OG tags: the values read back exactly, and no script element is added.
    assertThat(doc.select("script:not([src]):not([type=application/ld+json])")).isEmpty();
    assertThat(doc.select("script[type=application/ld+json]")).hasSize(1);
    assertThat(doc.title()).startsWith(EVIL + " title");
    assertThat(doc.selectFirst("h1").text()).isEqualTo(EVIL + " title");
    assertThat(doc.selectFirst("meta[name=description]").attr("content"))
        .isEqualTo(EVIL + " summary");
    assertThat(doc.selectFirst("meta[property=og:title]").attr("content"))
        .isEqualTo(EVIL + " title");
    assertThat(doc.selectFirst("meta[property=og:description]").attr("content"))
        .isEqualTo(EVIL + " summary");
    assertThat(doc.text()).contains(EVIL + " code");
    assertThat(page).doesNotContain("<script>alert", "</script><script>");

    // JSON-LD: no "</script" or "<" can end the data block; the JSON still holds the exact text.
    String jsonLd = doc.selectFirst("script[type=application/ld+json]").data();
    assertThat(jsonLd).doesNotContain("<", ">", "&").contains("\\u003c/script\\u003e");
    assertThat(jsonLd).contains("\\\" '");

    // The search index scripts: JavaScript string literals with < > & escaped.
    Map<String, String> scripts = new java.util.TreeMap<>();
    built
        .files()
        .forEach(
            (path, f) -> {
              if (path.startsWith("search/en/")) {
                scripts.put(path, f.text());
              }
            });
    String index = String.join("\n", scripts.values());
    assertThat(index)
        .contains("\\u003cscript\\u003ealert(1)")
        .doesNotContain("<script", "</script");

    // The Atom feed and the sitemap: well-formed XML whose text reads back as written.
    for (String xml : new String[] {"en/atom.xml", "sitemap.xml"}) {
      Parser parser = Parser.xmlParser().setTrackErrors(20);
      Document parsed = Jsoup.parse(built.text(xml), "", parser);
      assertThat(parser.getErrors()).as(xml).isEmpty();
      assertThat(parsed.select("script")).as(xml).isEmpty();
    }
    Document feed = Jsoup.parse(built.text("en/atom.xml"), "", Parser.xmlParser());
    assertThat(feed.select("entry > title").text()).isEqualTo(EVIL + " title");
    assertThat(feed.select("entry > summary").text()).isEqualTo(EVIL + " summary");
    assertThat(built.text("sitemap.xml")).doesNotContain("<script", "alert(1)</");

    // Every page that lists the article escapes its title.
    built
        .files()
        .forEach(
            (path, f) -> {
              if (path.endsWith(".html")) {
                Document d = Jsoup.parse(f.text());
                assertThat(d.select("script:not([src]):not([type=application/ld+json])"))
                    .as(path)
                    .isEmpty();
              }
            });
  }

  @Test
  void rawHtmlIsSanitisedByDefault(@TempDir Path tmp) {
    Built built =
        build(
                tmp,
                null,
                "<script>alert(1)</script><iframe src=\"https://evil.example/\"></iframe>\n\n"
                    + "Press <kbd>Ctrl</kbd> <img src=\"x.png\" onerror=\"alert(2)\" alt=\"x\">"
                    + " <a href=\"javascript:alert(3)\">js</a>")
            .assertOk();
    Element main = Jsoup.parse(built.text("en/sync/evil/index.html")).selectFirst("main");
    assertThat(main.select("script, iframe, [onerror], [href^=javascript]")).isEmpty();
    assertThat(main.select("kbd").text()).isEqualTo("Ctrl");
    assertThat(main.select("img[src=x.png]")).hasSize(1);
    assertThat(main.html()).doesNotContain("alert(2)", "alert(3)", "javascript:", "evil.example");
  }

  @Test
  void trustedRawHtmlIsKept(@TempDir Path tmp) {
    Built built =
        build(tmp, "raw_html: trusted", "Watch <video src=\"a.mp4\" controls></video> this.")
            .assertOk();
    assertThat(built.text("en/sync/evil/index.html"))
        .contains("<video src=\"a.mp4\" controls></video>");
  }

  @Test
  void anUnknownRawHtmlPolicyIsReported(@TempDir Path tmp) {
    Built built = build(tmp, "raw_html: yes", "Text.");
    assertThat(built.result().failed()).isTrue();
    Problem p = built.problems().stream().filter(Problem::isError).findFirst().orElseThrow();
    assertThat(p.title()).contains("'raw_html' must be 'sanitize' or 'trusted'");
    assertThat(p.file()).endsWith("site.yaml");
    assertThat(p.line()).isEqualTo(SiteFixture.SITE_YAML.split("\n").length + 1);
  }

  @Test
  void everyPageHasTheContentSecurityPolicy(@TempDir Path tmp) {
    Built built = build(tmp, null, "Text.").assertOk();
    int pages = 0;
    for (var e : built.files().entrySet()) {
      if (!e.getKey().endsWith(".html")) {
        continue;
      }
      pages++;
      Document doc = Jsoup.parse(e.getValue().text());
      Element meta = doc.selectFirst("head > meta[http-equiv=Content-Security-Policy]");
      assertThat(meta).as(e.getKey()).isNotNull();
      assertThat(meta.attr("content")).as(e.getKey()).isEqualTo(CSP);
      // No inline script or style, no inline handlers: the policy would block them.
      assertThat(doc.select("script:not([src]):not([type=application/ld+json]), style, [style]"))
          .as(e.getKey())
          .isEmpty();
      assertThat(doc.getAllElements().stream().flatMap(el -> el.attributes().asList().stream()))
          .as(e.getKey())
          .noneMatch(a -> a.getKey().startsWith("on"));
    }
    assertThat(pages).isGreaterThan(5);
  }
}
