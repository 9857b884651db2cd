package dev.kbgen.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

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
    TreeMap<String, Postings> impacts = index.impacts();
    int maxDf = Math.min(n / 2, Math.max(50, n / 20));
    // The terms that link articles, numbered in term order. Curated lookups are not words, unique
    // terms link nothing, and terms in more than half the articles (or, in large sets, in more
    // than one in twenty) say little and cost the most to sum.
    List<Postings> linking = new ArrayList<>();
    for (var e : impacts.entrySet()) {
      Postings p = e.getValue();
      if (!e.getKey().startsWith(Analysis.CURATED) && p.df() >= 2 && p.df() <= maxDf) {
        linking.add(p);
      }
    }
    // Forward index (compressed rows): each document's terms, as (impact, term number) keys that
    // sort by impact descending, then term.
    int[] start = new int[n + 1];
    for (Postings p : linking) {
      for (int d : p.docs()) {
        start[d + 1]++;
      }
    }
    for (int d = 0; d < n; d++) {
      start[d + 1] += start[d];
    }
    long[] forward = new long[start[n]];
    int[] fill = Arrays.copyOf(start, n);
    for (int t = 0; t < linking.size(); t++) {
      Postings p = linking.get(t);
      for (int k = 0; k < p.docs().length; k++) {
        forward[fill[p.docs()[k]]++] = queryKey(p.impacts()[k], t);
      }
    }
    Similar[][] out = new Similar[n][];
    int chunks = Math.max(1, Math.min(64, n / 64));
    IntStream.range(0, chunks)
        .parallel()
        .forEach(
            c -> {
              double[] scores = new double[n];
              int[] touched = new int[n];
              int[] mark = new int[n];
              for (int d = c * n / chunks; d < (c + 1) * n / chunks; d++) {
                out[d] = similarTo(d, docs, linking, forward, start, limit, scores, touched, mark);
              }
            });
    Map<String, List<Similar>> result = new HashMap<>();
    for (int d = 0; d < n; d++) {
      result.put(docs.get(d).key(), List.of(out[d]));
    }
    return result;
  }

  /** A sort key: impact descending (impacts are not negative), then term number ascending. */
  private static long queryKey(float impact, int term) {
    int bits = Float.floatToIntBits(impact);
    if (bits < 0) {
      throw new IllegalStateException("negative impact " + impact);
    }
    return ((long) (Integer.MAX_VALUE - bits) << 32) | term;
  }

  private static float impactOf(long key) {
    return Float.intBitsToFloat(Integer.MAX_VALUE - (int) (key >>> 32));
  }

  /**
   * The articles most similar to document {@code d}: its {@link #QUERY_TERMS} highest-impact terms
   * score every other article by the impacts it has for them; best first, ties by document number.
   *
   * @param scores scratch space, all zero, left all zero
   * @param touched scratch space
   * @param mark scratch space, no element {@code d + 1}
   */
  private static Similar[] similarTo(
      int d,
      List<SearchDocument> docs,
      List<Postings> linking,
      long[] forward,
      int[] start,
      int limit,
      double[] scores,
      int[] touched,
      int[] mark) {
    long[] terms = Arrays.copyOfRange(forward, start[d], start[d + 1]);
    Arrays.sort(terms);
    int touchedCount = 0;
    double self = 0;
    for (int q = 0; q < Math.min(QUERY_TERMS, terms.length); q++) {
      double weight = impactOf(terms[q]);
      Postings p = linking.get((int) terms[q]);
      int[] pd = p.docs();
      float[] pi = p.impacts();
      for (int k = 0; k < pd.length; k++) {
        int o = pd[k];
        if (mark[o] != d + 1) {
          mark[o] = d + 1;
          touched[touchedCount++] = o;
        }
        scores[o] += weight * pi[k];
      }
      self += weight * weight;
    }
    // The best `limit` others with a positive score: score descending, then document number.
    int[] best = new int[limit];
    int found = 0;
    for (int i = 0; i < touchedCount; i++) {
      int o = touched[i];
      double s = scores[o];
      if (o == d || !(s > 0)) {
        continue;
      }
      int at = found;
      while (at > 0 && ranksBefore(o, s, best[at - 1], scores)) {
        at--;
      }
      if (at < limit) {
        System.arraycopy(best, at, best, at + 1, Math.min(found, limit - 1) - at);
        best[at] = o;
        found = Math.min(limit, found + 1);
      }
    }
    Similar[] list = new Similar[found];
    for (int i = 0; i < found; i++) {
      list[i] = new Similar(docs.get(best[i]).key(), scores[best[i]], self);
    }
    for (int i = 0; i < touchedCount; i++) {
      scores[touched[i]] = 0;
    }
    return list;
  }

  private static boolean ranksBefore(int a, double sa, int b, double[] scores) {
    double sb = scores[b];
    return sa != sb ? sa > sb : a < b;
  }
}
