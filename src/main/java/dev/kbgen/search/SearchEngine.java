package dev.kbgen.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/**
 * The reference search over every language: query analysis, typo correction, filters and Lucene
 * ranking. {@code kbgen search}, {@code kbgen eval} and the parity tests use it; the browser
 * runtime reproduces it over the static index.
 */
public final class SearchEngine implements AutoCloseable {
  private static final Pattern TYPO_ELIGIBLE = Pattern.compile("[\\p{L}&&[^\\p{IsHan}]]{4,}");

  private final Analysis analysis;
  private final Map<String, LanguageIndex> indexes;

  private SearchEngine(Analysis analysis, Map<String, LanguageIndex> indexes) {
    this.analysis = analysis;
    this.indexes = indexes;
  }

  /** Indexes the documents of every language. */
  public static SearchEngine build(List<SearchDocument> docs) {
    Analysis analysis = new Analysis();
    Map<String, List<SearchDocument>> byLang = new TreeMap<>();
    for (SearchDocument d : docs) {
      byLang.computeIfAbsent(d.lang(), k -> new ArrayList<>()).add(d);
    }
    Map<String, LanguageIndex> indexes = new LinkedHashMap<>();
    byLang.forEach(
        (lang, list) -> {
          List<SearchDocument> sorted =
              list.stream().sorted(java.util.Comparator.comparing(SearchDocument::key)).toList();
          indexes.put(lang, LanguageIndex.build(lang, sorted, analysis));
        });
    return new SearchEngine(analysis, indexes);
  }

  public Analysis analysis() {
    return analysis;
  }

  public Map<String, LanguageIndex> indexes() {
    return indexes;
  }

  /**
   * Filters on facets; null fields match everything.
   *
   * @param product a product key
   * @param tag a tag key
   * @param type a type key
   */
  public record Filters(String product, String tag, String type) {
    public static final Filters NONE = new Filters(null, null, null);

    boolean test(SearchDocument d) {
      return (product == null || product.equals(d.product()))
          && (tag == null || d.tags().contains(tag))
          && (type == null || type.equals(d.type()));
    }
  }

  /**
   * A search's outcome.
   *
   * @param hits ranked results
   * @param terms the query terms searched for (after corrections)
   * @param corrected each corrected term with its replacement
   */
  public record Result(List<Hit> hits, List<String> terms, Map<String, String> corrected) {}

  public Result search(String query, String lang, int limit, Filters filters, boolean typos) {
    LanguageIndex index = indexes.get(lang);
    if (index == null) {
      return new Result(List.of(), List.of(), Map.of());
    }
    List<String> terms = new ArrayList<>();
    Map<String, String> corrected = new LinkedHashMap<>();
    NavigableMap<String, Postings> dictionary = index.impacts();
    for (String t : analysis.analyzeQuery(query)) {
      if (typos && !dictionary.containsKey(t) && TYPO_ELIGIBLE.matcher(t).matches()) {
        String fix = correct(t, dictionary);
        if (fix != null) {
          corrected.put(t, fix);
          if (!terms.contains(fix)) {
            terms.add(fix);
          }
          continue;
        }
      }
      if (!terms.contains(t)) {
        terms.add(t);
      }
    }
    List<SearchDocument> docs = index.documents();
    IntPredicate filter = doc -> filters.test(docs.get(doc));
    return new Result(index.search(terms, limit, filter), List.copyOf(terms), corrected);
  }

  /**
   * The closest index term with the same first letter: optimal string alignment distance at most 1
   * for 4-7 letters and 2 for longer terms; ties go to the more frequent, then the smaller term.
   */
  static String correct(String term, NavigableMap<String, Postings> dictionary) {
    int max = term.length() >= 8 ? 2 : 1;
    int first = term.codePointAt(0);
    String from = new String(Character.toChars(first));
    String to = new String(Character.toChars(first + 1));
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    int bestDf = -1;
    for (var e : dictionary.subMap(from, true, to, false).entrySet()) {
      String candidate = e.getKey();
      if (Math.abs(candidate.length() - term.length()) > max) {
        continue;
      }
      int d = osa(term, candidate, max);
      if (d > max) {
        continue;
      }
      int df = e.getValue().df();
      if (d < bestDistance || (d == bestDistance && df > bestDf)) {
        best = candidate;
        bestDistance = d;
        bestDf = df;
      }
    }
    return best;
  }

  /** Optimal string alignment distance, in UTF-16 code units (the browser counts the same way). */
  static int osa(String a, String b, int max) {
    int n = a.length();
    int m = b.length();
    int[][] d = new int[n + 1][m + 1];
    for (int i = 0; i <= n; i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= m; j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= n; i++) {
      int rowMin = Integer.MAX_VALUE;
      for (int j = 1; j <= m; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
        rowMin = Math.min(rowMin, v);
      }
      if (rowMin > max) {
        return max + 1;
      }
    }
    return d[n][m];
  }

  @Override
  public void close() {
    indexes.values().forEach(LanguageIndex::close);
    analysis.close();
  }
}
