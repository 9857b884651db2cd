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

  @Test
  void withoutSynonymsTheEngineIsUnchanged() {
    try (SearchEngine engine =
        SearchEngine.build(List.of(CoverageRankingTest.doc("a", "en", "A", "a")))) {
      assertThat(engine.withSynonyms(List.of())).isSameAs(engine);
      assertThat(engine.synonyms().groups()).isEmpty();
    }
  }
}
