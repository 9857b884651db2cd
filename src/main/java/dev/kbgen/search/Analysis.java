package dev.kbgen.search;

import static java.util.stream.Collectors.joining;

import dev.kbgen.content.CodeTokens;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Text analysis shared by the index, the reference searcher and (reproduced exactly) the browser
 * runtime: English words (stemmed), identifiers kept whole with their parts, Chinese words and
 * bigrams, and curated codes. The same analysis serves both languages, so mixed queries work.
 *
 * <p>Terms carry a class prefix: none for English words and Chinese bigrams, {@code #} for
 * identifiers, {@code ~} for Chinese words, {@code !} for curated codes and aliases.
 */
public final class Analysis implements AutoCloseable {
  /** Prefix of identifier terms. */
  public static final String IDENTIFIER = "#";

  /** Prefix of Chinese word terms. */
  public static final String CHINESE_WORD = "~";

  /** Prefix of curated code and alias terms. */
  public static final String CURATED = "!";

  private static final Pattern SEPARATORS = Pattern.compile("[._:/\\\\-]+");
  private static final Pattern HEX = Pattern.compile("0[xX][0-9a-fA-F]+");
  private static final String CAMEL_BOUNDARY =
      "(?<=\\p{Ll})(?=\\p{Lu})|(?<=\\p{Lu})(?=\\p{Lu}\\p{Ll})";

  /** Where a hexadecimal number splits into parts: camelCase boundaries only. */
  private static final Pattern CAMEL = Pattern.compile(CAMEL_BOUNDARY);

  /**
   * Where another segment of an identifier splits into parts: camelCase boundaries, and where
   * letters meet digits ("HTTP502" gives HTTP and 502, as "HTTP 502" reads).
   */
  private static final Pattern PARTS =
      Pattern.compile(CAMEL_BOUNDARY + "|(?<=\\p{L})(?=\\p{Nd})|(?<=\\p{Nd})(?=\\p{L})");

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern LETTER_WORD = Pattern.compile("[\\p{L}&&[^\\p{IsHan}]]+");

  /** The first code point of the Han script (CJK Radicals Supplement). */
  private static final int FIRST_HAN = 0x2E80;

  /**
   * Han runs up to this many chars have their words remembered: clauses between punctuation recur
   * across articles (headings, steps, boilerplate), and the dictionary segmentation is most of
   * Chinese analysis.
   */
  private static final int MEMO_RUN_CHARS = 32;

  /** At most this many runs are remembered (a few tens of megabytes); later ones are not. */
  private static final int MEMO_ENTRIES = 1 << 18;

  /** Separates the words of a remembered run (no word contains it: words are Han). */
  private static final char MEMO_SEPARATOR = ' ';

  /**
   * Chinese words that say how a question is asked, not what it is about ("一直", "怎么办", "为什么"): like
   * English stop words they make no terms, and the bigrams around them are cut there, so that an
   * article is not ranked by whether it happens to contain them. Left out only where the dictionary
   * segmentation makes them a word of their own ("统一下发" keeps "一下").
   */
  static final Set<String> CHINESE_FILLERS =
      Set.of(
          "一直", "总是", "老是", "怎么办", "怎么样", "怎么", "咋办", "为什么", "为啥", "如何", "什么", "请问", "是不是", "有没有",
          "能不能", "可不可以", "还是", "一下", "已经", "然后", "但是", "因为", "所以", "如果", "的话", "我们", "你们", "他们",
          "这个", "那个", "这些", "那些");

  /**
   * The Chinese words customers write around an error code ("报错", "错误代码", "提示"): with a code of the
   * index in the query they are fillers too ({@link #analyzeQuery(String, boolean)}), so that no
   * bigram is made across them ("同步报错" would give "步报").
   */
  static final Set<String> CHINESE_CODE_WORDS = Set.of("错误", "错误码", "错误代码", "代码", "报错", "提示");

  /**
   * Words cut out of Han runs, and their first characters (to look no further at any other).
   *
   * @param words the words
   * @param first their first characters
   */
  private record Fillers(Set<String> words, String first) {
    static Fillers of(Set<String> words) {
      return new Fillers(
          words, words.stream().map(f -> f.substring(0, 1)).distinct().sorted().collect(joining()));
    }
  }

  private static final Fillers FILLERS = Fillers.of(CHINESE_FILLERS);

  private static final Fillers CODE_FILLERS =
      Fillers.of(
          Stream.concat(CHINESE_FILLERS.stream(), CHINESE_CODE_WORDS.stream())
              .collect(Collectors.toUnmodifiableSet()));

  /**
   * English words that ask, or say whose or how much, rather than what is asked about ("how do I",
   * "my files", "some folders", "only"), which Lucene's short list of stop words leaves in: like
   * the Chinese fillers they make no terms, so that an article is not ranked by whether it happens
   * to contain them.
   */
  static final List<String> ENGLISH_FILLERS =
      List.of(
          "how", "what", "why", "which", "who", "when", "where", "i", "me", "my", "we", "our",
          "you", "your", "its", "them", "those", "always", "already", "some", "any", "only", "just",
          "also", "can", "could", "do", "does", "did", "should", "would", "because", "so");

  /** Lucene's English stop words and {@link #ENGLISH_FILLERS}. */
  static final CharArraySet STOP_WORDS = stopWords();

  private static CharArraySet stopWords() {
    CharArraySet set = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, false);
    set.addAll(ENGLISH_FILLERS);
    return CharArraySet.unmodifiableSet(set);
  }

  /** Whether terms keep duplicates (documents) or are distinct in first-seen order (queries). */
  public enum Mode {
    DOC,
    QUERY
  }

  /** A document's words per thread and index build remembered at most (a few megabytes). */
  private static final int MEMO_WORDS = 1 << 16;

  /**
   * English words: lower-cased, possessive removed, contractions typed without their apostrophe
   * read as contractions ({@link Contractions}), stop words left out, stemmed.
   */
  private final Analyzer words;

  /** {@link #words} up to its stop words: the words as written, contractions read as such. */
  private final Analyzer rawWords;

  /** The rest of {@link #words} for one word of {@link #rawWords}: stop words, stemming. */
  private final Analyzer stemming;

  private final Analyzer han;

  /** A Han run's {@link #segments}, joined by {@link #MEMO_SEPARATOR}. */
  private final Map<String, String> hanWords = new ConcurrentHashMap<>();

  public Analysis() {
    CharArraySet stop = STOP_WORDS;
    this.words =
        new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream s = new EnglishPossessiveFilter(source);
            s = new Contractions.Filter(new LowerCaseFilter(s));
            s = new StopFilter(s, stop);
            return new TokenStreamComponents(source, new PorterStemFilter(s));
          }
        };
    this.rawWords =
        new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream s = new EnglishPossessiveFilter(source);
            return new TokenStreamComponents(
                source, new Contractions.Filter(new LowerCaseFilter(s)));
          }
        };
    this.stemming =
        new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new KeywordTokenizer();
            return new TokenStreamComponents(
                source, new PorterStemFilter(new StopFilter(source, stop)));
          }
        };
    this.han =
        new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new ICUTokenizer();
            return new TokenStreamComponents(source, source);
          }
        };
  }

  /** The terms of a text. */
  public List<String> analyze(String text, Mode mode) {
    return analyze(text, mode, null);
  }

  /**
   * The terms of a text, noting in {@code forms} each English word as written (lower-cased,
   * possessive removed) that is not there yet, with its term: the spellings that typo correction
   * compares typed words with and shows ({@link LanguageIndex#forms}).
   *
   * @param forms the words of one index build, noted from any thread; null to note nothing
   */
  public List<String> analyze(String text, Mode mode, Forms forms) {
    return analyze(text, mode, forms, FILLERS);
  }

  private List<String> analyze(String text, Mode mode, Forms forms, Fillers fillers) {
    List<String> out = new ArrayList<>();
    for (String run : runs(Normalizer.normalize(text, Normalizer.Form.NFKC))) {
      if (isHan(run.codePointAt(0))) {
        hanRun(ChineseFolding.fold(run), out::add, fillers);
      } else {
        nonHanRun(run, out::add, forms);
      }
    }
    return mode == Mode.QUERY ? List.copyOf(new LinkedHashSet<>(out)) : out;
  }

  /**
   * Query terms: the analysed terms, then the curated lookup of the whole query, then one for each
   * identifier of each non-Han run, distinct in that order.
   */
  public List<String> analyzeQuery(String query) {
    return analyzeQuery(query, false);
  }

  /**
   * Query terms ({@link #analyzeQuery(String)}), with the Chinese words written around an error
   * code cut out like fillers when {@code code} ({@link #CHINESE_CODE_WORDS}): for a query with a
   * code of the index.
   */
  public List<String> analyzeQuery(String query, boolean code) {
    LinkedHashSet<String> terms =
        new LinkedHashSet<>(analyze(query, Mode.QUERY, null, code ? CODE_FILLERS : FILLERS));
    String whole = curatedNorm(query);
    if (!whole.isEmpty()) {
      terms.add(CURATED + whole);
    }
    for (String identifier : identifiers(query)) {
      terms.add(CURATED + identifier.toLowerCase(Locale.ROOT));
    }
    for (SpacedCode spaced : spacedCodes(query)) {
      terms.add(spaced.term());
    }
    return List.copyOf(terms);
  }

  /**
   * A year, which a number of four digits usually is rather than a code ("Windows Server 2019").
   */
  static final Pattern YEAR = Pattern.compile("(?:19|20)[0-9]{2}");

  /** The most tokens typed before a number that a code typed with spaces joins. */
  private static final int SPACED_CODE_TOKENS = 3;

  /**
   * Tokens of a query typed with spaces where a code has separators ("ORB SYNC 1301"), read as the
   * code would be without them.
   *
   * @param text the tokens as they stand in the normalised query, spaces included
   * @param term "#" and the tokens lower-cased, joined without their separators ("#orbsync1301")
   */
  public record SpacedCode(String text, String term) {}

  /**
   * The ways a query may have typed a code with spaces instead of its separators: for each token of
   * its non-Han runs (as identifiers are found) with three digits or more that is not a year, the
   * one, two and three tokens before it, each followed by spaces only, joined with it; in order. An
   * identifier with separators and a digit is indexed without them as well ({@link
   * #identifierTerms}), so "ORB SYNC 1301" finds ORB-SYNC-1301.
   */
  public List<SpacedCode> spacedCodes(String query) {
    List<SpacedCode> out = new ArrayList<>();
    String t = Normalizer.normalize(query, Normalizer.Form.NFKC);
    for (String run : runs(t, false)) {
      List<int[]> tokens = new ArrayList<>();
      CodeTokens.forEach(run, (start, end) -> tokens.add(new int[] {start, end}));
      for (int i = 0; i < tokens.size(); i++) {
        String last = run.substring(tokens.get(i)[0], tokens.get(i)[1]);
        if (last.codePoints().filter(Character::isDigit).limit(3).count() < 3
            || YEAR.matcher(last).matches()) {
          continue;
        }
        for (int k = 1; k <= SPACED_CODE_TOKENS && i - k >= 0; k++) {
          String gap = run.substring(tokens.get(i - k)[1], tokens.get(i - k + 1)[0]);
          if (gap.isEmpty() || !gap.chars().allMatch(c -> c == ' ')) {
            break;
          }
          String text = run.substring(tokens.get(i - k)[0], tokens.get(i)[1]);
          out.add(new SpacedCode(text, IDENTIFIER + joined(text.replace(" ", ""))));
        }
      }
    }
    return out;
  }

  /**
   * The term of an identifier with separators and a digit without its separators ("ORB-SYNC-1301":
   * "#orbsync1301"), or null for another identifier.
   */
  static String joinedTerm(String identifier) {
    // One pass, no regular expression: every identifier of every document comes here.
    StringBuilder joined = new StringBuilder(identifier.length() + 1).append(IDENTIFIER);
    boolean separator = false;
    boolean digit = false;
    for (int i = 0; i < identifier.length(); ) {
      int c = identifier.codePointAt(i);
      i += Character.charCount(c);
      if (isSeparator(c)) {
        separator = true;
      } else {
        digit |= Character.isDigit(c);
        joined.appendCodePoint(c);
      }
    }
    return separator && digit ? joined.toString().toLowerCase(Locale.ROOT) : null;
  }

  /** A character of {@link #SEPARATORS}. */
  private static boolean isSeparator(int c) {
    return c == '.' || c == '_' || c == ':' || c == '/' || c == '\\' || c == '-';
  }

  /** An identifier lower-cased without its separators ("ORB-SYNC-1301": "orbsync1301"). */
  private static String joined(String identifier) {
    return SEPARATORS.matcher(identifier).replaceAll("").toLowerCase(Locale.ROOT);
  }

  /** The identifiers of a query's non-Han runs (as the curated terms take them), in order. */
  public List<String> identifiers(String query) {
    List<String> out = new ArrayList<>();
    String t = Normalizer.normalize(query, Normalizer.Form.NFKC);
    for (String run : runs(t, false)) {
      CodeTokens.forEach(
          run,
          (start, end) -> {
            if (isIdentifier(run, start, end)) {
              out.add(run.substring(start, end));
            }
          });
    }
    return out;
  }

  /**
   * A plain word of a query, for typo correction: as typed (lower-cased, possessive removed) and
   * the term it becomes.
   *
   * @param raw the word before stop words and stemming
   * @param term its term, or null for a stop word
   */
  public record QueryWord(String raw, String term) {}

  /** The plain words of the non-Han runs of a query, in order. */
  public List<QueryWord> queryWords(String query) {
    List<QueryWord> out = new ArrayList<>();
    String t = Normalizer.normalize(query, Normalizer.Form.NFKC);
    for (String run : runs(t, false)) {
      for (String raw : tokens(rawWords, run)) {
        List<String> stemmed = tokens(words, raw);
        out.add(new QueryWord(raw, stemmed.isEmpty() ? null : stemmed.get(0)));
      }
    }
    return out;
  }

  /**
   * The Chinese characters typed alone in a query (Han runs of one character), folded, distinct, in
   * order: the index holds pairs of characters, so the search looks for the pairs they start.
   */
  public List<String> loneHanCharacters(String query) {
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (String run : runs(Normalizer.normalize(query, Normalizer.Form.NFKC), true)) {
      if (run.codePointCount(0, run.length()) == 1) {
        out.add(ChineseFolding.fold(run));
      }
    }
    return List.copyOf(out);
  }

  /** The Han ({@code han} true) or non-Han runs of a normalised text. */
  private static List<String> runs(String t, boolean han) {
    return runs(t).stream().filter(run -> isHan(run.codePointAt(0)) == han).toList();
  }

  /** A normalised text cut into its runs of Han and of other code points, in order. */
  static List<String> runs(String t) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < t.length()) {
      boolean isHan = isHan(t.codePointAt(i));
      int j = i;
      while (j < t.length() && isHan(t.codePointAt(j)) == isHan) {
        j += Character.charCount(t.codePointAt(j));
      }
      out.add(t.substring(i, j));
      i = j;
    }
    return out;
  }

  /** The curated term of an error code or alias from front matter. */
  public static String curated(String value) {
    String n = curatedNorm(value);
    return n.isEmpty() ? null : CURATED + n;
  }

  /** Whether a term of a non-Han text is a word (class W): it has none of the classes' prefixes. */
  static boolean isWordTerm(String term) {
    return !term.startsWith(IDENTIFIER)
        && !term.startsWith(CHINESE_WORD)
        && !term.startsWith(CURATED);
  }

  /**
   * Whether an index term is a word of letters only (class W, no digits, no Han): the candidates of
   * typo correction and type-ahead, which the static index lists in its vocabulary files.
   */
  public static boolean isLetterWord(String term) {
    return LETTER_WORD.matcher(term).matches();
  }

  static String curatedNorm(String s) {
    String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return WHITESPACE.matcher(n).replaceAll(" ").strip();
  }

  static boolean isHan(int codePoint) {
    // No Han character comes before the CJK radicals (U+2E80): most text needs no script lookup.
    return codePoint >= FIRST_HAN
        && Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
  }

  private void hanRun(String run, Consumer<String> out, Fillers fillers) {
    String[] segments = segments(run);
    // Where each segment starts and ends; a run the segments do not cover exactly (not expected:
    // every Han character is in a word) has no filler cut out.
    boolean[] boundary = new boolean[run.length() + 1];
    int at = 0;
    for (String w : segments) {
      boundary[at] = true;
      at += w.length();
    }
    boolean exact = at == run.length();
    boundary[run.length()] = exact;
    boolean[] cut = new boolean[run.length()];
    int from = 0;
    for (int i = 0; exact && i < run.length(); i++) {
      boolean may = boundary[i] && fillers.first().indexOf(run.charAt(i)) >= 0;
      int end = may ? fillerEnd(run, i, boundary, fillers.words()) : i;
      if (end > i) {
        bigrams(run.substring(from, i), out);
        Arrays.fill(cut, i, end, true);
        from = end;
        i = end - 1;
      }
    }
    bigrams(run.substring(from), out);
    at = 0;
    for (String w : segments) {
      if (w.codePointCount(0, w.length()) >= 2 && !(exact && cut[at])) {
        out.accept(CHINESE_WORD + w);
      }
      at += w.length();
    }
  }

  /**
   * The end of the longest filler word that starts at {@code i} and ends where a segment ends
   * ("怎么办" is segmented "怎么" "办"), or {@code i} when none does.
   */
  private static int fillerEnd(String run, int i, boolean[] boundary, Set<String> fillers) {
    int best = i;
    for (String f : fillers) {
      int end = i + f.length();
      if (end > best && end < boundary.length && boundary[end] && run.startsWith(f, i)) {
        best = end;
      }
    }
    return best;
  }

  /** The bigrams of a piece of a Han run, or the piece itself when it is one character. */
  private static void bigrams(String piece, Consumer<String> out) {
    if (piece.isEmpty()) {
      return;
    }
    int[] cps = piece.codePoints().toArray();
    if (cps.length == 1) {
      out.accept(piece);
    } else {
      for (int k = 0; k + 1 < cps.length; k++) {
        out.accept(new String(cps, k, 2));
      }
    }
  }

  /** A Han run's dictionary segmentation: its words, one-character words included, in order. */
  private String[] segments(String run) {
    boolean remember = run.length() <= MEMO_RUN_CHARS;
    String joined = remember ? hanWords.get(run) : null;
    if (joined == null) {
      StringBuilder b = new StringBuilder();
      forEachToken(han, run, w -> b.append(b.isEmpty() ? "" : MEMO_SEPARATOR).append(w));
      joined = b.toString();
      if (remember && hanWords.size() < MEMO_ENTRIES) {
        hanWords.put(run, joined);
      }
    }
    // a one-character separator that is not a regular expression's: String.split's quick path
    return joined.isEmpty() ? new String[0] : joined.split(String.valueOf(MEMO_SEPARATOR));
  }

  private void nonHanRun(String run, Consumer<String> out, Forms forms) {
    words(run, out, forms);
    CodeTokens.forEach(
        run,
        (start, end) -> {
          if (isIdentifier(run, start, end)) {
            identifierTerms(run.substring(start, end), out);
          }
        });
  }

  /** The terms of an identifier token: itself, its hexadecimal numbers, its parts as words. */
  private void identifierTerms(String token, Consumer<String> out) {
    out.accept(IDENTIFIER + token.toLowerCase(Locale.ROOT));
    // a code with separators is also found typed without them ("3D" for "3-D") or with spaces
    // instead ({@link #spacedCodes})
    String joined = joinedTerm(token);
    if (joined != null) {
      out.accept(joined);
    }
    for (String segment : SEPARATORS.split(token)) {
      if (segment.isEmpty()) {
        continue;
      }
      String[] parts;
      if (HEX.matcher(segment).matches()) {
        out.accept(IDENTIFIER + segment.substring(2).toLowerCase(Locale.ROOT));
        parts = CAMEL.split(segment); // its digits and letters are one number
      } else {
        parts = PARTS.split(segment);
      }
      if (parts.length > 1) {
        partTerms(segment, out);
      }
      for (String part : parts) {
        partTerms(part, out);
      }
    }
  }

  /** An identifier part becomes English-word terms, like any word. */
  private void partTerms(String part, Consumer<String> out) {
    if (part.codePointCount(0, part.length()) >= 2) {
      forEachToken(words, part, out);
    }
  }

  /** Whether the token {@code text[start, end)} is code-like. */
  private static boolean isIdentifier(String text, int start, int end) {
    boolean digit = false;
    boolean letter = false;
    boolean separator = false;
    boolean underscore = false;
    boolean camel = false;
    int prev = -1;
    for (int k = start; k < end; ) {
      int cp = text.codePointAt(k);
      if (Character.isDigit(cp)) {
        digit = true;
      } else if (Character.isLetter(cp)) {
        letter = true;
        if (prev >= 0 && Character.isLowerCase(prev) && Character.isUpperCase(cp)) {
          camel = true;
        }
      } else if (cp == '_') {
        underscore = true;
      } else {
        separator = true;
      }
      prev = cp;
      k += Character.charCount(cp);
    }
    int length = text.codePointCount(start, end);
    return (separator && digit)
        || underscore
        || (letter && digit)
        || (!letter && digit && !separator && length >= 3)
        || camel;
  }

  /**
   * The English words of one index build, as written (lower-cased, possessive removed), each with
   * its term; made for one build and used from any thread.
   */
  public static final class Forms {
    private final Map<String, String> byWord = new ConcurrentHashMap<>();

    /**
     * Per thread, each word met with its term ({@link #STOP_WORD} for a stop word): articles repeat
     * their words, and stop words and stemming are then looked up, not worked out again.
     */
    private final Map<Thread, CharArrayMap<String>> memo = new ConcurrentHashMap<>();

    /** Each word of letters as written, with its term. */
    public Map<String, String> byWord() {
      return byWord;
    }
  }

  /** The term remembered for a stop word (no term is empty). */
  private static final String STOP_WORD = "";

  /**
   * The words analyser's terms of a text, noting the words as written ({@link #analyze}) when
   * {@code forms} is not null: the same terms as {@link #words} gives, each word analysed once per
   * thread.
   */
  private void words(String text, Consumer<String> out, Forms forms) {
    if (forms == null) {
      forEachToken(words, text, out);
      return;
    }
    CharArrayMap<String> memo =
        forms.memo.computeIfAbsent(Thread.currentThread(), t -> new CharArrayMap<>(1024, false));
    try (TokenStream ts = rawWords.tokenStream("", new StringReader(text))) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        String t = memo.get(term.buffer(), 0, term.length());
        if (t == null) {
          String written = term.toString();
          List<String> stemmed = tokens(stemming, written);
          t = stemmed.isEmpty() ? STOP_WORD : stemmed.get(0);
          if (!t.isEmpty() && Character.isLetter(t.charAt(0))) {
            forms.byWord.putIfAbsent(written, t);
          }
          if (memo.size() < MEMO_WORDS) {
            memo.put(written, t);
          }
        }
        if (!t.isEmpty()) {
          out.accept(t);
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> tokens(Analyzer analyzer, String text) {
    List<String> out = new ArrayList<>();
    forEachToken(analyzer, text, out::add);
    return out;
  }

  /** Hands each token of a text, as the analyser ends it, to {@code out}. */
  private static void forEachToken(Analyzer analyzer, String text, Consumer<String> out) {
    try (TokenStream ts = analyzer.tokenStream("", new StringReader(text))) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.accept(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    words.close();
    rawWords.close();
    stemming.close();
    han.close();
  }
}
