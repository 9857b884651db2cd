package dev.kbgen.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PermalinksTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "HTTP 502|http-502",
        "0x80070005|0x80070005",
        "java.lang.OutOfMemoryError|java-lang-outofmemoryerror",
        "ORB-SYNC-1042|orb-sync-1042",
        "  E_ACCESSDENIED  |e-accessdenied",
        "同步失败|同步失败",
        "错误 0x80070005|错误-0x80070005",
        "HTTP/1.1 429 Too Many Requests|http-1-1-429-too-many-requests",
        "Ünïcödé Ärger|ünïcödé-ärger",
        "(-1)|1"
      })
  void codeSlug(String code, String slug) {
    assertThat(Permalinks.codeSlug(code)).isEqualTo(slug);
  }

  @Test
  void codeSlugWithoutLettersOrDigitsIsStillAPathSegment() {
    String slug = Permalinks.codeSlug("!!!");
    assertThat(slug).startsWith("code-").matches("[a-z0-9-]+");
    assertThat(Permalinks.codeSlug("!!!")).isEqualTo(slug);
    assertThat(Permalinks.codeSlug("???")).isNotEqualTo(slug);
  }

  @Test
  void codeSlugIgnoresTheDefaultLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(new Locale("tr", "TR"));
      assertThat(Permalinks.codeSlug("INVALID_ID")).isEqualTo("invalid-id");
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void pagePaths() {
    assertThat(Permalinks.root()).isEqualTo("index.html");
    assertThat(Permalinks.home("zh")).isEqualTo("zh/index.html");
    assertThat(Permalinks.tag("en", "windows")).isEqualTo("en/tags/windows/index.html");
    assertThat(Permalinks.tags("en")).isEqualTo("en/tags/index.html");
    assertThat(Permalinks.product("zh", "sync")).isEqualTo("zh/products/sync/index.html");
    assertThat(Permalinks.code("en", "HTTP 502")).isEqualTo("en/codes/http-502/index.html");
    assertThat(Permalinks.codes("en")).isEqualTo("en/codes/index.html");
    assertThat(Permalinks.articles("en")).isEqualTo("en/articles/index.html");
    assertThat(Permalinks.search("en")).isEqualTo("en/search/index.html");
    assertThat(Permalinks.feed("en")).isEqualTo("en/atom.xml");
    assertThat(Permalinks.notFound()).isEqualTo("404.html");
  }

  @ParameterizedTest(name = "rootPrefix({0}) = ''{1}''")
  @CsvSource({
    "index.html, ''",
    "404.html, ''",
    "en/index.html, ../",
    "en/atom.xml, ../",
    "en/tags/index.html, ../../",
    "en/sync/files-stuck/index.html, ../../../",
    "zh/codes/http-502/index.html, ../../../"
  })
  void rootPrefix(String page, String prefix) {
    assertThat(Permalinks.rootPrefix(page)).isEqualTo(prefix);
  }

  @Test
  void relativeLinksGoThroughTheRoot() {
    assertThat(Permalinks.relative("en/sync/a/index.html", "zh/sync/a/index.html"))
        .isEqualTo("../../../zh/sync/a/index.html");
    assertThat(Permalinks.relative("index.html", "en/index.html")).isEqualTo("en/index.html");
    assertThat(Permalinks.relative("en/index.html", "static/kbgen.css"))
        .isEqualTo("../static/kbgen.css");
    assertThat(Permalinks.relative("en/sync/a/index.html", "en/sync/images/x.png"))
        .isEqualTo("../../../en/sync/images/x.png");
  }

  @Test
  void absoluteDropsIndexHtml() {
    String base = "https://help.example.com/";
    assertThat(Permalinks.absolute(base, "index.html")).isEqualTo(base);
    assertThat(Permalinks.absolute(base, "en/sync/a/index.html"))
        .isEqualTo("https://help.example.com/en/sync/a/");
    assertThat(Permalinks.absolute(base, "en/atom.xml"))
        .isEqualTo("https://help.example.com/en/atom.xml");
    assertThat(Permalinks.absolute(base, "404.html"))
        .isEqualTo("https://help.example.com/404.html");
  }
}
