package dev.kbgen.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Typo correction of the reference searcher (the browser follows the same rules). */
class SearchEngineTest {
  static NavigableMap<String, Postings> dictionary(Object... termsAndDfs) {
    NavigableMap<String, Postings> d = new TreeMap<>();
    for (int i = 0; i < termsAndDfs.length; i += 2) {
      int df = (Integer) termsAndDfs[i + 1];
      d.put((String) termsAndDfs[i], new Postings(new int[df], new float[df]));
    }
    return d;
  }

  /** The term that replaces a typed word when no term has spellings of its own. */
  static String term(String typed, int max, NavigableMap<String, Postings> dictionary) {
    SearchEngine.Correction c = SearchEngine.correct(typed, typed, max, dictionary, t -> List.of());
    if (c != null) {
      assertThat(c.word()).as("shown as the term itself").isEqualTo(c.term());
    }
    return c == null ? null : c.term();
  }

  /** An engine over English documents given as key, title and body, one after the other. */
  static SearchEngine english(String... keyTitleBody) {
    List<SearchDocument> docs = new ArrayList<>();
    for (int i = 0; i < keyTitleBody.length; i += 3) {
      docs.add(
          CoverageRankingTest.doc(keyTitleBody[i], "en", keyTitleBody[i + 1], keyTitleBody[i + 2]));
    }
    return SearchEngine.build(docs);
  }

  @Test
  void typedWordsAreComparedWithHowTheDocumentsSpellATerm() {
    // "acces" stems to "acc", one edit from "acl" but three from "access": the typed word is one
    // edit from the spelling "access", three from "acl"
    NavigableMap<String, Postings> d = dictionary("acl", 50, "access", 5, "accept", 9);
    Map<String, List<String>> forms =
        Map.of("access", List.of("access", "accessed"), "accept", List.of("accepted"));
    SearchEngine.Correction c =
        SearchEngine.correct("acces", "acc", 1, d, t -> forms.getOrDefault(t, List.of()));
    assertThat(c).isEqualTo(new SearchEngine.Correction("access", "access"));
    // the spelling shown is the closest one, the term is what is searched for
    c = SearchEngine.correct("acessed", "acess", 1, d, t -> forms.getOrDefault(t, List.of()));
    assertThat(c).isEqualTo(new SearchEngine.Correction("access", "accessed"));
    // a term with spellings is not compared by its own spelling: "accept" is spelled "accepted"
    assertThat(SearchEngine.correct("acept", "acept", 1, d, t -> forms.getOrDefault(t, List.of())))
        .isNull();
    // a term without spellings (only parts of identifiers) is compared as it is
    assertThat(SearchEngine.correct("aclx", "aclx", 1, d, t -> forms.getOrDefault(t, List.of())))
        .isEqualTo(new SearchEngine.Correction("acl", "acl"));
  }

  @Test
  void candidatesAreWordsOfLettersWithTheSameFirstLetter() {
    // "tls1" and "#tlsx" are one edit away, but not words of letters
    assertThat(term("tlsx", 1, dictionary("tls1", 9, "#tlsx", 9, "tlsx1", 9))).isNull();
    assertThat(term("tlsx", 1, dictionary("tls1", 9, "tlss", 1))).isEqualTo("tlss");
    assertThat(term("tlsx", 1, dictionary("xlsx", 9))).isNull();
  }

  @Test
  void tiesGoToTheMoreFrequentThenTheSmallerTerm() {
    assertThat(term("cardz", 1, dictionary("carda", 2, "cardb", 5, "cardc", 5))).isEqualTo("cardb");
    assertThat(term("cardz", 2, dictionary("car", 9, "cardza", 1))).isEqualTo("cardza");
    assertThat(term("cardz", 2, dictionary("card", 1, "cards", 1))).isEqualTo("card");
  }

