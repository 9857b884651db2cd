package dev.kbgen.build;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The excerpt a search result shows: about 300 characters of the body, cut at a word. */
class ExcerptTest {
  @Test
  void whitespaceIsCollapsedAndTheEndsStripped() {
    assertThat(Pipeline.excerpt("\n  Sync\t\tpauses \r\n\n with\u000B a  badge.  \n"))
        .isEqualTo("Sync pauses with a badge.");
    // Other spaces are text, as before: only \s runs are collapsed.
    assertThat(Pipeline.excerpt("a\u2003 b")).isEqualTo("a\u2003 b");
  }

  @Test
  void aLongTextIsCutAtTheLastWordBeforeThreeHundredChars() {
    String word = "abcdefghi "; // 10 chars
    String text = word.repeat(40); // 400 chars
    String excerpt = Pipeline.excerpt(text);
    // Index 300 is the 'a' of the 31st word; the last space at or before it is at 299.
    assertThat(excerpt).isEqualTo("abcdefghi ".repeat(29) + "abcdefghi" + "…");
    assertThat(excerpt).hasSize(299 + 1);
  }

  @Test
  void aTextOfExactlyThreeHundredCharsIsKeptWhole() {
    String text = "x".repeat(298) + "  \n\n" + "y";
    assertThat(Pipeline.excerpt(text)).isEqualTo("x".repeat(298) + " y");
    assertThat(Pipeline.excerpt("x".repeat(300))).isEqualTo("x".repeat(300));
  }

  @Test
  void withoutASpaceNearTheEndTheTextIsCutAtThreeHundred() {
    String text = "a " + "b".repeat(500);
    assertThat(Pipeline.excerpt(text)).isEqualTo("a " + "b".repeat(298) + "…");
    String spaced = "c".repeat(150) + " " + "d".repeat(200);
    // the last space is at 150, not after 200: cut at 300
    assertThat(Pipeline.excerpt(spaced)).isEqualTo("c".repeat(150) + " " + "d".repeat(149) + "…");
  }
}
