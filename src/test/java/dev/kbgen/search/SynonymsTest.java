package dev.kbgen.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Synonym groups expand queries; an expansion finds what the query's own words do not. */
class SynonymsTest {
  private static final List<List<String>> GROUPS =
      List.of(List.of("out of memory", "OOM", "内存溢出"), List.of("2FA", "two-step verification"));

  @Test
  void anAlternativeFoundInTheQueryAddsTheOthers() {
    try (Analysis analysis = new Analysis()) {
      Synonyms s = Synonyms.of(GROUPS, analysis);
      assertThat(s.groups().get(0).get(0)).containsExactly("out", "memori");
      assertThat(s.expand(analysis.analyzeQuery("java sdk out of memory")))
          .containsExactly("oom", "内存", "存溢", "溢出", "~内存", "~溢出");
      assertThat(s.expand(analysis.analyzeQuery("TiDB 内存溢出 进程被杀掉")))
          .containsExactly("out", "memori", "oom");
      // every word of an alternative must be there: "memory" alone is not "out of memory"
      assertThat(s.expand(analysis.analyzeQuery("memory usage"))).isEmpty();
      assertThat(s.expand(analysis.analyzeQuery("lost my phone, no 2FA code")))
          .containsExactly("two", "step", "verif");
    }
  }

  @Test
  void aSynonymFindsTheArticleThatUsesTheOtherWord() {
    List<SearchDocument> docs =
        List.of(
            CoverageRankingTest.doc("zh/oom", "zh", "TiDB OOM 故障排查", "TiDB OOM 的常见原因和解决方法。"),
            CoverageRankingTest.doc("zh/memory", "zh", "调整参数", "参数配置说明，其中一节讲内存。"));
    try (SearchEngine plain = SearchEngine.build(docs);
        SearchEngine engine = SearchEngine.build(docs).withSynonyms(GROUPS)) {
      String query = "内存溢出 怎么办";
      assertThat(plain.search(query, "zh", 10, SearchEngine.Filters.NONE, false).hits())
          .extracting(h -> h.document().key())
          .first()
          .isEqualTo("zh/memory");
      SearchEngine.Result r = engine.search(query, "zh", 10, SearchEngine.Filters.NONE, false);
      assertThat(r.hits()).extracting(h -> h.document().key()).first().isEqualTo("zh/oom");
      assertThat(r.terms()).contains("oom");
    }
  }

  /**
   * A word that no article uses (Taiwan's "記憶體" for "内存") weighs as much in the coverage as its
   * synonym that articles do use: the article about memory is not outranked by one that only has
   * the query's other word ("不足").
   */
  @Test
  void anAlternativeNoArticleUsesWeighsAsMuchAsTheOneTheyUse() {
    List<SearchDocument> docs =
        List.of(
            CoverageRankingTest.doc("zh/memory", "zh", "下载大文件时内存溢出", "把整个文件读进内存，内存用完后进程退出。"),
            CoverageRankingTest.doc("zh/disk", "zh", "清理磁盘", "磁盘空间不足时，同步暂停。"),
            CoverageRankingTest.doc("zh/other", "zh", "安装客户端", "下载并运行安装程序。"));
    try (SearchEngine engine =
        SearchEngine.build(docs).withSynonyms(List.of(List.of("内存", "記憶體")))) {
      SearchEngine.Result r = engine.search("記憶體不足", "zh", 10, SearchEngine.Filters.NONE, false);
      assertThat(r.terms()).contains("内存");
      assertThat(r.hits()).extracting(h -> h.document().key()).first().isEqualTo("zh/memory");
      assertThat(r.hits().get(0).score()).isPositive();
    }
  }

  @Test
  void withoutSynonymsTheEngineIsUnchanged() {
    try (SearchEngine engine =
        SearchEngine.build(List.of(CoverageRankingTest.doc("a", "en", "A", "a")))) {
      assertThat(engine.withSynonyms(List.of())).isSameAs(engine);
      assertThat(engine.synonyms().groups()).isEmpty();
    }
  }
}
