package dev.kbgen.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInvertState;
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
import org.apache.lucene.util.Version;

/**
 * The index of one language: the impacts that the static index ships to the browser, computed with
 * Lucene's BM25 scorer from the analysed documents, and the Lucene index that ranks queries for the
 * reference search (made on the first query: a build does not need it).
 */
public final class LanguageIndex implements AutoCloseable {
  /** BM25 parameters shared with the browser's precomputed impacts. */
  public static final float K1 = 1.2f;

  public static final float B = 0.75f;

  /** Documents analysed together before they are counted. */
  private static final int ANALYSIS_BATCH = 256;

  /** Enough for the postings of tens of thousands of articles before a segment is flushed. */
  private static final double RAM_BUFFER_MB = 256;

  private static final SearchField[] FIELDS = SearchField.values();

  private final String lang;
  private final List<SearchDocument> docs;
  private final Analysis analysis;
  private final BM25Similarity similarity = new BM25Similarity(K1, B);
  private final TreeMap<String, Postings> impacts;
  private final Map<String, List<String>> forms;
  private Lucene lucene;

  private LanguageIndex(
      String lang,
      List<SearchDocument> docs,
      Analysis analysis,
      TreeMap<String, Postings> impacts,
      Map<String, List<String>> forms) {
    this.lang = lang;
    this.docs = docs;
    this.analysis = analysis;
    this.impacts = impacts;
    this.forms = forms;
  }

  /** Indexes documents, which must be sorted by key (their number is their position). */
  public static LanguageIndex build(String lang, List<SearchDocument> docs, Analysis analysis) {
    List<SearchDocument> copy = List.copyOf(docs);
    FieldCounts[] counts = new FieldCounts[FIELDS.length];
    for (SearchField f : FIELDS) {
      counts[f.ordinal()] = new FieldCounts(copy.size());
    }
    // Analysis (the costly part) runs on every core a batch at a time; documents are counted in
    // order, by one thread.
    Analysis.Forms words = new Analysis.Forms();
    for (int from = 0; from < copy.size(); from += ANALYSIS_BATCH) {
      int base = from;
      List<FieldTerms[]> batch =
          copy.subList(from, Math.min(copy.size(), from + ANALYSIS_BATCH)).parallelStream()
              .map(d -> counted(fieldTerms(d, analysis, words), counts))
              .toList();
      for (int i = 0; i < batch.size(); i++) {
        FieldTerms[] fields = batch.get(i);
        for (SearchField f : FIELDS) {
          counts[f.ordinal()].add(base + i, fields[f.ordinal()]);
        }
      }
    }
    TreeMap<String, Postings> impacts = impacts(counts, copy.size());
    return new LanguageIndex(lang, copy, analysis, impacts, forms(words.byWord(), impacts));
  }

  /** At most this many spellings are kept for a term. */
  private static final int MAX_FORMS = 8;

  /**
   * For each indexed word of letters only, the words of letters only that the documents spell it
   * with (lower-cased, possessive removed), shortest first, then in {@code String} order.
   */
  private static Map<String, List<String>> forms(
      Map<String, String> words, TreeMap<String, Postings> impacts) {
    Map<String, List<String>> byTerm = new HashMap<>();
    words.forEach(
        (word, term) -> {
          if (impacts.containsKey(term)
              && Analysis.isLetterWord(term)
              && Analysis.isLetterWord(word)) {
            byTerm.computeIfAbsent(term, k -> new ArrayList<>()).add(word);
          }
        });
    Map<String, List<String>> out = new HashMap<>();
    byTerm.forEach(
        (term, list) ->
            out.put(
                term,
                list.stream()
                    .sorted(Comparator.comparingInt(String::length).thenComparing(w -> w))
                    .limit(MAX_FORMS)
                    .toList()));
    return out;
  }

