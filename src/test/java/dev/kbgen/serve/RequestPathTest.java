package dev.kbgen.serve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestPathTest {

  @ParameterizedTest
  @CsvSource({
    "/, index.html, true",
    "/index.html, index.html, false",
    "/en/, en/index.html, true",
    "/en, en, false",
    "/en/sync/files-stuck-syncing/, en/sync/files-stuck-syncing/index.html, true",
    "/static/kbgen.css, static/kbgen.css, false",
    "/zh/%E5%90%8C%E6%AD%A5/, zh/同步/index.html, true",
    "/en/codes/0x80070005/, en/codes/0x80070005/index.html, true",
    "/a%20b.png, a b.png, false",
    "/..foo/x.txt, ..foo/x.txt, false"
  })
  void mapsUrlsToSiteFiles(String raw, String file, boolean folder) {
    assertThat(RequestPath.parse(raw)).isEqualTo(new RequestPath.Site(file, folder));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/%2E%2E/%2E%2E/etc/passwd",
        "/..%2f..%2fetc/passwd",
        "/..%2F..%2Fetc/passwd",
        "/en/../../etc/passwd",
        "/en/%2e%2e/%2e%2e/etc/passwd",
        "/.%2e/etc/passwd",
        "/static/../static/kbgen.css",
        "/./index.html",
        "/en/.",
        "/en/..",
        "/..\\..\\etc\\passwd",
        "/en/%5c..%5c..%5cetc%5cpasswd",
        "//etc/passwd",
        "/%2fetc/passwd",
        "/en//index.html",
        "/C:/Windows/win.ini",
        "/c:",
        "/index.html%00.png",
        "/%00",
        "/a%0d%0aSet-Cookie:%20x",
        "/%zz",
        "/%2",
        "/%c0%ae%c0%ae/etc/passwd",
        "/%ff",
        "etc/passwd",
        ""
      })
  void refusesPathsThatCouldLeaveTheSite(String raw) {
    assertThat(RequestPath.parse(raw))
        .as(raw)
        .isInstanceOfSatisfying(
            RequestPath.Refused.class, r -> assertThat(r.status()).isEqualTo(400));
  }

  @org.junit.jupiter.api.Test
  void refusesLongUrls() {
    String raw = "/" + "a".repeat(RequestPath.MAX_LENGTH);
    assertThat(RequestPath.parse(raw))
        .isEqualTo(new RequestPath.Refused(414, "the URL is too long"));
    assertThat(RequestPath.parse("/" + "a".repeat(RequestPath.MAX_LENGTH - 2)))
        .isInstanceOf(RequestPath.Site.class);
  }
}
