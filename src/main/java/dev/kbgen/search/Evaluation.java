package dev.kbgen.search;

import dev.kbgen.search.SearchEngine.Filters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Measures ranking quality on labelled queries: MRR@10, Success@1, Success@3 and nDCG@10, overall
 * and per query kind and language.
 */
public final class Evaluation {
  private Evaluation() {}

  /**
   * A labelled query.
   *
   * @param id its id
   * @param kind what kind of query (error-code, lay-en, ...)
   * @param lang the language searched
   * @param query the text
   * @param expected relevant article paths (relative to the content folder) or ids
   */
  public record Query(String id, String kind, String lang, String query, Set<String> expected) {
    public Query {
      expected = Set.copyOf(expected);
    }
  }

  /**
   * Metrics over a set of queries.
   *
   * @param count how many queries
   * @param mrr10 mean reciprocal rank of the first relevant result in the top 10
   * @param success1 share of queries with a relevant first result
   * @param success3 share of queries with a relevant result in the top 3
   * @param ndcg10 mean nDCG@10 with binary relevance
   */
  public record Metrics(int count, double mrr10, double success1, double success3, double ndcg10) {}

  /**
   * The outcome for one query.
   *
   * @param query the query
   * @param hits the top 10
   * @param rank 1-based rank of the first relevant result, or 0
   * @param ndcg its nDCG@10
   */
  public record Outcome(Query query, List<Hit> hits, int rank, double ndcg) {}

  /**
   * Everything measured.
   *
   * @param overall over all queries
   * @param byKind per query kind
   * @param byLang per language
   * @param outcomes per query, in input order
   */
  public record Report(
      Metrics overall,
      Map<String, Metrics> byKind,
      Map<String, Metrics> byLang,
      List<Outcome> outcomes) {}

  /**
   * Parses the TSV: a header line, then {@code id kind lang query expected} (expected split by ;).
   */
  public static List<Query> parse(String tsv) {
    List<Query> out = new ArrayList<>();
    String[] lines = tsv.replace("\r\n", "\n").split("\n");
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t", -1);
      if (cols.length < 5) {
        throw new IllegalArgumentException(
            "line " + (i + 1) + ": expected 5 tab-separated columns, found " + cols.length);
      }
      Set<String> expected = new java.util.TreeSet<>();
      for (String e : cols[4].split(";")) {
        if (!e.isBlank()) {
          expected.add(e.strip());
        }
      }
      out.add(new Query(cols[0].strip(), cols[1].strip(), cols[2].strip(), cols[3], expected));
    }
    return out;
  }

  /**
   * What is wrong in a list of queries for this engine's site, one line per mistake: a language the
   * site does not have, an expected article that no article is. Such a query would score 0 and
   * lower the figures without saying why.
   */
  public static List<String> mistakes(SearchEngine engine, List<Query> queries) {
    Set<String> known = new HashSet<>();
    engine.indexes().values().stream()
        .flatMap(index -> index.documents().stream())
        .forEach(
            d -> {
              known.add(d.key());
              known.add(d.id());
            });
    List<String> out = new ArrayList<>();
    for (Query q : queries) {
      if (!engine.indexes().containsKey(q.lang())) {
        out.add(
            "query "
                + q.id()
                + ": language '"
                + q.lang()
                + "' is not one of the site's ("
                + String.join(", ", engine.indexes().keySet())
                + ")");
      }
      if (q.expected().isEmpty()) {
        out.add("query " + q.id() + ": no expected article");
      }
      for (String e : q.expected()) {
        if (!known.contains(e)) {
          out.add("query " + q.id() + ": expected '" + e + "' is no article's id or content path");
        }
      }
    }
    return out;
  }

  public static Report run(SearchEngine engine, List<Query> queries) {
    List<Outcome> outcomes = new ArrayList<>();
    for (Query q : queries) {
      List<Hit> hits = engine.search(q.query(), q.lang(), 10, Filters.NONE, true).hits();
      int rank = 0;
      double dcg = 0;
      for (int i = 0; i < hits.size(); i++) {
        if (relevant(q, hits.get(i).document())) {
          if (rank == 0) {
            rank = i + 1;
          }
          dcg += 1 / log2(i + 2);
        }
      }
      double idcg = 0;
      for (int i = 0; i < Math.min(10, q.expected().size()); i++) {
        idcg += 1 / log2(i + 2);
      }
      outcomes.add(new Outcome(q, hits, rank, idcg == 0 ? 0 : dcg / idcg));
    }
    Map<String, List<Outcome>> byKind = new TreeMap<>();
    Map<String, List<Outcome>> byLang = new TreeMap<>();
    for (Outcome o : outcomes) {
      byKind.computeIfAbsent(o.query().kind(), k -> new ArrayList<>()).add(o);
      byLang.computeIfAbsent(o.query().lang(), k -> new ArrayList<>()).add(o);
    }
    Map<String, Metrics> kinds = new LinkedHashMap<>();
    byKind.forEach((k, v) -> kinds.put(k, metrics(v)));
    Map<String, Metrics> langs = new LinkedHashMap<>();
    byLang.forEach((k, v) -> langs.put(k, metrics(v)));
    return new Report(metrics(outcomes), kinds, langs, outcomes);
  }

  static boolean relevant(Query q, SearchDocument d) {
    return q.expected().contains(d.key()) || q.expected().contains(d.id());
  }

  private static Metrics metrics(List<Outcome> outcomes) {
    int n = outcomes.size();
    if (n == 0) {
      return new Metrics(0, 0, 0, 0, 0);
    }
    double mrr = 0;
    double s1 = 0;
    double s3 = 0;
    double ndcg = 0;
    for (Outcome o : outcomes) {
      if (o.rank() > 0) {
        mrr += 1.0 / o.rank();
      }
      s1 += o.rank() == 1 ? 1 : 0;
      s3 += o.rank() >= 1 && o.rank() <= 3 ? 1 : 0;
      ndcg += o.ndcg();
    }
    return new Metrics(n, mrr / n, s1 / n, s3 / n, ndcg / n);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