  @Test
  void contractionsTypedWithoutTheirApostropheAreReadAsContractions() {
    try (SearchEngine engine =
        english(
            "en/wont",
            "Files won't sync",
            "The client won’t sync; you can't sign in.",
            "en/went",
            "Where the files went",
            "You can sync files. They went online.")) {
      for (String query : List.of("files wont sync", "Files WONT sync", "files won't sync")) {
        SearchEngine.Result r = engine.search(query, "en", 10, SearchEngine.Filters.NONE, true);
        assertThat(r.corrected()).as(query).isEmpty();
        assertThat(r.suggested()).as(query).isEmpty();
        assertThat(r.terms()).as(query).contains("won't").doesNotContain("went", "wont");
        assertThat(r.hits()).extracting(h -> h.document().key()).first().isEqualTo("en/wont");
      }
      SearchEngine.Result cant =
          engine.search("cant sync", "en", 10, SearchEngine.Filters.NONE, true);
      assertThat(cant.corrected()).isEmpty();
      assertThat(cant.terms()).contains("can't").doesNotContain("can", "cant");
      assertThat(cant.hits()).extracting(h -> h.document().key()).first().isEqualTo("en/wont");
      // with no article that uses it, the word is still not taken for a typo of another
      SearchEngine.Result isnt =
          engine.search("isnt syncing", "en", 10, SearchEngine.Filters.NONE, true);
      assertThat(isnt.corrected()).isEmpty();
      assertThat(isnt.terms()).contains("isn't");
    }
    try (Analysis analysis = new Analysis()) {
      for (String bare :
          List.of(
              "arent",
              "cant",
              "couldnt",
              "didnt",
              "doesnt",
              "dont",
              "hadnt",
              "hasnt",
              "havent",
              "isnt",
              "mustnt",
              "neednt",
              "shouldnt",
              "wasnt",
              "werent",
              "wont",
              "wouldnt")) {
        String contraction = bare.substring(0, bare.length() - 1) + "'t";
        assertThat(analysis.analyze(bare, Analysis.Mode.DOC)).as(bare).containsExactly(contraction);
        assertThat(analysis.analyze(bare.toUpperCase(Locale.ROOT), Analysis.Mode.DOC))
            .as(bare)
            .containsExactly(contraction);
        assertThat(analysis.analyze(contraction.replace('\'', '\u2019'), Analysis.Mode.DOC))
            .as(bare)
            .containsExactly(contraction);
      }
      assertThat(analysis.analyze("cannot went", Analysis.Mode.DOC))
          .containsExactly("cannot", "went");
    }
  }

  @Test
  void lettersAndDigitsTypedTogetherFindThemWrittenApartAndTheOtherWayRound() {
    try (SearchEngine engine =
        english(
            "en/webhook",
            "Webhooks fail with HTTP 502",
            "The receiver answers 502.",
            "en/update",
            "Update KB5034441 fails",
            "Windows 10 stops the update.",
            "en/other",
            "Sign-in loops",
            "The browser keeps returning to the page.")) {
      for (var expected :
          Map.of(
                  "HTTP502", "en/webhook",
                  "http502 webhook", "en/webhook",
                  "KB 5034441", "en/update",
                  "kb5034441", "en/update",
                  "windows10", "en/update")
              .entrySet()) {
        SearchEngine.Result r =
            engine.search(expected.getKey(), "en", 10, SearchEngine.Filters.NONE, true);
        assertThat(r.hits())
            .as(expected.getKey())
            .extracting(h -> h.document().key())
            .first()
            .isEqualTo(expected.getValue());
      }
    }
    try (Analysis analysis = new Analysis()) {
      // a hexadecimal number is not cut between its digits and letters
      assertThat(analysis.analyze("0x8007000E", Analysis.Mode.DOC))
          .containsExactly("0x8007000e", "#0x8007000e", "#8007000e", "0x8007000e");
      assertThat(analysis.analyze("HTTP502", Analysis.Mode.DOC))
          .containsExactly("http502", "#http502", "http502", "http", "502");
    }
  }

