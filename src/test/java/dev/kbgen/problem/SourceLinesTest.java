package dev.kbgen.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/** A source's lines are views of its text, and the same lines as splitting it. */
class SourceLinesTest {
  @Property
  void linesAreTheTextSplitAtLineFeeds(
      @ForAll @Chars({'\n', 'a', ' '}) @CharRange(from = '一', to = '丁') @StringLength(max = 40)
          String text) {
    Source source = Source.of("f.md", text);
    List<String> split = List.of(text.split("\n", -1));
    assertThat(source.lines()).containsExactlyElementsOf(split);
    assertThat(source.lines()).isEqualTo(split);
    assertThat(source).isEqualTo(new Source("f.md", split));
    for (int i = 1; i <= split.size(); i++) {
      assertThat(source.line(i)).isEqualTo(split.get(i - 1));
    }
    assertThat(source.line(0)).isEmpty();
    assertThat(source.line(split.size() + 1)).isEmpty();
  }
}
