package dev.kbgen.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * "More like this" over the impact index: an article's most distinctive terms (its highest BM25
 * impacts) make the query, and other articles of the same language are scored by the impacts they
 * have for those terms. This is MoreLikeThis's algorithm on the index the search already built, so
 * it costs no second analysis and no second index.
 */
public final class SimilarArticles {
  /** How many of an article's terms make its query. */
  static final int QUERY_TERMS = 25;

  private SimilarArticles() {}

  /**
   * A similar article.
   *
   * @param key its key
   * @param score its similarity
   * @param self the query article's similarity to itself (for a relative measure)
   */
  public record Similar(String key, double score, double self) {}

  /** How many of the most similar articles are considered as near-duplicates of each one. */
  static final int DUPLICATE_CANDIDATES = 5;

  /**
   * Related articles and near-duplicates of one language.
   *
   * @param related for each key, the keys of the most similar articles, best first
   * @param duplicates pairs whose similarity reaches the threshold, sorted by their keys
   */
  public record Result(Map<String, List<String>> related, List<SimilarPair> duplicates) {
    public Result {
      related = Map.copyOf(related);
      duplicates = List.copyOf(duplicates);
    }
  }

  /**
   * Related articles (up to {@code limit} each) and near-duplicate pairs: the similarity of two
   * articles is how well each one's query matches the other relative to how well it matches itself,
   * the lower of the two directions, from 0 to 1.
   */
  public static Result compute(LanguageIndex index, int limit, double threshold) {
    Map<String, List<Similar>> similar = similar(index, Math.max(limit, DUPLICATE_CANDIDATES));
    Map<String, List<String>> related = new TreeMap<>();
    Map<String, Map<String, Double>> ratio = new TreeMap<>();
    similar.forEach(
        (key, list) -> {
          related.put(key, list.stream().limit(limit).map(Similar::key).toList());
          Map<String, Double> mine = new TreeMap<>();
          for (Similar s : list.subList(0, Math.min(DUPLICATE_CANDIDATES, list.size()))) {
            if (s.self() > 0) {
              mine.put(s.key(), Math.min(1.0, s.score() / s.self()));
            }
          }
          ratio.put(key, mine);
        });
    List<SimilarPair> duplicates = new ArrayList<>();
    ratio.forEach(
        (a, mine) ->
            mine.forEach(
                (b, ab) -> {
                  double ba = ratio.getOrDefault(b, Map.of()).getOrDefault(a, 0.0);
                  double similarity = Math.min(ab, ba);
                  if (a.compareTo(b) < 0 && similarity >= threshold) {
                    duplicates.add(new SimilarPair(a, b, similarity));
                  }
                }));
    return new Result(related, duplicates);
  }

  /**
   * For each article key, the most similar other articles, best first (ties by document number).
   */
  static Map<String, List<Similar>> similar(LanguageIndex index, int limit) {
    List<SearchDocument> docs = index.documents();
    int n = docs.size();
    // Forward index: each document's terms with their impacts.
    List<List<Map.Entry<String, Float>>> forward = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      forward.add(new ArrayList<>());
    }
    TreeMap<String, Postings> impacts = index.impacts();
    int maxDf = Math.min(n / 2, Math.max(50, n / 20));
    impacts.forEach(
        (term, p) -> {
          // Curated lookups are not words, unique terms link nothing, and terms in more than
          // half the articles (or, in large sets, in more than one in twenty) say little and
          // cost the most to sum.
          if (term.startsWith(Analysis.CURATED) || p.df() < 2 || p.df() > maxDf) {
            return;
          }
          for (int k = 0; k < p.docs().length; k++) {
            forward.get(p.docs()[k]).add(Map.entry(term, p.impacts()[k]));
          }
        });
    Map<String, List<Similar>> out = new HashMap<>();
    double[] scores = new double[n];
    for (int d = 0; d < n; d++) {
      List<Map.Entry<String, Float>> terms = forward.get(d);
      terms.sort(
          (a, b) ->
              a.getValue().equals(b.getValue())
                  ? a.getKey().compareTo(b.getKey())
                  : Float.compare(b.getValue(), a.getValue()));
      Arrays.fill(scores, 0);
      double self = 0;
      for (var t : terms.subList(0, Math.min(QUERY_TERMS, terms.size()))) {
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
      final double[] s = scores;
      best.sort((a, b) -> s[a] != s[b] ? Double.compare(s[b], s[a]) : Integer.compare(a, b));
      List<Similar> list = new ArrayList<>();
      for (int o : best.subList(0, Math.min(limit, best.size()))) {
        list.add(new Similar(docs.get(o).key(), s[o], self));
      }
      out.put(docs.get(d).key(), List.copyOf(list));
    }
    return out;
  }
}
