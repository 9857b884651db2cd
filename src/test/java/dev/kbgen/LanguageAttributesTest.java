package dev.kbgen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbgen.testing.SiteFixture;
import dev.kbgen.testing.SiteFixture.Built;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text in the page's language and text in the other language are marked as such, so that screen
 * readers read each in its own language: the language switch and the notice on an article that has
 * no translation, on the sample site's two untranslated articles.
 */
class LanguageAttributesTest {
  static Built site;

  @BeforeAll
  static void build() {
    site =
        SiteFixture.build(SiteFixture.repoContent(), SiteFixture.repoTemplates(), Path.of(""))
            .assertOk();
  }

  private static Document page(String path) {
    return Jsoup.parse(site.text(path));
  }

  /** The language a text is read in: its nearest {@code lang} attribute. */
  private static String langOf(Node node) {
    for (Node n = node; n != null; n = n.parent()) {
      if (n instanceof Element e && e.hasAttr("lang")) {
        return e.attr("lang");
      }
    }
    return "";
  }

  /** The text of an element as a screen reader reads it: without what is {@code aria-hidden}. */
  private static String readText(Element e) {
    Element copy = e.clone();
    copy.select("[aria-hidden=true]").remove();
    return copy.text();
  }

  /** Each non-blank text under {@code root} with the language it is read in: "zh-CN: 中文". */
  private static List<String> texts(Element root) {
    List<String> out = new ArrayList<>();
    root.traverse(
        (node, depth) -> {
          if (node instanceof TextNode t && !t.isBlank()) {
            out.add(langOf(t) + ": " + t.text().strip());
          }
        });
    return out;
  }

  @Test
  void aChineseOnlyArticleReadsEnglishOnlyWhereItNamesEnglish() {
    Document zh = page("zh/billing/fapiao-wechat-alipay/index.html");
    assertThat(zh.selectFirst("html").attr("lang")).isEqualTo("zh-CN");

    Element unavailable = zh.selectFirst(".lang-switch a.is-unavailable");
    assertThat(unavailable.attr("hreflang")).isEqualTo("en");
    assertThat(texts(unavailable))
        .containsExactly("en: English", "zh-CN: (此页面尚无该语言版本，链接将打开该语言的首页)");
    assertThat(texts(zh.selectFirst(".lang-switch a.is-current"))).containsExactly("zh: 中文");

    assertThat(texts(zh.selectFirst(".lang-notice--missing")))
        .containsExactly(
            "zh-CN: 本文暂无", "en: English", "zh-CN: 版本。", "zh-CN: 前往", "en: English", "zh-CN: 帮助中心");
  }

  @Test
  void anEnglishOnlyArticleReadsChineseOnlyWhereItNamesChinese() {
    Document en = page("en/billing/us-sales-tax-exemption/index.html");
    assertThat(en.selectFirst("html").attr("lang")).isEqualTo("en");

    Element unavailable = en.selectFirst(".lang-switch a.is-unavailable");
    assertThat(unavailable.attr("hreflang")).isEqualTo("zh");
    assertThat(texts(unavailable))
        .containsExactly(
            "zh: 中文",
            "en: (This page is not translated yet; this link opens the home page in that"
                + " language)");

    assertThat(texts(en.selectFirst(".lang-notice--missing")))
        .containsExactly(
            "en: This article is not available in",
            "zh: 中文",
            "en: yet.",
            "en: Browse the",
            "zh: 中文",
            "en: help center");
  }

  @Test
  void aLanguagesLabelIsWrittenAsTextInTheNotice(@TempDir Path tmp) {
    String yaml = SiteFixture.SITE_YAML.replace("label: 中文", "label: \"中文 <b>&amp;\"");
    Built built =
        SiteFixture.write(tmp, "-- content/site.yaml --\n" + yaml + SiteFixture.TWO_ARTICLES)
            .build()
            .assertOk();
    Element notice =
        Jsoup.parse(built.text("en/sync/sync-stops/index.html"))
            .selectFirst(".lang-notice--missing");
    assertThat(notice.select("b")).isEmpty();
    assertThat(notice.select("span[lang=zh]").eachText())
        .containsExactly("中文 <b>&amp;", "中文 <b>&amp;");
  }

  /**
   * Punctuation in hidden text is read aloud too: the page's language's, not another's. (The short
   * label a phone shows instead of the first part is not read.)
   */
  @Test
  void theCodeLinksNameTheirCodeWithThePagesOwnPunctuation() {
    assertThat(page("zh/sync/windows-access-denied/index.html").select(".code-link"))
        .allSatisfy(
            a -> assertThat(a.select("[aria-hidden=true]").eachText()).containsExactly("全部文章"))
        .extracting(LanguageAttributesTest::readText)
        .containsExactly("含此代码的全部文章：0x80070005", "含此代码的全部文章：ORB-SYNC-1301");
    assertThat(page("en/sync/windows-access-denied/index.html").select(".code-link"))
        .extracting(LanguageAttributesTest::readText)
        .containsExactly(
            "All articles with this code: 0x80070005",
            "All articles with this code: ORB-SYNC-1301");
  }

  /**
   * A dead link under {@code zh/} leads to a Chinese page where the host shows the nearest {@code
   * 404.html}; the site's own one, which other hosts show for every address, says it in each
   * language.
   */
  @Test
  void theNotFoundPagesSpeakEachLanguage() {
    Document zh = page("zh/404.html");
    assertThat(zh.selectFirst("html").attr("lang")).isEqualTo("zh-CN");
    assertThat(zh.selectFirst("h1").text()).isEqualTo("找不到页面");
    Element english = zh.selectFirst(".not-found-elsewhere");
    assertThat(texts(english))
        .containsExactly(
            "en: Sorry, we couldn't find that page. It may have moved, or the link may be out of"
                + " date.",
            "en: Go to the help center home");
    assertThat(english.selectFirst("a").attr("href")).isEqualTo("/en/index.html");

    for (String path : List.of("404.html", "en/404.html")) {
      Document en = page(path);
      assertThat(en.selectFirst("html").attr("lang")).as(path).isEqualTo("en");
      assertThat(en.selectFirst("h1").text()).as(path).isEqualTo("Page not found");
      Element chinese = en.selectFirst(".not-found-elsewhere");
      assertThat(texts(chinese))
          .as(path)
          .containsExactly("zh: 抱歉，找不到该页面。页面可能已移动，或链接已过期。", "zh: 返回帮助中心首页");
      assertThat(chinese.selectFirst("a").attr("href")).as(path).isEqualTo("/zh/index.html");
    }
  }
}
