package dev.kbgen.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LogDocMergePolicy;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity.SimScorer;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The Lucene index of one language: the reference ranking, and the source of the impacts that the
 * static index ships to the browser.
 */
public final class LanguageIndex implements AutoCloseable {
  /** BM25 parameters shared with the browser's precomputed impacts. */
  public static final float K1 = 1.2f;

  public static final float B = 0.75f;

  /** Documents analysed together before they are added to the index. */
  private static final int ANALYSIS_BATCH = 256;

  /** Enough for the postings of tens of thousands of articles before a segment is flushed. */
  private static final double RAM_BUFFER_MB = 256;

  private final String lang;
  private final List<SearchDocument> docs;
  private final ByteBuffersDirectory dir;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final BM25Similarity similarity = new BM25Similarity(K1, B);
  private TreeMap<String, Postings> impacts;

  private LanguageIndex(String lang, List<SearchDocument> docs, ByteBuffersDirectory dir)
      throws IOException {
    this.lang = lang;
    this.docs = List.copyOf(docs);
    this.dir = dir;
    this.reader = DirectoryReader.open(dir);
    this.searcher = new IndexSearcher(reader);
    searcher.setSimilarity(similarity);
  }

  /** Indexes documents, which must be sorted by key (their number is their position). */
  public static LanguageIndex build(String lang, List<SearchDocument> docs, Analysis analysis) {
    FieldType type = new FieldType();
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    type.setTokenized(true);
    type.setOmitNorms(false);
    type.freeze();
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    IndexWriterConfig config = new IndexWriterConfig();
    config.setSimilarity(new BM25Similarity(K1, B));
    config.setUseCompoundFile(false);
    // One segment in document order: the document number is the position in the list.
    config.setRAMBufferSizeMB(RAM_BUFFER_MB);
    config.setMergePolicy(new LogDocMergePolicy());
    try (IndexWriter writer = new IndexWriter(dir, config)) {
      // Analysis (the costly part) runs on every core a batch at a time; documents are added in
      // order, by one thread.
      for (int from = 0; from < docs.size(); from += ANALYSIS_BATCH) {
        List<Document> batch =
            docs.subList(from, Math.min(docs.size(), from + ANALYSIS_BATCH)).parallelStream()
                .map(d -> document(d, analysis, type))
                .toList();
        for (Document doc : batch) {
          writer.addDocument(doc);
        }
      }
      writer.forceMerge(1);
      writer.commit();
      return new LanguageIndex(lang, docs, dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Document document(SearchDocument d, Analysis analysis, FieldType type) {
    Document doc = new Document();
    for (SearchField f : SearchField.values()) {
      List<String> terms =
          new ArrayList<>(analysis.analyze(d.fields().getOrDefault(f, ""), Analysis.Mode.DOC));
      if (f == SearchField.CODES) {
        for (String c : d.curated()) {
          String curated = Analysis.curated(c);
          if (curated != null) {
            terms.add(curated);
          }
        }
      }
      if (!terms.isEmpty()) {
        doc.add(new Field(f.field(), new TermsTokenStream(terms), type));
      }
    }
    return doc;
  }

  public String lang() {
    return lang;
  }

  public List<SearchDocument> documents() {
    return docs;
  }

  /**
   * For every term, its impact per document: {@code sum over fields of boost * BM25}, computed with
   * Lucene's own scorer, so the browser's sums reproduce this index's ranking.
   */
  public synchronized TreeMap<String, Postings> impacts() {
    if (impacts != null) {
      return impacts;
    }
    // Per term, its (document, score) pairs in field order, in growable primitive arrays; the
    // scores of one document are then summed in that order, as Lucene's fields come.
    Map<String, Accumulator> acc = new HashMap<>();
    int maxDoc = reader.maxDoc();
    try {
      for (var leafContext : reader.leaves()) {
        LeafReader leaf = leafContext.reader();
        for (SearchField f : SearchField.values()) {
          Terms terms = leaf.terms(f.field());
          if (terms == null) {
            continue;
          }
          CollectionStatistics cs = searcher.collectionStatistics(f.field());
          long[] norms = norms(leaf, f.field());
          TermsEnum te = terms.iterator();
          PostingsEnum pe = null;
          BytesRef br;
          while ((br = te.next()) != null) {
            String term = br.utf8ToString();
            TermStatistics ts = new TermStatistics(br, te.docFreq(), te.totalTermFreq());
            SimScorer scorer = similarity.scorer(f.boost(), cs, ts);
            pe = te.postings(pe, PostingsEnum.FREQS);
            Accumulator perDoc = acc.computeIfAbsent(term, k -> new Accumulator());
            int doc;
            while ((doc = pe.nextDoc()) != DocIdSetIterator.NO_MORE_DOCS) {
              perDoc.add(leafContext.docBase + doc, scorer.score(pe.freq(), norms[doc]));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    TreeMap<String, Postings> out = new TreeMap<>();
    float[] sums = new float[maxDoc];
    boolean[] seen = new boolean[maxDoc];
    acc.forEach((term, perDoc) -> out.put(term, perDoc.postings(sums, seen)));
    impacts = out;
    return out;
  }

  /** A term's (document, score) pairs as they come, field after field. */
  private static final class Accumulator {
    private int[] docs = new int[4];
    private float[] scores = new float[4];
    private int size;

    void add(int doc, float score) {
      if (size == docs.length) {
        docs = Arrays.copyOf(docs, size * 2);
        scores = Arrays.copyOf(scores, size * 2);
      }
      docs[size] = doc;
      scores[size] = score;
      size++;
    }

    /**
     * The postings: each document once, ascending, with its scores summed in the order they came
     * (float additions, as a per-document merge would make them).
     *
     * @param sums scratch space of one float per document, left all zero
     * @param seen scratch space of one flag per document, left all false
     */
    Postings postings(float[] sums, boolean[] seen) {
      int[] distinct = new int[size];
      int n = 0;
      for (int i = 0; i < size; i++) {
        int d = docs[i];
        if (seen[d]) {
          sums[d] += scores[i];
        } else {
          seen[d] = true;
          sums[d] = scores[i];
          distinct[n++] = d;
        }
      }
      int[] ds = Arrays.copyOf(distinct, n);
      Arrays.sort(ds);
      float[] is = new float[n];
      for (int i = 0; i < n; i++) {
        is[i] = sums[ds[i]];
        sums[ds[i]] = 0;
        seen[ds[i]] = false;
      }
      return new Postings(ds, is);
    }
  }

  private static long[] norms(LeafReader leaf, String field) throws IOException {
    long[] norms = new long[leaf.maxDoc()];
    NumericDocValues values = leaf.getNormValues(field);
    if (values != null) {
      int doc;
      while ((doc = values.nextDoc()) != DocIdSetIterator.NO_MORE_DOCS) {
        norms[doc] = values.longValue();
      }
    }
    return norms;
  }

  /**
   * Ranks documents for already analysed query terms with Lucene: one boosted term query per field
   * per term, summed. Ties go to the lower document number.
   */
  public List<Hit> search(List<String> terms, int limit, IntPredicate filter) {
    if (terms.isEmpty() || docs.isEmpty()) {
      return List.of();
    }
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    int clauses = 0;
    for (String t : terms) {
      for (SearchField f : SearchField.values()) {
        if (clauses++ >= IndexSearcher.getMaxClauseCount()) {
          break;
        }
        q.add(
            new BoostQuery(new TermQuery(new Term(f.field(), t)), f.boost()),
            BooleanClause.Occur.SHOULD);
      }
    }
    try {
      ScoreDoc[] top = searcher.search(q.build(), Math.max(1, docs.size())).scoreDocs;
      ScoreDoc[] sorted = Arrays.copyOf(top, top.length);
      Arrays.sort(
          sorted,
          (a, b) ->
              a.score != b.score ? Float.compare(b.score, a.score) : Integer.compare(a.doc, b.doc));
      List<Hit> hits = new ArrayList<>();
      for (ScoreDoc sd : sorted) {
        if (hits.size() >= limit) {
          break;
        }
        if (filter.test(sd.doc)) {
          hits.add(new Hit(sd.doc, sd.score, docs.get(sd.doc)));
        }
      }
      return hits;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The field texts of a document as fields for Lucene, for tools that need them. */
  static Map<SearchField, String> fieldsOf(SearchDocument d) {
    return new EnumMap<>(d.fields());
  }

  @Override
  public void close() {
    try {
      reader.close();
      dir.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
