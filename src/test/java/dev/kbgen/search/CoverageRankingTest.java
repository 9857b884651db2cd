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

  /**
   * Words that ask the question ("怎么办", "一直") are not what an article is about: an FAQ that asks
   * "Region 不可用怎么办？" in passing does not outrank the article on the problem, which never says "怎么办"
   * (with them, only the FAQ had every term of the query).
   */
  @Test
  void chineseFillersDoNotDecideTheRanking() {
    List<SearchDocument> docs =
        List.of(
            doc("zh/faq", "zh", "常见问题", "连接断开怎么办？重启客户端。内存不足怎么办？增加内存。Region 不可用怎么办？见相关文档。"),
            doc("zh/region", "zh", "Region 不可用", "TiKV 繁忙时 Region 不可用，稍后重试即可恢复。"),
            doc("zh/other", "zh", "安装客户端", "下载客户端并运行安装程序。"));
    try (SearchEngine engine = SearchEngine.build(docs)) {
      for (String query : List.of("Region 不可用怎么办", "Region 一直不可用怎么办")) {
        assertThat(engine.search(query, "zh", 10, SearchEngine.Filters.NONE, false).hits())
            .as(query)
            .extracting(h -> h.document().key())
            .first()
            .isEqualTo("zh/region");
      }
    }
  }

  /**
   * A filler makes no term and cuts the bigrams around it, where the dictionary segmentation has it
   * as words of their own; inside other words ("统一下发": "统一" "下" "发") it is text like any.
   */
  @Test
  void chineseFillersAreCutOutWhereTheyAreWords() {
    try (Analysis analysis = new Analysis()) {
      assertThat(analysis.analyze("为什么同步一直失败", Analysis.Mode.QUERY))
          .containsExactly("同步", "失败", "~同步", "~失败");
      // "怎么办" is segmented "怎么" "办": the filler ends where a segment ends
      assertThat(analysis.analyze("怎么办", Analysis.Mode.DOC)).isEmpty();
      assertThat(analysis.analyze("统一下发", Analysis.Mode.DOC))
          .containsExactly("统一", "一下", "下发", "~统一");
      // "汇总是否" is "汇" "总" "是否": "总是" ends inside "是否"
      assertThat(analysis.analyze("汇总是否", Analysis.Mode.DOC))
          .containsExactly("汇总", "总是", "是否", "~是否");
    }
  }
}
