package dev.kbgen.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Finds related articles and near-duplicates in the same language with Lucene's MoreLikeThis, over
 * one in-memory index per language.
 */
public final class RelatedArticles {
  private static final String KEY = "key";
  private static final String TITLE = "title";
  private static final String BODY = "body";

  /** How many of the most similar documents are considered as near-duplicates of each one. */
  private static final int DUPLICATE_CANDIDATES = 5;

  private RelatedArticles() {}

  /**
   * What the search found.
   *
   * @param related for each key, the keys of related documents, best first
   * @param duplicates pairs of near-duplicates, sorted by their keys
   */
  public record Result(Map<String, List<String>> related, List<SimilarPair> duplicates) {
    public Result {
      related = Map.copyOf(related);
      duplicates = List.copyOf(duplicates);
    }
  }

  /**
   * For each document, up to {@code limit} keys of the most similar documents in its language, best
   * first; ties broken by key so that the result is the same on every run.
   */
  public static Map<String, List<String>> compute(List<RelatedDocument> docs, int limit) {
    return analyse(docs, limit, 2).related();
  }

  /**
   * Related documents as {@link #compute}, and the pairs whose {@link SimilarPair#similarity} is at
   * least {@code threshold} (a threshold above 1 finds none).
   */
  public static Result analyse(List<RelatedDocument> docs, int limit, double threshold) {
    Map<String, List<RelatedDocument>> byLang = new TreeMap<>();
    for (RelatedDocument d : docs) {
      byLang.computeIfAbsent(d.lang(), k -> new ArrayList<>()).add(d);
    }
    Map<String, List<String>> related = new LinkedHashMap<>();
    List<SimilarPair> duplicates = new ArrayList<>();
    for (var e : byLang.entrySet()) {
      try {
        related.putAll(inLanguage(e.getKey(), e.getValue(), limit, threshold, duplicates));
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
    }
    duplicates.sort(Comparator.comparing(SimilarPair::first).thenComparing(SimilarPair::second));
    return new Result(related, duplicates);
  }

  private static Analyzer analyzer(String lang) {
    return switch (lang) {
      case "en" -> new EnglishAnalyzer();
      case "zh", "ja", "ko" -> new CJKAnalyzer();
      default -> new StandardAnalyzer();
    };
  }

  private static Map<String, List<String>> inLanguage(
      String lang,
      List<RelatedDocument> docs,
      int limit,
      double threshold,
      List<SimilarPair> duplicates)
      throws IOException {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (docs.size() < 2) {
      docs.forEach(d -> out.put(d.key(), List.of()));
      return out;
    }
    FieldType text = new FieldType();
    text.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    text.setTokenized(true);
    text.setStored(false);
    text.setStoreTermVectors(true);
    text.freeze();
    try (Analyzer analyzer = analyzer(lang);
        ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      IndexWriterConfig config = new IndexWriterConfig(analyzer);
      try (IndexWriter writer = new IndexWriter(dir, config)) {
        for (RelatedDocument d : docs) {
          Document doc = new Document();
          doc.add(new StringField(KEY, d.key(), Field.Store.YES));
          doc.add(new Field(TITLE, d.title(), text));
          doc.add(new Field(BODY, d.text(), text));
          writer.addDocument(doc);
        }
        writer.forceMerge(1);
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        MoreLikeThis mlt = new MoreLikeThis(reader);
        mlt.setAnalyzer(analyzer);
        mlt.setFieldNames(new String[] {TITLE, BODY});
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(1);
        mlt.setMaxDocFreqPct(50);
        mlt.setMinWordLen(2);
        mlt.setMaxQueryTerms(30);
        mlt.setBoost(true);
        if (threshold <= 1) {
          duplicates.addAll(nearDuplicates(reader, searcher, analyzer, docs, threshold));
        }
        if (limit == 0) {
          docs.forEach(d -> out.put(d.key(), List.of()));
          return out;
        }
        for (int i = 0; i < docs.size(); i++) {
          RelatedDocument d = docs.get(i);
          Query like = mlt.like(TITLE, new StringReader(d.title() + "\n" + d.title()));
          Query likeBody = mlt.like(BODY, new StringReader(d.text()));
          BooleanQuery query =
              new BooleanQuery.Builder()
                  .add(like, BooleanClause.Occur.SHOULD)
                  .add(likeBody, BooleanClause.Occur.SHOULD)
                  .add(new TermQuery(new Term(KEY, d.key())), BooleanClause.Occur.MUST_NOT)
                  .build();
          ScoreDoc[] hits = searcher.search(query, limit + 1).scoreDocs;
          List<ScoreDoc> sorted = new ArrayList<>(List.of(hits));
          List<String> keys = new ArrayList<>();
          for (ScoreDoc hit : sorted) {
            if (hit.score <= 0) {
              continue;
            }
            String key = searcher.storedFields().document(hit.doc).get(KEY);
            keys.add(key);
          }
          out.put(d.key(), List.copyOf(keys.subList(0, Math.min(limit, keys.size()))));
        }
      }
    }
    return out;
  }

  /**
   * Each document's MoreLikeThis query (every term, however common) is run against the index; the
   * score of another document divided by the document's own score says how much of it the other one
   * repeats. A pair is reported when this holds both ways, so a short article that a long one
   * happens to cover is not a duplicate of it.
   */
  private static List<SimilarPair> nearDuplicates(
      DirectoryReader reader,
      IndexSearcher searcher,
      Analyzer analyzer,
      List<RelatedDocument> docs,
      double threshold)
      throws IOException {
    MoreLikeThis mlt = new MoreLikeThis(reader);
    mlt.setAnalyzer(analyzer);
    mlt.setFieldNames(new String[] {TITLE, BODY});
    mlt.setMinTermFreq(1);
    mlt.setMinDocFreq(1);
    mlt.setMinWordLen(2);
    mlt.setMaxQueryTerms(100);
    mlt.setBoost(true);
    Map<String, Map<String, Double>> ratio = new TreeMap<>();
    for (RelatedDocument d : docs) {
      Query query =
          new BooleanQuery.Builder()
              .add(mlt.like(TITLE, new StringReader(d.title())), BooleanClause.Occur.SHOULD)
              .add(mlt.like(BODY, new StringReader(d.text())), BooleanClause.Occur.SHOULD)
              .build();
      ScoreDoc[] hits = searcher.search(query, DUPLICATE_CANDIDATES + 1).scoreDocs;
      Map<String, Float> scores = new LinkedHashMap<>();
      for (ScoreDoc hit : hits) {
        scores.put(searcher.storedFields().document(hit.doc).get(KEY), hit.score);
      }
      Float self = scores.get(d.key());
      if (self == null || self <= 0) {
        continue;
      }
      Map<String, Double> mine = ratio.computeIfAbsent(d.key(), k -> new TreeMap<>());
      scores.forEach(
          (key, score) -> {
            if (!key.equals(d.key())) {
              mine.put(key, Math.min(1.0, score / (double) self));
            }
          });
    }
    List<SimilarPair> out = new ArrayList<>();
    ratio.forEach(
        (a, others) ->
            others.forEach(
                (b, ab) -> {
                  double ba = ratio.getOrDefault(b, Map.of()).getOrDefault(a, 0.0);
                  double similarity = Math.min(ab, ba);
                  if (a.compareTo(b) < 0 && similarity >= threshold) {
                    out.add(new SimilarPair(a, b, similarity));
                  }
                }));
    return out;
  }
}
