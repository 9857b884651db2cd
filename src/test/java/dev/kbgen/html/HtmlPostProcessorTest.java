package dev.kbgen.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class HtmlPostProcessorTest {
  private static final Map<String, String> EN =
      Map.of(
          "note", "Note",
          "tip", "Tip",
          "important", "Important",
          "warning", "Warning",
          "caution", "Caution");
  private static final Map<String, String> ZH =
      Map.of("note", "注意", "tip", "提示", "important", "重要", "warning", "警告", "caution", "小心");

  @Test
  void aTaskCheckboxIsNamedByItsItemsOwnText() {
    String html =
        "<ul><li class=\"task-list-item\"><input type=\"checkbox\""
            + " class=\"task-list-item-checkbox\" disabled readonly>&nbsp;Clear the"
            + " <strong>browser</strong> cache<br>now"
            + "<ul><li class=\"task-list-item\"><input type=\"checkbox\" disabled>&nbsp;In"
            + " <code>Settings</code></li></ul></li>"
            + "<li class=\"task-list-item\"><input type=\"checkbox\" aria-label=\"Kept\">"
            + " Other</li>"
            + "<li class=\"task-list-item\"><input type=\"checkbox\"></li></ul>";
    var doc = Jsoup.parseBodyFragment(HtmlPostProcessor.process(html, EN, RawHtml.TRUSTED).html());
    assertThat(doc.select("input").eachAttr("aria-label"))
        .containsExactly("Clear the browser cache now", "In Settings", "Kept");
    assertThat(doc.select("input").last().hasAttr("aria-label")).isFalse();
  }

  @Test
  void aLinkThatOnlyLooksLikeALinkIntoAnotherLanguageIsLeftAsItIs() {
    String html =
        "<p><a href=\"https://e.example/?KBGEN-FALLBACK-LANG=zh\">x</a>"
            + " <a href=\"kbgen-fallback-lang=zh\">y</a></p>";
    assertThat(HtmlPostProcessor.process(html, EN).html()).isEqualTo(html);
  }

  @Test
  void codeBlocksTakeKeyboardFocusSoTheyCanBeScrolled() {
    String html = "<p>Run:</p><pre><code class=\"language-sh\">x</code></pre>";
    assertThat(HtmlPostProcessor.process(html, EN, RawHtml.SANITIZE, false).html())
        .isEqualTo("<p>Run:</p><pre tabindex=\"0\"><code class=\"language-sh\">x</code></pre>");
    assertThat(HtmlPostProcessor.process("<p>No code.</p>", EN).html())
        .isEqualTo("<p>No code.</p>");
  }

  @Test
  void splitsLevelTwoSectionsAfterTheIntro() {
    String html =
        """
        <p>Intro <em>text</em>.</p>
        <h2 id="symptom">Symptom</h2>
        <p>It fails.</p>
        <h3 id="details">Details</h3>
        <p>More.</p>
        <h2 id="cause">Cause</h2>
        <ul><li>One</li></ul>
        """;
    HtmlBody body = HtmlPostProcessor.process(html, EN);
    assertThat(body.intro()).isEqualTo("<p>Intro <em>text</em>.</p>");
    assertThat(body.sections()).hasSize(2);
    HtmlSection symptom = body.sections().get(0);
    assertThat(symptom.heading()).isEqualTo("Symptom");
    assertThat(symptom.anchor()).isEqualTo("symptom");
    assertThat(symptom.html())
        .isEqualTo("<p>It fails.</p>\n<h3 id=\"details\">Details</h3>\n<p>More.</p>");
    assertThat(symptom.text()).isEqualTo("It fails. Details More.");
    HtmlSection cause = body.sections().get(1);
    assertThat(cause.heading()).isEqualTo("Cause");
    assertThat(cause.html()).isEqualTo("<ul><li>One</li></ul>");
    assertThat(cause.text()).isEqualTo("One");
    assertThat(body.headings())
        .containsExactly(
            new HtmlHeading(2, "Symptom", "symptom"),
            new HtmlHeading(3, "Details", "details"),
            new HtmlHeading(2, "Cause", "cause"));
    // the whole body's text, from its parts, as jsoup would give it
    assertThat(
            HtmlBody.plainText(
                body.introText(),
                List.of(symptom.heading(), symptom.text(), cause.heading(), cause.text())))
        .isEqualTo(Jsoup.parseBodyFragment(html).body().text())
        .isEqualTo("Intro text. Symptom It fails. Details More. Cause One");
    assertThat(body.html()).contains("<h2 id=\"symptom\">Symptom</h2>");
  }

  /** A table scrolls in a wrapper the keyboard reaches; a writer's own wrapper is reused. */
  @Test
  void aTableIsWrappedSoThatTheKeyboardCanScrollIt() {
    String table = "<table><tbody><tr><td>1</td></tr></tbody></table>";
    assertThat(HtmlPostProcessor.process("<p>x</p>" + table, EN).intro())
        .isEqualTo("<p>x</p><div class=\"table-wrap\" tabindex=\"0\">" + table + "</div>");
    assertThat(
            HtmlPostProcessor.process("<div class=\"table-wrap\">" + table + "</div>", EN).intro())
        .isEqualTo("<div class=\"table-wrap\" tabindex=\"0\">" + table + "</div>");
  }

  /** A table's cells stay apart in the text that excerpts show; its HTML is untouched. */
  @Test
  void aTablesCellsAreKeptApartInTheText() {
    String table =
        "<table><thead><tr><th>Code</th><th>Meaning</th></tr></thead>"
            + "<tbody><tr><td>E1</td><td>Disk <b>full</b></td></tr></tbody></table>";
    HtmlBody body = HtmlPostProcessor.process(table + "<h2 id=\"s\">Symptom</h2>" + table, EN);
    assertThat(body.introText()).isEqualTo("Code · Meaning E1 · Disk full");
    assertThat(body.sections().get(0).text()).isEqualTo("Code · Meaning E1 · Disk full");
    assertThat(body.intro()).doesNotContain("·");
    assertThat(body.sections().get(0).html()).doesNotContain("·");
  }

  @Test
  void bodyWithoutSectionsIsAllIntro() {
    HtmlBody body = HtmlPostProcessor.process("<p>Just text.</p>\n<h3 id=\"x\">Small</h3>", EN);
    assertThat(body.intro()).isEqualTo("<p>Just text.</p>\n<h3 id=\"x\">Small</h3>");
    assertThat(body.sections()).isEmpty();
    assertThat(body.headings()).containsExactly(new HtmlHeading(3, "Small", "x"));
  }

  @Test
  void bodyStartingWithASectionHasAnEmptyIntro() {
    HtmlBody body = HtmlPostProcessor.process("<h2 id=\"a\">A</h2><p>x</p>", EN);
    assertThat(body.intro()).isEmpty();
    assertThat(body.sections())
        .singleElement()
        .satisfies(s -> assertThat(s.html()).isEqualTo("<p>x</p>"));
  }

  @Test
  void emptySectionHasBlankText() {
    HtmlBody body = HtmlPostProcessor.process("<h2 id=\"a\">A</h2>\n<h2 id=\"b\">B</h2>\n", EN);
    assertThat(body.sections()).hasSize(2);
    assertThat(body.sections().get(0).text()).isBlank();
    assertThat(body.sections().get(0).html()).isEmpty();
  }

  @Test
  void githubAdmonitionBecomesTheThemesMarkup() {
    HtmlBody body =
        HtmlPostProcessor.process(
            "<blockquote>\n<p>[!WARNING]\nDeleting <strong>removes</strong> it.</p>\n</blockquote>",
            EN);
    assertThat(body.html())
        .isEqualTo(
            "<div class=\"admonition warning\" role=\"note\"><p class=\"admonition-title\">Warning"
                + "</p>\n<p>Deleting <strong>removes</strong> it.</p>\n</div>");
  }

  @Test
  void githubAdmonitionMarkerIsCaseInsensitiveAndTitleIsLocalised() {
    HtmlBody body =
        HtmlPostProcessor.process("<blockquote><p>[!tip]</p><p>按 Ctrl+R。</p></blockquote>", ZH);
    assertThat(body.html())
        .isEqualTo(
            "<div class=\"admonition tip\" role=\"note\"><p class=\"admonition-title\">提示</p>"
                + "<p>按 Ctrl+R。</p></div>");
  }

  @Test
  void unknownMarkerOrPlainQuoteStaysAQuote() {
    String html =
        "<blockquote><p>[!DANGER] not a GitHub kind</p></blockquote>"
            + "<blockquote><p>Quoted [!NOTE] later</p></blockquote>";
    assertThat(HtmlPostProcessor.process(html, EN).html()).isEqualTo(html);
  }

  @Test
  void blockAdmonitionKeepsItsTitleAndMapsItsKind() {
    String html =
        """
        <div class="adm-block adm-danger">
        <div class="adm-heading">
        <svg class="adm-icon"><use xlink:href="#adm-danger" /></svg><span>Keep codes safe</span>
        </div>
        <div class="adm-body">
        <p>Never share them.</p>
        </div>
        </div>""";
    assertThat(HtmlPostProcessor.process(html, EN).html())
        .isEqualTo(
            "<div class=\"admonition caution\" role=\"note\"><p class=\"admonition-title\">"
                + "Keep codes safe</p>\n<p>Never share them.</p>\n</div>");
  }

  @Test
  void blockAdmonitionWithoutTitleGetsTheLocalisedOne() {
    String html = "<div class=\"adm-block adm-info\"><div class=\"adm-body\"><p>x</p></div></div>";
    assertThat(HtmlPostProcessor.process(html, ZH).html())
        .isEqualTo(
            "<div class=\"admonition note\" role=\"note\"><p class=\"admonition-title\">注意</p>"
                + "<p>x</p></div>");
  }

  @Test
  void flexmarksIconSymbolsAreDropped() {
    String html =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"adm-hidden\"><symbol id=\"adm-tip\">"
            + "<svg></svg></symbol></svg><p>x</p>";
    HtmlBody body = HtmlPostProcessor.process(html, EN);
    assertThat(body.html()).isEqualTo("<p>x</p>");
    assertThat(body.intro()).isEqualTo("<p>x</p>");
  }

  @Test
  void admonitionTitleIsEscaped() {
    String html =
        "<div class=\"adm-block adm-note\"><div class=\"adm-heading\"><span>&lt;b&gt;</span></div>"
            + "<div class=\"adm-body\"></div></div>";
    assertThat(HtmlPostProcessor.process(html, EN).html())
        .contains("<p class=\"admonition-title\">&lt;b&gt;</p>");
  }

  @Test
  void fallbackMarkBecomesHreflangAndClass() {
    String html =
        "<p><a href=\"../zh/a/index.html?kbgen-fallback-lang=zh\">a</a>"
            + " <a href=\"../zh/a/index.html#x?kbgen-fallback-lang=zh\">b</a>"
            + " <a href=\"../zh/a/index.html?q=1&amp;kbgen-fallback-lang=zh\">c</a>"
            + " <a class=\"kb-ref\" href=\"../en/b/index.html\">d</a></p>";
    String out = HtmlPostProcessor.process(html, EN).html();
    assertThat(out)
        .isEqualTo(
            "<p><a href=\"../zh/a/index.html\" hreflang=\"zh\" class=\"lang-fallback\">a</a>"
                + " <a href=\"../zh/a/index.html#x\" hreflang=\"zh\" class=\"lang-fallback\">b</a>"
                + " <a href=\"../zh/a/index.html?q=1\" hreflang=\"zh\" class=\"lang-fallback\">c</a>"
                + " <a class=\"kb-ref\" href=\"../en/b/index.html\">d</a></p>");
  }

  @Test
  void nonAsciiTextIsNotEscaped() {
    HtmlBody body = HtmlPostProcessor.process("<h2 id=\"原因\">原因</h2><p>“引号” &amp; é</p>", ZH);
    assertThat(body.html()).isEqualTo("<h2 id=\"原因\">原因</h2><p>“引号” &amp; é</p>");
    assertThat(body.sections().get(0).anchor()).isEqualTo("原因");
  }

  /**
   * Raw HTML that jsoup parses into a tree that parses differently when written out (a heading in a
   * paragraph in a table, blank lines at the start of a {@code pre}) is parsed again until it is
   * stable, so the sections are those a browser sees.
   */
  @Test
  void rawHtmlIsParsedAgainUntilStable() {
    String table = "<table><p>Note:<h2 id=\"cause\">Cause</h2><tr><td>1</td></tr></table>";
    HtmlBody body = HtmlPostProcessor.process(table, EN, RawHtml.SANITIZE, true);
    assertThat(body.sections()).extracting(HtmlSection::heading).containsExactly("Cause");
    assertStable(body.html());
    assertStable(
        HtmlPostProcessor.process("<pre>\n\nx\n</pre>", EN, RawHtml.SANITIZE, true).html());
  }

  private static void assertStable(String html) {
    org.jsoup.nodes.Document again = org.jsoup.Jsoup.parseBodyFragment(html);
    again.outputSettings().prettyPrint(false).escapeMode(org.jsoup.nodes.Entities.EscapeMode.base);
    assertThat(again.body().html()).isEqualTo(html);
  }
}
