package dev.kbgen.search;

import static org.assertj.core.api.Assertions.assertThat;

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

  @Test
  void candidatesAreWordsOfLettersWithTheSameFirstLetter() {
    // "tls1" and "#tlsx" are one edit away, but not words of letters
    assertThat(SearchEngine.correct("tlsx", 1, dictionary("tls1", 9, "#tlsx", 9, "tlsx1", 9)))
        .isNull();
    assertThat(SearchEngine.correct("tlsx", 1, dictionary("tls1", 9, "tlss", 1))).isEqualTo("tlss");
    assertThat(SearchEngine.correct("tlsx", 1, dictionary("xlsx", 9))).isNull();
  }

  @Test
  void tiesGoToTheMoreFrequentThenTheSmallerTerm() {
    assertThat(SearchEngine.correct("cardz", 1, dictionary("carda", 2, "cardb", 5, "cardc", 5)))
        .isEqualTo("cardb");
    assertThat(SearchEngine.correct("cardz", 2, dictionary("car", 9, "cardza", 1)))
        .isEqualTo("cardza");
    assertThat(SearchEngine.correct("cardz", 2, dictionary("card", 1, "cards", 1)))
        .isEqualTo("card");
  }
}