  /**
   * A code that is in the index is searched for as itself: its words ("orb", "sync", "1301") would
   * rank the list whose title reads "ORB-SYNC-xxxx" above the article about the code. A code not in
   * the index keeps its words, and so does a word that the query also has outside the code.
   */
  @Test
  void anIndexedCodeIsSearchedForAsItselfNotAsItsWords() {
    try (SearchEngine engine = codes()) {
      SearchEngine.Result r =
          engine.search("ORB-SYNC-1301", "en", 10, SearchEngine.Filters.NONE, true);
      assertThat(r.terms()).contains("#orb-sync-1301").doesNotContain("orb", "sync", "1301");
      assertThat(r.hits()).extracting(h -> h.document().key()).first().isEqualTo("en/access");

      assertThat(
              engine
                  .search("sync ORB-SYNC-1301", "en", 10, SearchEngine.Filters.NONE, true)
                  .terms())
          .contains("sync", "#orb-sync-1301")
          .doesNotContain("orb", "1301");
      assertThat(engine.search("ORB-SYNC-9999", "en", 10, SearchEngine.Filters.NONE, true).terms())
          .contains("orb", "sync", "9999");
    }
  }

  /**
   * A code typed with spaces instead of its separators ("ORB SYNC 1301"), or without them ("3D" for
   * "3-D"), is the code: it finds the article about it, not the list whose title has its words.
   */
  @Test
  void aCodeTypedWithSpacesOrWithoutItsSeparatorsIsTheCode() {
    try (SearchEngine engine = codes()) {
      for (String q :
          List.of(
              "ORB SYNC 1301",
              "orb sync 1301 error",
              "ORBSYNC1301",
              "orb_sync_1301",
              "ORB-SYNC 1301")) {
        SearchEngine.Result r = engine.search(q, "en", 10, SearchEngine.Filters.NONE, true);
        assertThat(r.terms())
            .as(q)
            .contains("#orbsync1301")
            .doesNotContain("orb", "sync", "1301", "error");
        assertThat(r.hits())
            .as(q)
            .extracting(h -> h.document().key())
            .first()
            .isEqualTo("en/access");
      }
      // words typed before a number that makes no code in the index stay words
      assertThat(engine.search("sync 9999", "en", 10, SearchEngine.Filters.NONE, true).terms())
          .contains("sync", "9999");
      assertThat(engine.search("sync ORB 1301", "en", 10, SearchEngine.Filters.NONE, true).terms())
          .contains("sync", "orb", "1301");
    }
    try (SearchEngine engine =
        english(
            "en/card",
            "Card declined",
            "Complete 3-D Secure in the window your bank opens.",
            "en/proxy",
            "Offline behind a proxy",
            "The proxy replaces the secure connection's certificate; a secure connection fails.")) {
      assertThat(engine.search("3D secure", "en", 10, SearchEngine.Filters.NONE, true).hits())
          .extracting(h -> h.document().key())
          .first()
          .isEqualTo("en/card");
    }
    try (Analysis analysis = new Analysis()) {
      // an identifier with separators and a digit is also indexed without its separators
      assertThat(analysis.analyze("ORB-SYNC-1301 3-D e-mail", Analysis.Mode.DOC))
          .contains("#orb-sync-1301", "#orbsync1301", "#3-d", "#3d")
          .doesNotContain("#email");
      // a query's words typed with spaces before a number of three digits or more, up to three
      assertThat(analysis.analyzeQuery("see ORB SYNC 1301"))
          .endsWith("#sync1301", "#orbsync1301", "#seeorbsync1301");
      assertThat(analysis.analyzeQuery("Windows 10, Windows Server 2019, sync: 1301"))
          .noneMatch(
              t -> t.startsWith("#windows") || t.startsWith("#server") || t.equals("#sync1301"));
    }
  }

