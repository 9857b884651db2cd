package dev.kbgen.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The raw-HTML policy of SECURITY.md, one input at a time. */
class SanitizerTest {
  private static String clean(String html) {
    return HtmlPostProcessor.process(html, Map.of(), RawHtml.SANITIZE).html();
  }

  private static String trusted(String html) {
    return HtmlPostProcessor.process(html, Map.of(), RawHtml.TRUSTED).html();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<iframe src=\"https://evil.example/\"></iframe>",
        "<object data=\"x.swf\"></object>",
        "<embed src=\"x.swf\">",
        "<style>body{display:none}</style>",
        "<form action=\"https://evil.example/\"><button>go</button></form>",
        "<link rel=\"stylesheet\" href=\"https://evil.example/x.css\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">",
        "<base href=\"https://evil.example/\">",
        "<svg onload=\"alert(1)\"></svg>",
        "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
      })
  void activeElementsAreDropped(String html) {
    String out = clean("<p>a</p>" + html + "<p>b</p>");
    assertThat(out)
        .doesNotContainIgnoringCase("<script")
        .doesNotContainIgnoringCase("<iframe")
        .doesNotContainIgnoringCase("<object")
        .doesNotContainIgnoringCase("<embed")
        .doesNotContainIgnoringCase("<style")
        .doesNotContainIgnoringCase("<form")
        .doesNotContainIgnoringCase("<link")
        .doesNotContainIgnoringCase("<meta")
        .doesNotContainIgnoringCase("<base")
        .doesNotContainIgnoringCase("<svg")
        .doesNotContainIgnoringCase("alert")
        .contains("<p>a</p>", "<p>b</p>");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
        "<a href=\" javascript:alert(1)\">x</a>",
        "<a href=\"java&#x09;script:alert(1)\">x</a>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<a href=\"data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;\">x</a>",
        "<img src=\"javascript:alert(1)\" alt=\"x\">",
        "<img src=\"data:text/html;base64,PHNjcmlwdD4=\" alt=\"x\">",
        "<blockquote cite=\"javascript:alert(1)\">x</blockquote>",
      })
  void dangerousUrlsAreRemoved(String html) {
    String out = clean(html);
    assertThat(out)
        .doesNotContainIgnoringCase("script:")
        .doesNotContainIgnoringCase("data:text")
        .doesNotContain("href=\"")
        .doesNotContain("src=\"")
        .doesNotContain("cite=\"");
  }

  @Test
  void eventHandlersAndStylesAreRemoved() {
    String out =
        clean(
            "<p onclick=\"alert(1)\" style=\"color:red\">a"
                + "<img src=\"x.png\" onerror=\"alert(1)\" alt=\"x\">"
                + "<span onmouseover=\"alert(1)\">b</span></p>");
    assertThat(out)
        .isEqualTo("<p>a<img src=\"x.png\" alt=\"x\"><span>b</span></p>")
        .doesNotContain("alert");
  }

  @Test
  void formattingTagsAreKept() {
    String html =
        "<p><kbd>Ctrl</kbd>+<kbd>C</kbd> H<sub>2</sub>O x<sup>2</sup> <mark>m</mark>"
            + " <abbr title=\"Single sign-on\">SSO</abbr><br><del>d</del> <ins>i</ins>"
            + " <s>s</s> <ruby>漢<rp>(</rp><rt>hàn</rt><rp>)</rp></ruby></p>"
            + "<details open><summary>More</summary><p>Hidden.</p></details>"
            + "<table><thead><tr><th scope=\"col\" colspan=\"2\">A</th></tr></thead>"
            + "<tbody><tr><td rowspan=\"1\">1</td></tr></tbody></table>"
            + "<dl><dt>t</dt><dd>d</dd></dl><hr>";
    // kept, with the table in a wrapper the keyboard can scroll
    assertThat(clean(html))
        .isEqualTo(
            html.replace("<table>", "<div class=\"table-wrap\" tabindex=\"0\"><table>")
                .replace("</table>", "</table></div>"));
  }

  @Test
  void safeUrlsAreKept() {
    String html =
        "<p><a href=\"../other/index.html\">r</a> <a href=\"#sec\">f</a>"
            + " <a href=\"https://example.com/a?b=c\">h</a> <a href=\"mailto:a@b.co\">m</a> <a href=\"tel:+4912345\">t</a>"
            + " <img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"dot\">"
            + " <img src=\"images/x.png\" alt=\"x\"></p>";
    assertThat(clean(html)).isEqualTo(html);
  }

  @Test
  void kbgenMarkupIsKept() {
    String html =
        "<h2 id=\"cause\">Cause</h2>"
            + "<ul><li class=\"task-list-item\"><input type=\"checkbox\" class=\"task-list-item-checkbox\""
            + " checked disabled readonly> done</li></ul>"
            + "<p>n<sup id=\"fnref-1\"><a class=\"footnote-ref\" href=\"#fn-1\">1</a></sup></p>"
            + "<pre><code class=\"language-js\">x</code></pre>"
            + "<p><a href=\"../../zh/a/index.html\" hreflang=\"zh\" class=\"kb-ref lang-fallback\">a</a></p>"
            + "<div class=\"admonition note\" role=\"note\"><p class=\"admonition-title\">Note</p></div>";
    // kept, with the checkbox's name and the code block's focus added
    assertThat(clean(html))
        .isEqualTo(
            html.replace(" readonly>", " readonly aria-label=\"done\">")
                .replace("<pre>", "<pre tabindex=\"0\">"));
  }

  @Test
  void onlyDisabledCheckboxesSurviveAsInputs() {
    assertThat(clean("<p><input type=\"text\" name=\"q\"><input type=\"checkbox\"></p>"))
        .isEqualTo("<p><input type=\"checkbox\" disabled></p>");
  }

  @Test
  void trustedHtmlIsKeptAsWritten() {
    String html = "<div style=\"color:red\"><video src=\"a.mp4\" controls></video></div>";
    assertThat(trusted(html)).isEqualTo(html);
    assertThat(clean(html)).isEqualTo("<div></div>");
  }

  @Test
  void policyValuesParse() {
    assertThat(RawHtml.of("sanitize")).contains(RawHtml.SANITIZE);
    assertThat(RawHtml.of("trusted")).contains(RawHtml.TRUSTED);
    assertThat(RawHtml.of("yes")).isEmpty();
  }
}
