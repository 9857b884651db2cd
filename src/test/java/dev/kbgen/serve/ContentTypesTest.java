package dev.kbgen.serve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentTypesTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "index.html|text/html; charset=utf-8",
        "en/INDEX.HTML|text/html; charset=utf-8",
        "static/kbgen.css|text/css; charset=utf-8",
        "static/kbgen.js|text/javascript; charset=utf-8",
        "static/favicon.svg|image/svg+xml; charset=utf-8",
        "sitemap.xml|application/xml; charset=utf-8",
        "en/atom.xml|application/xml; charset=utf-8",
        "robots.txt|text/plain; charset=utf-8",
        "en/search/index.json|application/json; charset=utf-8",
        "en/sync/images/a.png|image/png",
        "en/sync/images/a.jpg|image/jpeg",
        "en/sync/images/a.jpeg|image/jpeg",
        "en/sync/images/a.gif|image/gif",
        "en/sync/images/a.webp|image/webp",
        "en/sync/files/setup.exe|application/octet-stream",
        "en/sync/files/README|application/octet-stream",
        "en/sync.v2/README|application/octet-stream",
        "en/sync/files/trailing.|application/octet-stream"
      })
  void typeComesFromTheExtension(String path, String type) {
    assertThat(ContentTypes.of(path)).isEqualTo(type);
  }
}