  /** A document's terms as analysed, field by field in {@link SearchField} order. */
  private static List<List<String>> fieldTerms(
      SearchDocument d, Analysis analysis, Analysis.Forms words) {
    List<List<String>> out = new ArrayList<>(FIELDS.length);
    for (SearchField f : FIELDS) {
      List<String> terms =
          new ArrayList<>(
              analysis.analyze(d.fields().getOrDefault(f, ""), Analysis.Mode.DOC, words));
      if (f == SearchField.CODES) {
        for (String c : d.curated()) {
          String curated = Analysis.curated(c);
          if (curated != null) {
            terms.add(curated);
          }
        }
      }
      out.add(terms);
    }
    return out;
  }

  /**
   * A term as Lucene's index holds it: an unpaired surrogate becomes U+FFFD (terms are stored in
   * UTF-8); null for a term longer than Lucene accepts, which is left out (it would fail the whole
   * index). Applied to the distinct terms of a field for the impacts, to every token for the index.
   */
  private static String stored(String term) {
    String t = term;
    for (int i = 0; i < t.length(); i++) {
      if (Character.isSurrogate(t.charAt(i))) {
        t = new BytesRef(t).utf8ToString();
        break;
      }
    }
    return t.length() > IndexWriter.MAX_TERM_LENGTH / 3
            && new BytesRef(t).length > IndexWriter.MAX_TERM_LENGTH
        ? null
        : t;
  }

  /**
   * The distinct terms of one field of one document (each as the field's counts of it) with their
   * frequencies, and the field's length in terms.
   */
  private record FieldTerms(TermCounts[] terms, int[] freqs, int length) {}

  /**
   * Counts each field's terms as Lucene stores them, and finds each term's counts in the field's
   * (on the analysing thread: what is left to the one thread that adds the documents in order is no
   * lookup, only the adding).
   */
  private static FieldTerms[] counted(List<List<String>> fields, FieldCounts[] counts) {
    FieldTerms[] out = new FieldTerms[fields.size()];
    for (int f = 0; f < out.length; f++) {
      List<String> tokens = fields.get(f);
      TermTable seen = new TermTable(tokens.size());
      for (String t : tokens) {
        seen.add(t);
      }
      // Terms Lucene would store otherwise are rare: only then are the counts merged again.
      for (int i = 0; i < seen.size; i++) {
        String t = seen.key(i);
        if (!t.equals(stored(t))) {
          TermTable merged = new TermTable(seen.size);
          for (int j = 0; j < seen.size; j++) {
            String s = stored(seen.key(j));
            if (s != null) {
              merged.add(s, seen.count(j));
            }
          }
          seen = merged;
          break;
        }
      }
      Map<String, TermCounts> field = counts[f].terms;
      TermCounts[] terms = new TermCounts[seen.size];
      int[] freqs = new int[seen.size];
      int length = 0;
      for (int i = 0; i < seen.size; i++) {
        String t = seen.key(i);
        TermCounts tc = field.get(t);
        terms[i] = tc != null ? tc : field.computeIfAbsent(t, k -> new TermCounts());
        freqs[i] = seen.count(i);
        length += freqs[i];
      }
      out[f] = new FieldTerms(terms, freqs, length);
    }
    return out;
  }

  /**
   * The distinct terms of one field of one document with their frequencies, in first-seen order: an
   * open-addressing table sized for the field's tokens, without an object per term.
   */
  private static final class TermTable {
    private final String[] keys;
    private final int[] counts;

    /** The table slots in first-seen order. */
    private final int[] order;

    int size;

    TermTable(int tokens) {
      int slots = Integer.highestOneBit(Math.max(8, tokens) * 2 - 1) << 1;
      keys = new String[slots];
      counts = new int[slots];
      order = new int[Math.max(1, tokens)];
    }

    void add(String term) {
      add(term, 1);
    }

    void add(String term, int count) {
      int mask = keys.length - 1;
      int h = term.hashCode();
      int i = (h ^ (h >>> 16)) & mask;
      for (String k = keys[i]; k != null; k = keys[i]) {
        if (k == term || k.equals(term)) {
          counts[i] += count;
          return;
        }
        i = (i + 1) & mask;
      }
      keys[i] = term;
      counts[i] = count;
      order[size++] = i;
    }

