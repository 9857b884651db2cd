package dev.kbgen.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Related articles and impacts computed on all cores with primitive arrays are exactly those of the
 * plain algorithm (boxed maps, one article after another), order and scores included.
 */
class SimilarArticlesTest {
  static Analysis analysis;
  static LanguageIndex index;

  @BeforeAll
  static void build() {
    analysis = new Analysis();
    List<SearchDocument> docs = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      StringBuilder body = new StringBuilder();
      for (int j = 0; j < 30 + i % 17; j++) {
        body.append(StaticIndexWriterTest.word((i % 23) * 11 + j * (1 + i % 5))).append(' ');
      }
      // Copies, so that some articles tie and some are near-duplicates.
      String title = "Sync stops " + StaticIndexWriterTest.word(i % 50);
      docs.add(StaticIndexWriterTest.document(i, title, body.toString()));
    }
    index = LanguageIndex.build("en", docs, analysis);
  }

  @AfterAll
  static void close() {
    index.close();
    analysis.close();
  }

  @Test
  void relatedArticlesAreThoseOfThePlainAlgorithm() {
    for (int limit : new int[] {5, 8}) {
      Map<String, List<SimilarArticles.Similar>> actual = SimilarArticles.similar(index, limit);
      Map<String, List<SimilarArticles.Similar>> expected = plain(index, limit);
      assertThat(actual).isEqualTo(expected);
      assertThat(actual.values()).anyMatch(l -> l.size() == limit);
    }
  }

  @Test
  void impactsSumEveryFieldOfADocument() {
    TreeMap<String, Postings> impacts = index.impacts();
    assertThat(impacts).isNotEmpty();
    for (Postings p : impacts.values()) {
      for (int k = 1; k < p.docs().length; k++) {
        assertThat(p.docs()[k]).isGreaterThan(p.docs()[k - 1]);
      }
      for (float f : p.impacts()) {
        assertThat(f).isPositive();
      }
    }
    // A term in the title and the body of a document scores both fields, as Lucene's query does.
    String term = analysis.analyze("stops", Analysis.Mode.QUERY).get(0);
    Postings p = impacts.get(term);
    List<Hit> hits = index.search(List.of(term), 1000, d -> true);
    assertThat(hits).hasSize(p.df());
    for (Hit h : hits) {
      int k = Arrays.binarySearch(p.docs(), h.doc());
      assertThat((double) p.impacts()[k])
          .isCloseTo(h.score(), org.assertj.core.data.Offset.offset(1e-4));
    }
  }

  /** The straightforward algorithm: boxed entries, every article in turn, a full sort. */
  static Map<String, List<SimilarArticles.Similar>> plain(LanguageIndex index, int limit) {
    List<SearchDocument> docs = index.documents();
    int n = docs.size();
    List<List<Map.Entry<String, Float>>> forward = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      forward.add(new ArrayList<>());
    }
    TreeMap<String, Postings> impacts = index.impacts();
    int maxDf = Math.min(n / 2, Math.max(50, n / 20));
    impacts.forEach(
        (term, p) -> {
          if (term.startsWith(Analysis.CURATED) || p.df() < 2 || p.df() > maxDf) {
            return;
          }
          for (int k = 0; k < p.docs().length; k++) {
            forward.get(p.docs()[k]).add(Map.entry(term, p.impacts()[k]));
          }
        });
    Map<String, List<SimilarArticles.Similar>> out = new HashMap<>();
    for (int d = 0; d < n; d++) {
      List<Map.Entry<String, Float>> terms = forward.get(d);
      terms.sort(
          (a, b) ->
              a.getValue().equals(b.getValue())
                  ? a.getKey().compareTo(b.getKey())
                  : Float.compare(b.getValue(), a.getValue()));
      double[] scores = new double[n];
      double self = 0;
      for (var t : terms.subList(0, Math.min(SimilarArticles.QUERY_TERMS, terms.size()))) {
        Postings p = impacts.get(t.getKey());
        for (int k = 0; k < p.docs().length; k++) {
          scores[p.docs()[k]] += (double) t.getValue() * p.impacts()[k];
        }
        self += (double) t.getValue() * t.getValue();
      }
      scores[d] = 0;
      List<Integer> best = new ArrayList<>();
      for (int o = 0; o < n; o++) {
        if (scores[o] > 0) {
          best.add(o);
        }
      }
      best.sort(
          (a, b) ->
              scores[a] != scores[b]
                  ? Double.compare(scores[b], scores[a])
                  : Integer.compare(a, b));
      List<SimilarArticles.Similar> list = new ArrayList<>();
      for (int o : best.subList(0, Math.min(limit, best.size()))) {
        list.add(new SimilarArticles.Similar(docs.get(o).key(), scores[o], self));
      }
      out.put(docs.get(d).key(), List.copyOf(list));
    }
    return out;
  }
}
