package dev.kbgen.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An article that covers the whole query outranks one that repeats part of it. */
class CoverageRankingTest {
  /** A troubleshooting article with a title and a body only. */
  static SearchDocument doc(String key, String lang, String title, String body) {
    return new SearchDocument(
        key,
        key,
        lang,
        title,
        key + "/",
        "",
        "",
        "troubleshooting",
        List.of(),
        "",
        Map.of(SearchField.TITLE, title, SearchField.BODY, body),
        List.of());
  }

  private static final String QUERY = "region unavailable error 9005 HY000";

  private static List<SearchDocument> docs() {
    return List.of(
        doc(
            "a-codes",
            "en",
            "Error codes",
            "Error 9005 (HY000): Region is unavailable. The TiKV server is busy, retry later. "
                + "Error 8002: the transaction conflicts with another one and is rolled back. "
                + "Error 8005: the write conflicts. Error 9001: the placement driver timed out. "
                + "Error 9002: the TiKV server timed out. Error 9003: the TiKV server is busy."),
        doc(
            "b-region",
            "en",
            "Region unavailable: region error",
            "The region is unavailable when the region server is unavailable. Region by region."),
        doc("c-other", "en", "Install the client", "Download the client and run the installer."));
  }

  @Test
  void theArticleWithEveryTermOfAnErrorMessageComesFirst() {
    try (SearchEngine engine = SearchEngine.build(docs())) {
      SearchEngine.Result r = engine.search(QUERY, "en", 10, SearchEngine.Filters.NONE, false);
      assertThat(r.hits()).extracting(h -> h.document().key()).startsWith("a-codes", "b-region");
    }
  }

  @Test
  void withoutCoverageTheRepetitiveArticleWouldWin() {
    // the premise of the test above: by summed impacts alone, b-region ranks first
    try (SearchEngine engine = SearchEngine.build(docs())) {
      LanguageIndex index = engine.indexes().get("en");
      List<String> terms = engine.analysis().analyzeQuery(QUERY);
      double[] sums = new double[3];
      for (String t : terms) {
        Postings p = index.impacts().get(t);
        for (int i = 0; p != null && i < p.docs().length; i++) {
          sums[p.docs()[i]] += p.impacts()[i];
        }
      }
      assertThat(sums[1]).isGreaterThan(sums[0]);
      double[] coverage = index.coverage(terms);
      assertThat(coverage[0]).isEqualTo(1.0);
      assertThat(coverage[1]).isStrictlyBetween(0.0, 1.0);
      assertThat(coverage[2]).isZero();
    }
  }
}
