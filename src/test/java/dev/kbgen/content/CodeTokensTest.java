package dev.kbgen.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class CodeTokensTest {
  /** The pattern that the search-format contract states and the browser runtime uses. */
  private static final Pattern CONTRACT =
      Pattern.compile("[\\p{L}\\p{N}]+(?:[._:/\\\\-]+[\\p{L}\\p{N}]+)*");

  @Test
  void codesStayWholeAndTrailingSeparatorsAreLeftOut() {
    assertThat(tokens("Error E-STOR-2358: see ERR_TOO_MANY_REDIRECTS, 0x80070005... /var/log/"))
        .containsExactly(
            "Error", "E-STOR-2358", "see", "ERR_TOO_MANY_REDIRECTS", "0x80070005", "var/log");
    assertThat(tokens("C:\\Windows\\System32 v1.2.3-rc ² Ⅻ café naïve"))
        .containsExactly("C:\\Windows\\System32", "v1.2.3-rc", "²", "Ⅻ", "café", "naïve");
    assertThat(tokens("-- .. __ ")).isEmpty();
  }

  @Property(tries = 2000)
  void tokensAreThePatternsMatches(@ForAll("texts") String text) {
    List<String> expected = new ArrayList<>();
    Matcher m = CONTRACT.matcher(text);
    while (m.find()) {
      expected.add(m.group());
    }
    assertThat(tokens(text)).isEqualTo(expected);
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> pieces =
        Arbitraries.oneOf(
            Arbitraries.of(
                "a", "Z", "7", "é", "ǅ", "ʰ", "²", "Ⅻ", "数", "٣", "𝐀", "😀", "\uD800", "\uDC00",
                ".", "_", ":", "/", "\\", "-", " ", ",", "@", "`", "{", "\n", "\u00A0", "·"),
            Arbitraries.strings().ofMaxLength(3));
    return pieces.list().ofMaxSize(30).map(l -> String.join("", l));
  }

  private static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    CodeTokens.forEach(text, (start, end) -> out.add(text.substring(start, end)));
    return out;
  }
}
