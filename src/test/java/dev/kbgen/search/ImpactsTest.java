package dev.kbgen.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbgen.build.BuildOptions;
import dev.kbgen.build.Pipeline;
import dev.kbgen.testing.SiteFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The impacts a build ships are computed from the analysed documents with Lucene's BM25 scorer and
 * norms, without Lucene's index; read back from that index, they must be the same floats.
 */
class ImpactsTest {
  @Test
  void theSampleSitesImpactsAreLucenesToTheBit() {
    BuildOptions options =
        new BuildOptions(
            SiteFixture.repoContent(), SiteFixture.repoTemplates(), false, Path.of(""));
    try (SearchEngine engine = new Pipeline(options).reference().engine()) {
      assertThat(engine.indexes()).containsKeys("en", "zh");
      for (LanguageIndex index : engine.indexes().values()) {
        assertSame(index);
      }
    }
  }

  /** An English document with these field texts and curated codes. */
  private static SearchDocument doc(
      String key, String type, Map<SearchField, String> fields, List<String> curated) {
    String title = fields.getOrDefault(SearchField.TITLE, "");
    return new SearchDocument(
        key, key, "en", title, key + "/", "", "", type, List.of(), "", fields, curated);
  }

  @Test
  void emptyFieldsRepeatedTermsAndCodesAreCountedAsLuceneCountsThem() {
    List<SearchDocument> docs =
        List.of(
            doc(
                "a",
                "troubleshooting",
                Map.of(
                    SearchField.TITLE, "Sync paused sync sync",
                    SearchField.CODES, "0x80070005",
                    SearchField.BODY, "Access is denied (0x80070005). Sync stops."),
                List.of("0x80070005", "E_ACCESSDENIED")),
            doc("b", "how-to", Map.of(SearchField.TITLE, "Blank page 同步暂停"), List.of()),
            doc("c", "reference", Map.of(), List.of()));
    try (SearchEngine engine = SearchEngine.build(docs)) {
      LanguageIndex index = engine.indexes().get("en");
      assertThat(index.impacts()).containsKeys("sync", "#0x80070005", "!e_accessdenied");
      assertSame(index);
    }
  }

  @Test
  void termsLuceneCannotHoldAsTheyAreAreStoredAsLuceneStoresThem() {
    String immense = "a1".repeat(20_000);
    List<SearchDocument> docs =
        List.of(
            doc(
                "a",
                "troubleshooting",
                Map.of(SearchField.TITLE, "Odd terms", SearchField.BODY, "x " + immense + " y"),
                List.of("E\uD800", "E\uFFFD")));
    try (SearchEngine engine = SearchEngine.build(docs)) {
      LanguageIndex index = engine.indexes().get("en");
      assertThat(index.impacts()).containsKey("!e\uFFFD").doesNotContainKey("!e\uD800");
      assertThat(index.impacts().keySet()).noneMatch(t -> t.length() > 30_000);
      assertSame(index);
      assertThat(engine.search("odd terms", "en", 10, SearchEngine.Filters.NONE, false).hits())
          .hasSize(1);
    }
  }

  private static void assertSame(LanguageIndex index) {
    TreeMap<String, Postings> direct = index.impacts();
    TreeMap<String, Postings> lucene = index.impactsFromLucene();
    assertThat(direct.keySet()).containsExactlyElementsOf(lucene.keySet());
    assertThat(direct).isNotEmpty();
    lucene.forEach(
        (term, p) -> {
          Postings q = direct.get(term);
          assertThat(q.docs()).as(term).containsExactly(p.docs());
          assertThat(q.impacts()).as(term).containsExactly(p.impacts());
        });
  }
}
