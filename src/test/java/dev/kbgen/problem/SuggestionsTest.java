package dev.kbgen.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuggestionsTest {
  private static final List<String> KEYS =
      List.of("id", "title", "summary", "tags", "error_codes", "updated", "reviewed", "review_by");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "titel, title",
    "tilte, title",
    "Title, title",
    "TAGS, tags",
    "tag, tags",
    "updatd, updated",
    "error_code, error_codes",
    "errorcodes, error_codes",
    "review-by, review_by",
    "ID, id",
    "ie, id"
  })
  void typosFindTheKey(String typo, String expected) {
    assertThat(Suggestions.closest(typo, KEYS)).contains(expected);
  }

  @ParameterizedTest
  @CsvSource({"author", "description", "x", "categories", "zz"})
  void unrelatedWordsHaveNoSuggestion(String word) {
    assertThat(Suggestions.closest(word, KEYS)).isEmpty();
  }

  @Test
  void noCandidatesNoSuggestion() {
    assertThat(Suggestions.closest("title", List.of())).isEmpty();
    assertThat(Suggestions.didYouMean("title", List.of(), "fallback")).isEqualTo("fallback");
  }

  @Test
  void didYouMeanSentence() {
    assertThat(Suggestions.didYouMean("publshed", List.of("published", "draft"), "use one"))
        .isEqualTo("did you mean 'published'?");
    assertThat(Suggestions.didYouMean("gone", List.of("published", "draft"), "use one"))
        .isEqualTo("use one");
  }

  @Test
  void suggestionKeepsTheCandidatesSpelling() {
    assertThat(Suggestions.closest("known_issue", List.of("Known-Issue"))).contains("Known-Issue");
  }

  @Test
  void tiesAreBrokenAlphabeticallyWhateverTheInputOrder() {
    assertThat(Suggestions.closest("tab", List.of("tag", "tap"))).contains("tag");
    assertThat(Suggestions.closest("tab", List.of("tap", "tag"))).contains("tag");
  }

  @Test
  void chineseWordsAreCompared() {
    assertThat(Suggestions.closest("登陆", List.of("登录", "网络"))).contains("登录");
  }

  @Test
  void limitIsAThirdOfTheWordAndAtLeastOne() {
    // "abc" allows 1 edit, "abcdef" allows 2, "abcdefghi" allows 3.
    assertThat(Suggestions.closest("abx", List.of("abc"))).isPresent();
    assertThat(Suggestions.closest("axx", List.of("abc"))).isEmpty();
    assertThat(Suggestions.closest("abcdxx", List.of("abcdef"))).isPresent();
    assertThat(Suggestions.closest("abcxxx", List.of("abcdef"))).isEmpty();
    assertThat(Suggestions.closest("abcdefxxx", List.of("abcdefghi"))).isPresent();
  }

  @Test
  void turkishLocaleDoesNotChangeMatching() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(new Locale("tr", "TR"));
      assertThat(Suggestions.closest("INFO", List.of("info"))).contains("info");
      assertThat(Suggestions.closest("TITLE", KEYS)).contains("title");
    } finally {
      Locale.setDefault(saved);
    }
  }

  @ParameterizedTest(name = "distance({0}, {1}) = {2}")
  @CsvSource({
    "'', '', 0",
    "'', abc, 3",
    "abc, '', 3",
    "abc, abc, 0",
    "abc, abd, 1",
    "abc, ab, 1",
    "ab, abc, 1",
    "ab, ba, 1",
    "title, tilte, 1",
    "ca, abc, 3",
    "kitten, sitting, 3"
  })
  void optimalStringAlignmentDistance(String a, String b, int expected) {
    assertThat(Suggestions.distance(a, b)).isEqualTo(expected);
    assertThat(Suggestions.distance(b, a)).isEqualTo(expected);
  }
}