    String key(int n) {
      return keys[order[n]];
    }

    int count(int n) {
      return counts[order[n]];
    }
  }

  /** The term counts of one field: what Lucene's postings, norms and statistics hold. */
  private static final class FieldCounts {
    final Map<String, TermCounts> terms = new ConcurrentHashMap<>();
    final int[] length;
    int docCount;
    long sumTotalTermFreq;
    long sumDocFreq;

    FieldCounts(int maxDoc) {
      this.length = new int[maxDoc];
    }

    /** Adds a document's terms (documents come in ascending order). */
    void add(int doc, FieldTerms field) {
      if (field.length() == 0) {
        return; // no field at all, as in Lucene
      }
      length[doc] = field.length();
      docCount++;
      sumTotalTermFreq += field.length();
      sumDocFreq += field.terms().length;
      for (int i = 0; i < field.terms().length; i++) {
        field.terms()[i].add(doc, field.freqs()[i]);
      }
    }
  }

  /** One term's documents (ascending) and frequencies in one field. */
  private static final class TermCounts {
    int[] docs = new int[2];
    int[] freqs = new int[2];
    int size;
    long total;

    void add(int doc, int freq) {
      if (size == docs.length) {
        docs = Arrays.copyOf(docs, size * 2);
        freqs = Arrays.copyOf(freqs, size * 2);
      }
      docs[size] = doc;
      freqs[size] = freq;
      size++;
      total += freq;
    }
  }

  /**
   * For every term, its impact per document: {@code sum over fields of boost * BM25}, computed with
   * Lucene's own scorer and norms from the same statistics its index would hold, so the browser's
   * sums reproduce the Lucene ranking of {@link #search}.
   */
  private static TreeMap<String, Postings> impacts(FieldCounts[] counts, int maxDoc) {
    BM25Similarity similarity = new BM25Similarity(K1, B);
    // Per term, its (document, score) pairs in field order; the scores of one document are then
    // summed in that order, as the Lucene query sums its per-field clauses.
    Map<String, Accumulator> acc = new HashMap<>();
    for (SearchField f : FIELDS) {
      FieldCounts fc = counts[f.ordinal()];
      if (fc.docCount == 0) {
        continue;
      }
      CollectionStatistics cs =
          new CollectionStatistics(
              f.field(), maxDoc, fc.docCount, fc.sumTotalTermFreq, fc.sumDocFreq);
      long[] norms = new long[maxDoc];
      for (int d = 0; d < maxDoc; d++) {
        if (fc.length[d] > 0) {
          norms[d] =
              similarity.computeNorm(
                  new FieldInvertState(
                      Version.LATEST.major,
                      f.field(),
                      IndexOptions.DOCS_AND_FREQS,
                      fc.length[d],
                      fc.length[d],
                      0,
                      0,
                      0,
                      0));
        }
      }
      fc.terms.forEach(
          (term, tc) -> {
            TermStatistics ts = new TermStatistics(new BytesRef(term), tc.size, tc.total);
            SimScorer scorer = similarity.scorer(f.boost(), cs, ts);
            Accumulator perDoc = acc.computeIfAbsent(term, k -> new Accumulator());
            for (int i = 0; i < tc.size; i++) {
              perDoc.add(tc.docs[i], scorer.score(tc.freqs[i], norms[tc.docs[i]]));
            }
          });
    }
    TreeMap<String, Postings> out = new TreeMap<>();
    float[] sums = new float[maxDoc];
    boolean[] seen = new boolean[maxDoc];
    acc.forEach((term, perDoc) -> out.put(term, perDoc.postings(sums, seen)));
    return out;
  }

  public String lang() {
    return lang;
  }

  public List<SearchDocument> documents() {
    return docs;
  }

  /**
   * For every term, its impact per document: {@code sum over fields of boost * BM25}, as Lucene
   * scores it.
   */
  public TreeMap<String, Postings> impacts() {
    return impacts;
  }

