package dev.kbgen.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
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
  private final Synonyms synonyms;

  private SearchEngine(Analysis analysis, Map<String, LanguageIndex> indexes, Synonyms synonyms) {
    this.analysis = analysis;
    this.indexes = indexes;
    this.synonyms = synonyms;
  }

  /**
   * This engine (the same indexes) expanding queries with the site's synonym groups; closing either
   * closes both.
   */
  public SearchEngine withSynonyms(List<List<String>> groups) {
    Synonyms s = Synonyms.of(groups, analysis);
    return s.equals(synonyms) ? this : new SearchEngine(analysis, indexes, s);
  }

  public Synonyms synonyms() {
    return synonyms;
  }

  /** Indexes the documents of every language. */
  public static SearchEngine build(List<SearchDocument> docs) {
    return build(docs, null);
  }

  /**
   * Indexes the documents of every language, reusing the index of {@code previous} for each
   * language whose documents did not change (the preview server rebuilds after every save).
   */
  public static SearchEngine build(List<SearchDocument> docs, SearchEngine previous) {
    Analysis analysis = previous != null ? previous.analysis : new Analysis();
    Map<String, List<SearchDocument>> byLang = new TreeMap<>();
    for (SearchDocument d : docs) {
      byLang.computeIfAbsent(d.lang(), k -> new ArrayList<>()).add(d);
    }
    // Languages are indexed side by side; the map keeps the languages' order.
    List<LanguageIndex> built =
        byLang.entrySet().parallelStream()
            .map(
                e -> {
                  String lang = e.getKey();
                  List<SearchDocument> sorted =
                      e.getValue().stream()
                          .sorted(Comparator.comparing(SearchDocument::key))
                          .toList();
                  LanguageIndex old = previous == null ? null : previous.indexes.get(lang);
                  if (old != null && old.documents().equals(sorted)) {
                    return old;
                  }
                  LanguageIndex index = LanguageIndex.build(lang, sorted, analysis);
                  index.impacts(); // every use needs them: computed here, beside the other language
                  return index;
                })
            .toList();
    Map<String, LanguageIndex> indexes = new LinkedHashMap<>();
    built.forEach(index -> indexes.put(index.lang(), index));
    return new SearchEngine(
        analysis, indexes, previous != null ? previous.synonyms : Synonyms.NONE);
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
   * @param terms the query terms searched for (after corrections), then those added by synonyms
   * @param corrected each corrected word as typed (lower-cased) with the index term that replaced
   *     it
   * @param suggested each corrected word as typed (lower-cased) with the word to show for it: how
   *     the documents spell the replacing term
   */
  public record Result(
      List<Hit> hits,
      List<String> terms,
      Map<String, String> corrected,
      Map<String, String> suggested) {}

  public Result search(String query, String lang, int limit, Filters filters, boolean typos) {
    LanguageIndex index = indexes.get(lang);
    if (index == null) {
      return new Result(List.of(), List.of(), Map.of(), Map.of());
    }
    NavigableMap<String, Postings> dictionary = index.impacts();
    // Typo candidates: words typed with 4+ letters (no digits, no Han) whose term is not indexed.
    Map<String, String> fixes = new LinkedHashMap<>();
    Map<String, String> corrected = new LinkedHashMap<>();
    Map<String, String> suggested = new LinkedHashMap<>();
    List<String> analyzed = analysis.analyzeQuery(query);
    Set<String> parts = codeParts(query, dictionary);
    if (analyzed.stream().anyMatch(t -> isIndexedCode(t, dictionary))) {
      // the Chinese words around the code are cut out like fillers, bigrams across them too
      analyzed = analysis.analyzeQuery(query, true);
      parts.addAll(CODE_WORDS);
    }
    if (typos) {
      for (Analysis.QueryWord w : analysis.queryWords(query)) {
        String t = w.term();
        if (t == null || dictionary.containsKey(t) || fixes.containsKey(t) || parts.contains(t)) {
          continue;
        }
        int letters = w.raw().codePointCount(0, w.raw().length());
        if (letters < 4 || !TYPO_ELIGIBLE.matcher(w.raw()).matches()) {
          continue;
        }
        Correction fix = correct(w.raw(), t, letters >= 8 ? 2 : 1, dictionary, index::forms);
        if (fix != null) {
          fixes.put(t, fix.term());
          corrected.put(w.raw(), fix.term());
          suggested.put(w.raw(), fix.word());
        }
      }
    }
    List<String> terms = new ArrayList<>();
    for (String t : analyzed) {
      String term = fixes.getOrDefault(t, t);
      // a word corrected to one the query leaves out ("eror 1301") stays out
      if (parts.contains(t) || parts.contains(term)) {
        continue;
      }
      if (!terms.contains(term)) {
        terms.add(term);
      }
    }
    List<List<String>> prefixes = new ArrayList<>();
    for (String c : analysis.loneHanCharacters(query)) {
      if (terms.contains(c)) {
        prefixes.add(pairsStartedBy(c, dictionary));
      }
    }
    List<Synonyms.Expansion> expansions = synonyms.expansions(terms);
    List<SearchDocument> docs = index.documents();
    IntPredicate filter = doc -> filters.test(docs.get(doc));
    return new Result(
        index.search(terms, expansions, prefixes, limit, filter),
        LanguageIndex.allTerms(terms, expansions, prefixes),
        corrected,
        suggested);
  }

  /** The most pairs of characters that a character typed alone stands for. */
  static final int MAX_PAIRS = 64;

  /**
   * A Chinese character typed alone and the index's terms that start with it (pairs of characters),
   * the {@link #MAX_PAIRS} of the most documents, then in {@code String} order.
   */
  static List<String> pairsStartedBy(String c, NavigableMap<String, Postings> dictionary) {
    List<Map.Entry<String, Postings>> pairs = new ArrayList<>();
    for (var e : dictionary.tailMap(c, false).entrySet()) {
      if (!e.getKey().startsWith(c)) {
        break;
      }
      pairs.add(e);
    }
    pairs.sort(
        Comparator.<Map.Entry<String, Postings>>comparingInt(e -> -e.getValue().df())
            .thenComparing(Map.Entry::getKey));
    List<String> out = new ArrayList<>();
    out.add(c);
    pairs.stream().limit(MAX_PAIRS).forEach(e -> out.add(e.getKey()));
    return List.copyOf(out);
  }

  /**
   * The terms of the words a customer writes around an error code ("error", "code", 错误, 代码, 报错, 提示,
   * and the bigrams across them): left out of a query that has a code in the index ({@link
   * #isIndexedCode}), since they ask for that code and match a list of codes titled "error codes"
   * best. See docs/search-format.md, §2 Codes.
   */
  static final Set<String> CODE_WORDS =
      Set.of("error", "code", "错误", "误码", "误代", "代码", "报错", "提示", "~错误", "~代码", "~报错", "~提示");

  /**
   * An error code in the index: a number of three digits or more that is not a year (the "1301" of
   * "error 1301", a part of ORB-SYNC-1301), as a word or an identifier term ("#"), or an identifier
   * term with three digits or more and something else.
   */
  static boolean isIndexedCode(String term, NavigableMap<String, Postings> dictionary) {
    String t = term.startsWith(Analysis.IDENTIFIER) ? term.substring(1) : term;
    boolean number = !t.isEmpty() && t.chars().allMatch(c -> c >= '0' && c <= '9');
    boolean code =
        number
            ? t.length() > 2 && !Analysis.YEAR.matcher(t).matches()
            : term.startsWith(Analysis.IDENTIFIER)
                && t.codePoints().filter(Character::isDigit).limit(3).count() == 3;
    return code && dictionary.containsKey(term);
  }

  /**
   * The word terms that only the query's error codes give ("orb", "sync" and "1301" of
   * "ORB-SYNC-1301"), for the codes that are in the index as they were typed (an identifier with a
   * digit whose whole term is indexed): a customer who types a code asks for that code, not for the
   * articles that say "sync" most, such as a list whose title reads "ORB-SYNC-xxxx". A code not in
   * the index keeps its words ("HTTP502" finds "HTTP 502"), and so does a word the query also has
   * elsewhere.
   */
  private Set<String> codeParts(String query, NavigableMap<String, Postings> dictionary) {
    String normalized = Normalizer.normalize(query, Normalizer.Form.NFKC);
    String rest = normalized;
    Set<String> parts = new HashSet<>();
    for (String code : analysis.identifiers(query)) {
      String joined = Analysis.joinedTerm(code);
      if (code.codePoints().anyMatch(Character::isDigit)
          && (dictionary.containsKey(Analysis.IDENTIFIER + code.toLowerCase(Locale.ROOT))
              || joined != null && dictionary.containsKey(joined))) {
        for (String t : analysis.analyze(code, Analysis.Mode.QUERY)) {
          if (Analysis.isWordTerm(t)) {
            parts.add(t);
          }
        }
        rest = rest.replace(code, " ");
      }
    }
    // a code typed with spaces for its separators ("ORB SYNC 1301"): the longest in the index
    List<Analysis.SpacedCode> spaced = analysis.spacedCodes(query);
    for (int i = spaced.size() - 1; i >= 0; i--) {
      Analysis.SpacedCode code = spaced.get(i);
      if (dictionary.containsKey(code.term()) && rest.contains(code.text())) {
        for (String t : analysis.analyze(code.text(), Analysis.Mode.QUERY)) {
          if (Analysis.isWordTerm(t)) {
            parts.add(t);
          }
        }
        rest = rest.replace(code.text(), " ");
      }
    }
    if (!parts.isEmpty()) {
      parts.removeAll(analysis.analyze(rest, Analysis.Mode.QUERY));
    }
    return parts;
  }

  /** A typo correction: the index term that replaces a word and the word shown for it. */
  record Correction(String term, String word) {}

  /**
   * The index word of letters only ({@link Analysis#isLetterWord}) with the term's first code point
   * that is spelled closest to the typed word: optimal string alignment distance at most {@code
   * max} from the word to one of its spellings ({@code forms}: {@link LanguageIndex#forms}, or the
   * term itself when it has none), the first spelling at that distance that ends as the typed word
   * does, else the first at that distance, being the one shown; ties go to the more frequent, then
   * the smaller term. The browser finds the same candidates and spellings in the static index's
   * vocabulary files.
   *
   * @param typed the word as typed, lower-cased and without possessive
   * @param term its term, which is not in the index
   */
  static Correction correct(
      String typed,
      String term,
      int max,
      NavigableMap<String, Postings> dictionary,
      Function<String, List<String>> forms) {
    int first = term.codePointAt(0);
    String from = new String(Character.toChars(first));
    String to = new String(Character.toChars(first + 1));
    Correction best = null;
    int bestDistance = Integer.MAX_VALUE;
    int bestDf = -1;
    for (var e : dictionary.subMap(from, true, to, false).entrySet()) {
      String candidate = e.getKey();
      if (!Analysis.isLetterWord(candidate)) {
        continue;
      }
      List<String> spellings = forms.apply(candidate);
      if (spellings.isEmpty()) {
        spellings = List.of(candidate);
      }
      // The closest spelling is shown; of two as close, one that ends as the typed word does
      // ("windos": "windows" rather than "window"; a typo is seldom in the last letter).
      int last = typed.codePointBefore(typed.length());
      int d = max + 1;
      String word = null;
      for (String spelling : spellings) {
        int ds = osa(typed, spelling, max);
        if (ds < d
            || ds == d
                && word != null
                && word.codePointBefore(word.length()) != last
                && spelling.codePointBefore(spelling.length()) == last) {
          d = ds;
          word = spelling;
        }
      }
      if (d > max) {
        continue;
      }
      int df = e.getValue().df();
      if (d < bestDistance || (d == bestDistance && df > bestDf)) {
        best = new Correction(candidate, word);
        bestDistance = d;
        bestDf = df;
      }
    }
    return best;
  }

  /** Optimal string alignment distance over code points (the browser counts the same way). */
  static int osa(String s1, String s2, int max) {
    int[] a = s1.codePoints().toArray();
    int[] b = s2.codePoints().toArray();
    int n = a.length;
    int m = b.length;
    if (Math.abs(n - m) > max) {
      return max + 1;
    }
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
        int cost = a[i - 1] == b[j - 1] ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
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
