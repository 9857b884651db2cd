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
}