  /**
   * With a code in the query, the Chinese words written around it are cut out like fillers: no
   * bigram is made across them ("同步报错" gives no "步报", which only a list's "同步报错是什么意思" has).
   */
  @Test
  void chineseWordsWrittenAroundAnIndexedCodeMakeNoBigramsAcrossThem() {
    try (SearchEngine engine =
        SearchEngine.build(
            List.of(
                CoverageRankingTest.doc(
                    "zh/codes",
                    "zh",
                    "桌面同步客户端错误代码一览（ORB-SYNC-xxxx）",
                    "同步报错是什么意思？ORB-SYNC-1042：路径过长。ORB-SYNC-1301：无法访问文件夹。"),
                CoverageRankingTest.doc(
                    "zh/stuck",
                    "zh",
                    "文件一直同步不上，提示 ORB-SYNC-1042",
                    "路径过长时，客户端暂停同步这个文件，并显示 ORB-SYNC-1042。"),
                CoverageRankingTest.doc("zh/other", "zh", "安装客户端", "下载并运行安装程序。")))) {
      for (String q : List.of("同步报错 ORB-SYNC-1042", "ORB-SYNC-1042同步报错", "同步提示1042错误码")) {
        SearchEngine.Result r = engine.search(q, "zh", 10, SearchEngine.Filters.NONE, true);
        assertThat(r.terms()).as(q).contains("同步").doesNotContain("步报", "步提", "报错", "码");
        assertThat(r.hits())
            .as(q)
            .extracting(h -> h.document().key())
            .first()
            .isEqualTo("zh/stuck");
      }
      // without a code, the words are what is asked for
      assertThat(engine.search("同步报错", "zh", 10, SearchEngine.Filters.NONE, true).terms())
          .contains("步报", "报错");
    }
  }

  /**
   * A Chinese character typed alone finds the articles with the pairs of characters it starts (the
   * index holds pairs): "拒" finds "拒绝", "退" finds "退款" and "退出". They count as one word of the
   * query.
   */
  @Test
  void aChineseCharacterTypedAloneFindsThePairsItStarts() {
    try (SearchEngine engine =
        SearchEngine.build(
            List.of(
                CoverageRankingTest.doc("zh/card", "zh", "银行卡被拒绝", "发卡行拒绝了扣款。"),
                CoverageRankingTest.doc("zh/refund", "zh", "申请退款", "退款三天内到账，退款后订阅结束。"),
                CoverageRankingTest.doc("zh/signout", "zh", "总是自动退出登录", "会话过期后自动退出。"),
                CoverageRankingTest.doc("zh/sync", "zh", "同步暂停", "客户端暂停同步，拒不退让。")))) {
      SearchEngine.Result r = engine.search("拒", "zh", 10, SearchEngine.Filters.NONE, true);
      assertThat(r.terms()).startsWith("拒").contains("拒绝", "拒不");
      assertThat(r.hits())
          .extracting(h -> h.document().key())
          .containsExactlyInAnyOrder("zh/card", "zh/sync")
          .first()
          .isEqualTo("zh/card");
      assertThat(engine.search("退", "zh", 10, SearchEngine.Filters.NONE, true).hits())
          .extracting(h -> h.document().key())
          .containsExactly("zh/refund", "zh/signout", "zh/sync");
      // with other words, the character's articles count as one word's
      assertThat(engine.search("同步 退", "zh", 10, SearchEngine.Filters.NONE, true).hits())
          .extracting(h -> h.document().key())
          .first()
          .isEqualTo("zh/sync");
      // a character left alone between fillers is searched for as it is
      assertThat(engine.search("怎么退", "zh", 10, SearchEngine.Filters.NONE, true).terms())
          .doesNotContain("退款");
    }
    try (SearchEngine engine =
        SearchEngine.build(List.of(CoverageRankingTest.doc("zh/a", "zh", "付款", "付款成功。")))) {
      // the index's terms are what a character may start: a character with none finds nothing
      assertThat(engine.search("拒", "zh", 10, SearchEngine.Filters.NONE, true).hits()).isEmpty();
    }
  }

