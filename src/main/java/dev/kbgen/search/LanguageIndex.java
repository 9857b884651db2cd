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
   * per term, summed, then multiplied by the squared {@link #coverage coverage} of the query. Ties
   * go to the lower document number.
   */
  public List<Hit> search(List<String> terms, int limit, IntPredicate filter) {
    return search(terms, List.of(), limit, filter);
  }

  /**
   * Ranks documents for query terms and the synonym groups the query uses: the other alternatives'
   * terms score like query terms, and a document holding one of them covers what the query's
   * alternative would.
   */
  public List<Hit> search(
      List<String> terms, List<Synonyms.Expansion> expansions, int limit, IntPredicate filter) {
    if (terms.isEmpty() || docs.isEmpty()) {
      return List.of();
    }
    List<String> all = new ArrayList<>(terms);
    all.addAll(Synonyms.extraTerms(expansions, terms));
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    int clauses = 0;
    for (String t : all) {
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
      double[] coverage = coverage(terms, expansions);
      double[] scores = new double[top.length];
      Integer[] order = new Integer[top.length];
      for (int i = 0; i < top.length; i++) {
        double c = coverage[top[i].doc];
        scores[i] = top[i].score * c * c;
        order[i] = i;
      }
      Arrays.sort(
          order,
          (a, b) ->
              scores[a] != scores[b]
                  ? Double.compare(scores[b], scores[a])
                  : Integer.compare(top[a].doc, top[b].doc));
      List<Hit> hits = new ArrayList<>();
      for (int i : order) {
        if (hits.size() >= limit) {
          break;
        }
        int doc = top[i].doc;
        if (filter.test(doc)) {
          hits.add(new Hit(doc, (float) scores[i], docs.get(doc)));
        }
      }
      return hits;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The share of the query each document covers, from 0 to 1: the summed weights of the query terms
   * it contains over the summed weights of the query terms the index has, where a term weighs
   * {@code ln(1 + N / df)} (df: documents containing it in any field). A score is multiplied by its
   * coverage squared, so an article that matches every word of an error message outranks one that
   * repeats a few of them; the browser computes the same from the postings it loads.
   */
  double[] coverage(List<String> terms) {
    return coverage(terms, List.of());
  }

  /**
   * Coverage with synonyms: a document that holds every term (Chinese words aside) of another
   * alternative is credited with the weight of the query's alternative; coverage is at most 1, and
   * 1 for every document when no query term is in the index.
   */
  double[] coverage(List<String> terms, List<Synonyms.Expansion> expansions) {
    double[] covered = new double[docs.size()];
    Map<String, Postings> dictionary = impacts();
    double total = 0;
    for (String t : terms) {
      double w = weight(dictionary, t);
      total += w;
      Postings p = dictionary.get(t);
      for (int i = 0; w > 0 && i < p.docs().length; i++) {
        covered[p.docs()[i]] += w;
      }
    }
    for (Synonyms.Expansion e : expansions) {
      double credit = 0;
      for (String t : new java.util.LinkedHashSet<>(e.matched())) {
        credit += weight(dictionary, t);
      }
      for (List<String> other : e.others()) {
        int[] count = new int[docs.size()];
        int need = 0;
        for (String t : new java.util.LinkedHashSet<>(other)) {
          if (t.startsWith(Analysis.CHINESE_WORD)) {
            continue;
          }
          need++;
          Postings p = dictionary.get(t);
          for (int i = 0; p != null && i < p.docs().length; i++) {
            count[p.docs()[i]]++;
          }
        }
        for (int d = 0; need > 0 && d < count.length; d++) {
          if (count[d] == need) {
            covered[d] += credit;
          }
        }
      }
    }
    for (int d = 0; d < covered.length; d++) {
      covered[d] = total == 0 ? 1 : Math.min(1, covered[d] / total);
    }
    return covered;
  }

  private double weight(Map<String, Postings> dictionary, String term) {
    Postings p = dictionary.get(term);
    return p == null || p.df() == 0 ? 0 : Math.log(1 + (double) docs.size() / p.df());
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
