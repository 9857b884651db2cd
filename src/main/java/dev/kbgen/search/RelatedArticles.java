package dev.kbgen.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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

/** Finds related articles in the same language with Lucene's MoreLikeThis. */
public final class RelatedArticles {
  private static final String KEY = "key";
  private static final String TITLE = "title";
  private static final String BODY = "body";

  private RelatedArticles() {}

  /**
   * For each document, up to {@code limit} keys of the most similar documents in its language, best
   * first; ties broken by key so that the result is the same on every run.
   */
  public static Map<String, List<String>> compute(List<RelatedDocument> docs, int limit) {
    Map<String, List<RelatedDocument>> byLang = new TreeMap<>();
    for (RelatedDocument d : docs) {
      byLang.computeIfAbsent(d.lang(), k -> new ArrayList<>()).add(d);
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (var e : byLang.entrySet()) {
      try {
        out.putAll(inLanguage(e.getKey(), e.getValue(), limit));
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
    }
    return out;
  }

  private static Analyzer analyzer(String lang) {
    return switch (lang) {
      case "en" -> new EnglishAnalyzer();
      case "zh", "ja", "ko" -> new CJKAnalyzer();
      default -> new StandardAnalyzer();
    };
  }

  private static Map<String, List<String>> inLanguage(
      String lang, List<RelatedDocument> docs, int limit) throws IOException {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (docs.size() < 2 || limit == 0) {
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
}
