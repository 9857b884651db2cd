package dev.kbgen.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbgen.problem.Problem;
import dev.kbgen.problem.Severity;
import dev.kbgen.problem.Source;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class LivePagesTest {
  static final String PAGE =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<title>T</title>\n</head>\n"
          + "<body class=\"page-article\">\n<p>Body</p>\n</body>\n</html>\n";

  static final Problem PROBLEM =
      new Problem(
          Severity.ERROR,
          "content/en/sync/x.md",
          4,
          10,
          "unknown key '<img src=x onerror=alert(1)>'",
          "detail with \"quotes\" & <b>tags</b>",
          "did you mean 'tags'?",
          "<img src=x onerror=alert(1)>: 1");

  @Test
  void theOverlayListsErrorsFirstThenWarningsThenInfos() {
    Source file = Source.of("content/en/a.md", "---\nid: KB-1\n---\n");
    String overlay =
        LivePages.overlay(
            List.of(
                file.problem(Severity.INFO, 1, 1, "info one", "", ""),
                file.warning(2, 1, "warning one", ""),
                file.error(2, 1, "error one", ""),
                file.problem(Severity.INFO, 3, 1, "info two", "", ""),
                file.error(3, 1, "error two", "")));
    List<String> titles =
        Jsoup.parse(overlay).select(".kbgen-title").stream().map(e -> e.text()).toList();
    assertThat(titles)
        .containsExactly("error one", "error two", "warning one", "info one", "info two");
  }

  @Test
  void addsTheLiveScriptBeforeTheEndOfTheHeadAndNothingElse() {
    String served = LivePages.decorate(PAGE, 7, List.of(), "a1");
    String added =
        "<meta name=\"kbgen-build\" content=\"7\"><meta name=\"kbgen-page\" content=\""
            + LivePages.fingerprint(PAGE, List.of(), "a1")
            + "\">"
            + LivePages.LIVE_SCRIPT;
    assertThat(served).contains(added + "</head>");
    assertThat(served.replace(added, "")).isEqualTo(PAGE);
    assertThat(LivePages.LIVE_SCRIPT).isEqualTo("<script src=\"/__kbgen/live.js\" defer></script>");
  }

  @Test
  void theFingerprintIgnoresTheSearchFilesNamesButNotTheContentOrTheProblems() {
    String page =
        PAGE.replace(
                "</head>",
                "<script src=\"../search/kbgen-search.8a89300e.js\" defer></script></head>")
            .replace(
                "<p>Body</p>",
                "<div data-manifests=\"{&quot;en&quot;:&quot;search/en/manifest.e4f63f99.js&quot;}\">"
                    + "<p>Body</p></div>");
    String fingerprint = LivePages.fingerprint(page, List.of(), "a1");
    assertThat(fingerprint).matches("[0-9a-f]{16}");
    // the next build names other search files: same page
    assertThat(LivePages.fingerprint(page.replace("e4f63f99", "0b1c2d3e"), List.of(), "a1"))
        .isEqualTo(fingerprint);
    // what the page shows changed
    assertThat(LivePages.fingerprint(page.replace("Body", "Bodies"), List.of(), "a1"))
        .isNotEqualTo(fingerprint);
    assertThat(LivePages.fingerprint(page.replace("e4f63f99.js", "e4f63f99.css"), List.of(), "a1"))
        .isNotEqualTo(fingerprint);
    // a style sheet, script or image of the build changed
    assertThat(LivePages.fingerprint(page, List.of(), "a2")).isNotEqualTo(fingerprint);
    // a name like a search file's in the article's text is text
    assertThat(LivePages.fingerprint(page.replace("Body", "see app.1234abcd.js"), List.of(), "a1"))
        .isNotEqualTo(
            LivePages.fingerprint(page.replace("Body", "see app.5678abcd.js"), List.of(), "a1"));
    // a failed build puts its problems over the page
    assertThat(LivePages.fingerprint(page, List.of(PROBLEM), "a1")).isNotEqualTo(fingerprint);
    assertThat(LivePages.decorate(page, 9, List.of(PROBLEM), "a1"))
        .contains(
            "<meta name=\"kbgen-page\" content=\""
                + LivePages.fingerprint(page, List.of(PROBLEM), "a1"));
  }

  @Test
  void putsTheOverlayFirstInTheBodyWithEveryProblemEscaped() {
    String served = LivePages.decorate(PAGE, 3, List.of(PROBLEM), "a1");
    assertThat(served)
        .contains("<body class=\"page-article\"><div id=\"kbgen-overlay\"")
        .contains("content/en/sync/x.md:4:10")
        .contains("unknown key &#39;&lt;img src=x onerror=alert(1)&gt;&#39;")
        .contains("detail with &quot;quotes&quot; &amp; &lt;b&gt;tags&lt;/b&gt;")
        .contains("hint: did you mean &#39;tags&#39;?")
        .contains("<pre class=\"kbgen-excerpt\">&lt;img src=x onerror=alert(1)&gt;: 1</pre>")
        .contains("id=\"kbgen-overlay-dismiss\"")
        .contains("Build failed: 1 error")
        .doesNotContain("<img")
        .doesNotContain("<b>");
    assertThat(served.indexOf("kbgen-overlay")).isGreaterThan(served.indexOf("<body"));
    assertThat(served).contains("<p>Body</p>"); // the page stays underneath
  }

  @Test
  void bodyTagIsLookedForAfterTheHead() {
    String tricky =
        "<html><head><script type=\"application/ld+json\">{\"name\":\"<body>\"}</script>"
            + "</head><BODY>\n<p>x</p></BODY></html>";
    String served = LivePages.decorate(tricky, 1, List.of(PROBLEM), "a1");
    assertThat(served).contains("<BODY><div id=\"kbgen-overlay\"");
    assertThat(served).contains("{\"name\":\"<body>\"}</script>");
  }

  @Test
  void pagesWithoutHeadOrBodyStillGetTheScriptAndOverlay() {
    String served = LivePages.decorate("<p>fragment</p>", 1, List.of(PROBLEM), "a1");
    assertThat(served).startsWith("<meta name=\"kbgen-build\"").contains(LivePages.LIVE_SCRIPT);
    assertThat(served).endsWith("</div></div>");
  }

  @Test
  void problemsPageListsTheProblemsAndReloadsItself() {
    String page = LivePages.problemsPage(1, List.of(PROBLEM));
    assertThat(page)
        .startsWith("<!DOCTYPE html>")
        .contains(LivePages.LIVE_SCRIPT)
        .contains("content/en/sync/x.md:4:10")
        .contains("&lt;img src=x")
        .doesNotContain("<img");
  }
}