  /**
   * English words that ask, or say whose or how much, rather than what is asked about ("how", "my",
   * "some", "only") make no terms, like Lucene's stop words and the Chinese fillers: an article
   * that happens to say "some" does not outrank the one about the folders to sync.
   */
  @Test
  void englishWordsThatAskOrSayWhoseOrHowMuchMakeNoTerms() {
    try (Analysis analysis = new Analysis()) {
      assertThat(analysis.analyze("How do I sync only some of my folders?", Analysis.Mode.QUERY))
          .containsExactly("sync", "folder");
      assertThat(analysis.analyze("US sales tax, can't sign in", Analysis.Mode.QUERY))
          .containsExactly("us", "sale", "tax", "can't", "sign");
    }
    try (SearchEngine engine =
        english(
            "en/selective",
            "Choose which folders sync to your computer",
            "Pick the folders to keep on this computer. Files in the others stay online.",
            "en/stuck",
            "Some files never sync",
            "Some files in your folders stay stuck; only short names sync.",
            "en/other",
            "Install the client",
            "Only run the installer once.")) {
      assertThat(engine.search("only sync some folders", "en", 10, SearchEngine.Filters.NONE, true))
          .extracting(r -> r.hits().get(0).document().key())
          .isEqualTo("en/selective");
    }
  }

  @Test
  void ofTwoSpellingsAsCloseTheOneThatEndsAsTheTypedWordIsShown() {
    try (SearchEngine engine =
        english(
            "en/a",
            "Sync on Windows",
            "Open the window. Windows shows the folder in a new window.",
            "en/b",
            "Card declined",
            "The bank declined the card; it may decline it again.")) {
      assertThat(engine.search("windos", "en", 10, SearchEngine.Filters.NONE, true).suggested())
          .containsEntry("windos", "windows");
      assertThat(engine.search("declind", "en", 10, SearchEngine.Filters.NONE, true).suggested())
          .containsEntry("declind", "declined");
      // one spelling closer than the other: the closer one, whatever its end
      assertThat(engine.search("windw", "en", 10, SearchEngine.Filters.NONE, true).suggested())
          .containsEntry("windw", "window");
    }
  }

  /** A list of codes titled "error codes", the article about one of them, another article. */
  private static SearchEngine codes() {
    return english(
        "en/codes",
        "Sync error codes (ORB-SYNC-xxxx)",
        "Each error code: ORB-SYNC-1042 path too long, ORB-SYNC-1301 no access, ORB-SYNC-2001"
            + " signed out, ORB-SYNC-3008 offline, ORB-SYNC-4002 service busy. Look up the error"
            + " code in this list of error codes.",
        "en/access",
        "Sync pauses with Access is denied",
        "The client shows ORB-SYNC-1301 when it cannot open the folder.",
        "en/other",
        "Install the client",
        "Download the client and run the installer.");
  }

  @Test
  void theWordsWrittenAroundAnIndexedCodeAreLeftOut() {
    try (SearchEngine engine = codes()) {
      for (String q :
          List.of("error 1301", "ORB-SYNC-1301 error code", "1301 errors", "eror 1301")) {
        SearchEngine.Result r = engine.search(q, "en", 10, SearchEngine.Filters.NONE, true);
        assertThat(r.terms()).as(q).doesNotContain("error", "code");
        assertThat(r.hits())
            .as(q)
            .extracting(h -> h.document().key())
            .first()
            .isEqualTo("en/access");
      }
      // without a code in the index, the words stay: a list of error codes is what is asked for
      assertThat(
              engine.search("error codes 9999", "en", 10, SearchEngine.Filters.NONE, true).terms())
          .contains("error", "code");
      assertThat(engine.search("sync error 12", "en", 10, SearchEngine.Filters.NONE, true).terms())
          .contains("error");
    }
  }
}