  /**
   * How the documents spell an indexed word of letters only (lower-cased, possessive removed; at
   * most eight, shortest first, then in {@code String} order); empty for other terms and for words
   * seen only as parts of identifiers.
   */
  public List<String> forms(String term) {
    return forms.getOrDefault(term, List.of());
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

  /** Lucene's index of these documents and its searcher, made on the first query. */
  private record Lucene(ByteBuffersDirectory dir, DirectoryReader reader, IndexSearcher searcher)
      implements AutoCloseable {
    @Override
    public void close() throws IOException {
      reader.close();
      dir.close();
    }
  }

  private synchronized Lucene lucene() {
    if (lucene != null) {
      return lucene;
    }
    FieldType type = new FieldType();
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    type.setTokenized(true);
    type.setOmitNorms(false);
    type.freeze();
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    IndexWriterConfig config = new IndexWriterConfig();
    config.setSimilarity(similarity);
    config.setUseCompoundFile(false);
    // One segment in document order: the document number is the position in the list.
    config.setRAMBufferSizeMB(RAM_BUFFER_MB);
    config.setMergePolicy(new LogDocMergePolicy());
    try (IndexWriter writer = new IndexWriter(dir, config)) {
      for (int from = 0; from < docs.size(); from += ANALYSIS_BATCH) {
        List<List<List<String>>> batch =
            docs.subList(from, Math.min(docs.size(), from + ANALYSIS_BATCH)).parallelStream()
                .map(d -> fieldTerms(d, analysis, null))
                .toList();
        for (List<List<String>> fields : batch) {
          Document doc = new Document();
          for (SearchField f : FIELDS) {
            // Lucene turns unpaired surrogates into U+FFFD itself; it refuses immense terms.
            List<String> terms =
                fields.get(f.ordinal()).stream().filter(t -> stored(t) != null).toList();
            if (!terms.isEmpty()) {
              doc.add(new Field(f.field(), new TermsTokenStream(terms), type));
            }
          }
          writer.addDocument(doc);
        }
      }
      writer.forceMerge(1);
      writer.commit();
      DirectoryReader reader = DirectoryReader.open(dir);
      IndexSearcher searcher = new IndexSearcher(reader);
      searcher.setSimilarity(similarity);
      lucene = new Lucene(dir, reader, searcher);
      return lucene;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The impacts as read back from Lucene's index with its scorer: what {@link #impacts()} computes
   * without the index (the tests hold the two equal).
   */
  TreeMap<String, Postings> impactsFromLucene() {
    Map<String, Accumulator> acc = new HashMap<>();
    Lucene l = lucene();
    int maxDoc = l.reader().maxDoc();
    try {
      for (var leafContext : l.reader().leaves()) {
        LeafReader leaf = leafContext.reader();
        for (SearchField f : FIELDS) {
          Terms terms = leaf.terms(f.field());
          if (terms == null) {
            continue;
          }
          CollectionStatistics cs = l.searcher().collectionStatistics(f.field());
          long[] norms = norms(leaf, f.field());
          TermsEnum te = terms.iterator();
          PostingsEnum pe = null;
          BytesRef br;
          while ((br = te.next()) != null) {
            TermStatistics ts = new TermStatistics(br, te.docFreq(), te.totalTermFreq());
            SimScorer scorer = similarity.scorer(f.boost(), cs, ts);
            pe = te.postings(pe, PostingsEnum.FREQS);
            Accumulator perDoc = acc.computeIfAbsent(br.utf8ToString(), k -> new Accumulator());
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
    return out;
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
    return search(terms, expansions, List.of(), limit, filter);
  }

  /**
   * The terms a query searches for: its own, then the pairs of characters its lone Chinese
   * characters start, then those its synonyms add, distinct.
   */
  static List<String> allTerms(
      List<String> terms, List<Synonyms.Expansion> expansions, List<List<String>> prefixes) {
    LinkedHashSet<String> all = new LinkedHashSet<>(terms);
    prefixes.forEach(all::addAll);
    all.addAll(Synonyms.extraTerms(expansions, terms));
    return List.copyOf(all);
  }

  /**
   * Ranks documents for query terms, the synonym groups the query uses and its lone Chinese
   * characters: each of {@code prefixes} is a character of the query followed by the pairs of
   * characters it starts, whose impacts add up, and which count in the coverage as one term held by
   * the documents that have any of them.
   */
  public List<Hit> search(
      List<String> terms,
      List<Synonyms.Expansion> expansions,
      List<List<String>> prefixes,
      int limit,
      IntPredicate filter) {
    if (terms.isEmpty() || docs.isEmpty()) {
      return List.of();
    }
    List<String> all = allTerms(terms, expansions, prefixes);
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
      ScoreDoc[] top = lucene().searcher().search(q.build(), Math.max(1, docs.size())).scoreDocs;
      double[] coverage = coverage(terms, expansions, prefixes);
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
    return coverage(terms, expansions, List.of());
  }

  /**
   * Coverage with synonyms and lone Chinese characters: a character and the pairs it starts count
   * as one term, of weight {@code ln(1 + N / n)} where n documents have any of them.
   */
  double[] coverage(
      List<String> terms, List<Synonyms.Expansion> expansions, List<List<String>> prefixes) {
    double[] covered = new double[docs.size()];
    Map<String, Postings> dictionary = impacts();
    double total = 0;
    Set<String> heads = new HashSet<>();
    for (List<String> group : prefixes) {
      heads.add(group.get(0));
      boolean[] any = new boolean[docs.size()];
      int n = 0;
      for (String t : group) {
        Postings p = dictionary.get(t);
        for (int i = 0; p != null && i < p.docs().length; i++) {
          if (!any[p.docs()[i]]) {
            any[p.docs()[i]] = true;
            n++;
          }
        }
      }
      double w = n == 0 ? 0 : Math.log(1 + (double) docs.size() / n);
      total += w;
      for (int d = 0; d < any.length; d++) {
        if (any[d]) {
          covered[d] += w;
        }
      }
    }
    for (String t : terms) {
      if (heads.contains(t)) {
        continue;
      }
      double w = weight(dictionary, t);
      total += w;
      Postings p = dictionary.get(t);
      for (int i = 0; w > 0 && i < p.docs().length; i++) {
        covered[p.docs()[i]] += w;
      }
    }
    for (Synonyms.Expansion e : expansions) {
      // The group weighs as its heaviest alternative: a word no article uses ("記憶體" where the
      // articles say "内存") weighs as much as the synonym they use. The query's own terms count
      // the used alternative's weight already; the total gets the rest, and so does a document
      // that has the used alternative.
      double used = weight(dictionary, e.matched());
      double credit = used;
      for (List<String> other : e.others()) {
        credit = Math.max(credit, weight(dictionary, other));
      }
      total += credit - used;
      if (credit > used) {
        addWhereHeld(e.matched(), credit - used, covered, dictionary);
      }
      for (List<String> other : e.others()) {
        addWhereHeld(other, credit, covered, dictionary);
      }
    }
    for (int d = 0; d < covered.length; d++) {
      covered[d] = total == 0 ? 1 : Math.min(1, covered[d] / total);
    }
    return covered;
  }

  /** The summed weight of an alternative's distinct terms. */
  private double weight(Map<String, Postings> dictionary, List<String> alternative) {
    double w = 0;
    for (String t : new LinkedHashSet<>(alternative)) {
      w += weight(dictionary, t);
    }
    return w;
  }

  /**
   * Adds {@code w} to the covered weight of each document that has every term of an alternative
   * (Chinese words aside, at least one term).
   */
  private void addWhereHeld(
      List<String> alternative, double w, double[] covered, Map<String, Postings> dictionary) {
    int[] count = new int[docs.size()];
    int need = 0;
    for (String t : new LinkedHashSet<>(alternative)) {
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
        covered[d] += w;
      }
    }
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
  public synchronized void close() {
    if (lucene == null) {
      return;
    }
    try {
      lucene.close();
      lucene = null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
