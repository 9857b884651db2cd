package dev.kbgen.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.lifecycle.AfterContainer;

/** The analysis never throws, and its invariants hold, on any text. */
class AnalysisPropertiesTest {
  private static final Analysis ANALYSIS = new Analysis();

  @AfterContainer
  static void close() {
    ANALYSIS.close();
  }

  @net.jqwik.api.Example
  void theHanTestAgreesWithTheScriptOfEveryCodePoint() {
    List<Integer> wrong = new java.util.ArrayList<>();
    int han = 0;
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      boolean isHan = Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
      han += isHan ? 1 : 0;
      if (Analysis.isHan(cp) != isHan) {
        wrong.add(cp);
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(han).isGreaterThan(90_000);
  }

  @Property(tries = 300)
  void anyTextIsAnalysedWithoutThrowing(@ForAll @StringLength(max = 300) String text) {
    List<String> doc = ANALYSIS.analyze(text, Analysis.Mode.DOC);
    List<String> query = ANALYSIS.analyzeQuery(text);
    assertThat(doc).doesNotContainNull().noneMatch(String::isEmpty);
    assertThat(query).doesNotHaveDuplicates();
    // Query terms are the document terms, plus curated lookups.
    assertThat(doc).containsAll(query.stream().filter(t -> !t.startsWith("!")).toList());
  }

  @Property(tries = 200)
  void codesSurviveInAnyCase(@ForAll("codes") String code) {
    List<String> lower = ANALYSIS.analyzeQuery(code.toLowerCase(java.util.Locale.ROOT));
    List<String> upper = ANALYSIS.analyzeQuery(code.toUpperCase(java.util.Locale.ROOT));
    assertThat(upper).contains("#" + code.toLowerCase(java.util.Locale.ROOT));
    assertThat(lower).contains("#" + code.toLowerCase(java.util.Locale.ROOT));
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> codes() {
    var letters =
        net.jqwik.api.Arbitraries.strings().withCharRange('a', 'z').ofMinLength(2).ofMaxLength(6);
    var digits = net.jqwik.api.Arbitraries.strings().numeric().ofMinLength(3).ofMaxLength(8);
    var sep = net.jqwik.api.Arbitraries.of("-", "_", ".");
    return net.jqwik.api.Combinators.combine(letters, sep, digits).as((l, s, d) -> l + s + d);
  }

  /**
   * A Han run of two or more code points gives each pair of neighbours, also beyond the BMP, in a
   * build as elsewhere; a single one gives itself.
   */
  @net.jqwik.api.Example
  void hanRunsGiveTheirPairsOfNeighbours() {
    String run = "数据库\uD840\uDC00库";
    List<String> pairs = List.of("数据", "据库", "库\uD840\uDC00", "\uD840\uDC00库");
    Analysis.Forms forms = new Analysis.Forms();
    for (Analysis.Forms f : java.util.Arrays.asList(null, forms, forms)) {
      assertThat(
              ANALYSIS.analyze(run + "。中", Analysis.Mode.DOC, f).stream()
                  .filter(t -> !t.startsWith(Analysis.CHINESE_WORD))
                  .toList())
          .isEqualTo(
              java.util.stream.Stream.concat(pairs.stream(), java.util.stream.Stream.of("中"))
                  .toList());
    }
  }

  /**
   * A text's terms are the terms of its Han and other runs, each analysed alone, in order: a word
   * never crosses from one run to the next.
   */
  @Property(tries = 1000)
  void aTextIsAnalysedAsItsRunsOneByOne(@ForAll("mixed") String text) {
    String t = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC);
    List<String> byRun = new java.util.ArrayList<>();
    for (String run : Analysis.runs(t)) {
      byRun.addAll(ANALYSIS.analyze(run, Analysis.Mode.DOC));
    }
    assertThat(ANALYSIS.analyze(text, Analysis.Mode.DOC)).isEqualTo(byRun);
  }

  /**
   * The Chinese words of a text are the ICU tokenizer's words of two or more characters in each Han
   * run folded to simplified characters, fillers aside, also when the shared analysis remembers the
   * run from an earlier text (the phrases recur, as in articles; runs short and long).
   */
  @Property(tries = 500)
  void chineseWordsAreTheTokenizersWordsAlsoWhenRemembered(@ForAll("mixed") String text)
      throws java.io.IOException {
    // traditional characters ("斷", "時") and a filler ("一直") among the simplified ones
    String withLong = text + "数据库连接超时的時候同步一直暂停中斷内存不足的问题".repeat(3) + text;
    String t = java.text.Normalizer.normalize(withLong, java.text.Normalizer.Form.NFKC);
    List<String> expected = new java.util.ArrayList<>();
    for (String run : Analysis.runs(t)) {
      if (Analysis.isHan(run.codePointAt(0))) {
        try (var icu = new org.apache.lucene.analysis.icu.segmentation.ICUTokenizer()) {
          var term =
              icu.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
          icu.setReader(new java.io.StringReader(ChineseFolding.fold(run)));
          icu.reset();
          while (icu.incrementToken()) {
            if (term.toString().codePointCount(0, term.length()) >= 2
                && !Analysis.CHINESE_FILLERS.contains(term.toString())) {
              expected.add(Analysis.CHINESE_WORD + term);
            }
          }
          icu.end();
        }
      }
    }
    for (int pass = 0; pass < 2; pass++) {
      assertThat(
              ANALYSIS.analyze(withLong, Analysis.Mode.DOC).stream()
                  .filter(w -> w.startsWith(Analysis.CHINESE_WORD))
                  .toList())
          .isEqualTo(expected);
    }
  }

  /**
   * An index build's analysis, which remembers each word it met with its term and notes the words
   * as written, gives the same terms as the plain analysis, the first time and again; and it notes
   * exactly the words Lucene's chain has before stemming, with their terms (those that begin with a
   * letter).
   */
  @Property(tries = 500)
  void aBuildRemembersWordsWithoutChangingTheirTerms(@ForAll("mixed") String text)
      throws java.io.IOException {
    String withWords = text + " Running's runs the John's's O'Neil's ÄRGER sync " + text;
    List<String> plain = ANALYSIS.analyze(withWords, Analysis.Mode.DOC);
    Analysis.Forms forms = new Analysis.Forms();
    for (int pass = 0; pass < 2; pass++) {
      assertThat(ANALYSIS.analyze(withWords, Analysis.Mode.DOC, forms)).isEqualTo(plain);
    }
    java.util.Map<String, String> expected = new java.util.HashMap<>();
    String t = java.text.Normalizer.normalize(withWords, java.text.Normalizer.Form.NFKC);
    for (String run : Analysis.runs(t)) {
      if (!Analysis.isHan(run.codePointAt(0))) {
        expected.putAll(wordsBeforeStemming(run));
      }
    }
    assertThat(forms.byWord()).isEqualTo(expected).containsEntry("running", "run");
  }

  /** Lucene's English chain, each word before stemming with its term (if that starts a letter). */
  private static java.util.Map<String, String> wordsBeforeStemming(String text)
      throws java.io.IOException {
    java.util.Map<String, String> out = new java.util.HashMap<>();
    var source = new org.apache.lucene.analysis.standard.StandardTokenizer();
    org.apache.lucene.analysis.TokenStream s =
        new org.apache.lucene.analysis.en.EnglishPossessiveFilter(source);
    s = new org.apache.lucene.analysis.LowerCaseFilter(s);
    s = new org.apache.lucene.analysis.StopFilter(s, Analysis.STOP_WORDS);
    var before = s.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
    String[] written = new String[1];
    s =
        new org.apache.lucene.analysis.TokenFilter(s) {
          @Override
          public boolean incrementToken() throws java.io.IOException {
            boolean more = input.incrementToken();
            written[0] = more ? before.toString() : null;
            return more;
          }
        };
    try (var stemmed = new org.apache.lucene.analysis.en.PorterStemFilter(s)) {
      var term =
          stemmed.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
      source.setReader(new java.io.StringReader(text));
      stemmed.reset();
      while (stemmed.incrementToken()) {
        if (Character.isLetter(term.charAt(0))) {
          out.putIfAbsent(written[0], term.toString());
        }
      }
      stemmed.end();
    }
    return out;
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> mixed() {
    var pieces =
        net.jqwik.api.Arbitraries.oneOf(
            net.jqwik.api.Arbitraries.of(
                "数据库",
                "连接超时",
                "同步暂停",
                "内存不足的问题",
                "错误",
                "中",
                "，",
                "。",
                "：",
                "（",
                "）",
                " ",
                "\n",
                "\u0301",
                "\u200d",
                "\u3000",
                "TiDB",
                "0x80070005",
                "ERR_TOO_MANY_REDIRECTS",
                "user's",
                "the",
                "running",
                "e-stor-2358",
                "getValue",
                "v6.5.0",
                "2FA",
                "ｔｅｓｔ",
                "々",
                "〇",
                "\uD840\uDC00\uD840\uDC01", // two Han characters beyond the BMP
                "数\uD840\uDC02"),
            net.jqwik.api.Arbitraries.strings().ofMaxLength(4));
    return pieces.list().ofMaxSize(14).map(l -> String.join("", l));
  }
}
