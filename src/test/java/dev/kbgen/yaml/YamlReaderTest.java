package dev.kbgen.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbgen.yaml.YamlNode.Entry;
import dev.kbgen.yaml.YamlNode.YamlList;
import dev.kbgen.yaml.YamlNode.YamlMap;
import dev.kbgen.yaml.YamlNode.YamlScalar;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YamlReaderTest {

  private static YamlMap map(String yaml, int firstLine) {
    YamlReader.Result r = YamlReader.read(yaml, firstLine);
    assertThat(r.error()).as("error").isNull();
    assertThat(r.ok()).isTrue();
    assertThat(r.root()).isInstanceOf(YamlMap.class);
    return (YamlMap) r.root();
  }

  private static YamlScalar scalar(YamlMap map, String key) {
    return (YamlScalar) map.get(key).orElseThrow();
  }

  private static YamlError error(String yaml, int firstLine) {
    YamlReader.Result r = YamlReader.read(yaml, firstLine);
    assertThat(r.ok()).as("expected an error for:\n" + yaml).isFalse();
    assertThat(r.root()).isNull();
    return r.error();
  }

  @Test
  void marksAreFileLinesAndColumns() {
    // The front matter starts on line 2 of the file, after the opening '---'.
    YamlMap m = map("id: KB-1\ntags:\n  - sync\n  -   login\ntitle:   Hello\n", 2);
    assertThat(m.mark()).isEqualTo(new Mark(2, 1));
    Entry id = m.entry("id").orElseThrow();
    assertThat(id.keyMark()).isEqualTo(new Mark(2, 1));
    assertThat(id.value().mark()).isEqualTo(new Mark(2, 5));
    Entry tags = m.entry("tags").orElseThrow();
    assertThat(tags.keyMark()).isEqualTo(new Mark(3, 1));
    YamlList list = (YamlList) tags.value();
    assertThat(list.items())
        .extracting(YamlNode::mark)
        .containsExactly(new Mark(4, 5), new Mark(5, 7));
    assertThat(scalar(m, "title").mark()).isEqualTo(new Mark(6, 10));
  }

  @Test
  void aValueThatACommentCutsShortIsAWarningAtTheHash() {
    YamlReader.Result r =
        YamlReader.read(
            "id: KB-1\ntitle: C# SDK #2 fails\nsummary: #1 cause\ntags:\n  - sync #general\n", 2);
    assertThat(r.ok()).isTrue();
    assertThat(scalar((YamlMap) r.root(), "title").value()).isEqualTo("C# SDK");
    assertThat(r.warnings())
        .containsExactly(
            new YamlError(
                new Mark(3, 15),
                "the value is cut to 'C# SDK': '#2 fails' is read as a YAML comment",
                "put the whole value in quotes: \"C# SDK #2 fails\" (a comment goes on a line of"
                    + " its own)"),
            new YamlError(
                new Mark(4, 10),
                "the value is empty: '#1 cause' is read as a YAML comment",
                "put the whole value in quotes: \"#1 cause\" (a comment goes on a line of its"
                    + " own)"),
            new YamlError(
                new Mark(6, 10),
                "the value is cut to 'sync': '#general' is read as a YAML comment",
                "put the whole value in quotes: \"sync #general\" (a comment goes on a line of"
                    + " its own)"));
  }

  @Test
  void aQuoteOrBracketLeftOpenIsReportedWhereItOpens() {
    // The quote is ended by the next quote, lines later: the parser complains there.
    YamlError quote = error("id: KB-1\ntitle: \"Sync paused\ntags: [sync]\nsummary: \"x\"\n", 2);
    assertThat(quote.mark()).isEqualTo(new Mark(3, 8));
    assertThat(quote.message()).isEqualTo("the quote opened here is not closed on this line");
    YamlError bracket = error("id: KB-1\ntags: [sync, windows\nupdated: 2026-01-01\n", 2);
    assertThat(bracket.mark()).isEqualTo(new Mark(3, 7));
    assertThat(bracket.message()).isEqualTo("the '[' opened here is not closed on this line");
    assertThat(bracket.hint()).contains("quote a value that starts with '['");
    // a value over several lines on purpose, and a Windows path ending in a backslash: the
    // parser's own message, where it is
    YamlError later =
        error("tags: [desktop-client,\n  windows, macos]\nseverity: degraded: x\n", 7);
    assertThat(later.mark().line()).isEqualTo(9);
    assertThat(later.message()).contains("mapping values are not allowed");
    assertThat(error("a: \"Delete C:\\Temp\\Orbitly\\\"\n", 2).message())
        .doesNotContain("opened here");
    // closed on their lines, escaped and doubled quotes included: the parser's own message
    YamlError other = error("a: \"x \\\" y\"\nb: 'it''s'\nc: [1, 2]\nd: e: f\n", 1);
    assertThat(other.mark().line()).isEqualTo(4);
    assertThat(other.message()).doesNotContain("opened here");
  }

  @Test
  void commentsWrittenAsCommentsAndQuotedValuesAreNoWarning() {
    YamlReader.Result r =
        YamlReader.read(
            "# the article\nproduct: sync  # the desktop client\ntitle: \"C# SDK #2\" #x\n"
                + "tags: [a, b] #x\nsummary: Use C# here\nempty: # to do\n",
            2);
    assertThat(r.ok()).isTrue();
    assertThat(r.warnings()).isEmpty();
    assertThat(scalar((YamlMap) r.root(), "summary").value()).isEqualTo("Use C# here");
  }

  @Test
  void entriesKeepFileOrder() {
    YamlMap m = map("b: 1\na: 2\nc: 3\n", 1);
    assertThat(m.entries()).extracting(Entry::key).containsExactly("b", "a", "c");
  }

  @ParameterizedTest(name = "{0} stays text")
  @CsvSource(
      delimiter = '|',
      value = {
        "no|no",
        "yes|yes",
        "on|on",
        "off|off",
        "1.10|1.10",
        "2026-11-21|2026-11-21",
        "0x1F|0x1F",
        "010|010",
        "1_000|1_000",
        "1e3|1e3",
        ".nan|.nan",
        "12:30:00|12:30:00",
        "NO|NO"
      })
  void yaml11ValuesStayText(String written, String expected) {
    YamlScalar s = scalar(map("v: " + written + "\n", 1), "v");
    assertThat(s.value()).isEqualTo(expected);
    assertThat(s.plain()).isTrue();
    assertThat(s.isNull()).isFalse();
    assertThat(s.kind()).isEqualTo("text");
  }

  @Test
  void nullsAreMarkedAndQuotedNullIsText() {
    YamlMap m = map("a:\nb: ~\nc: null\nd: 'null'\ne: \"\"\n", 1);
    for (String key : new String[] {"a", "b", "c"}) {
      assertThat(scalar(m, key).isNull()).as(key).isTrue();
      assertThat(scalar(m, key).value()).as(key).isEmpty();
      assertThat(scalar(m, key).kind()).as(key).isEqualTo("empty");
    }
    assertThat(scalar(m, "d").isNull()).isFalse();
    assertThat(scalar(m, "d").value()).isEqualTo("null");
    assertThat(scalar(m, "d").plain()).isFalse();
    assertThat(scalar(m, "e").isNull()).isFalse();
  }

  @Test
  void unicodeValuesAreKept() {
    YamlMap m = map("title: 无法登录 — «ça» 🚀\n", 1);
    assertThat(scalar(m, "title").value()).isEqualTo("无法登录 — «ça» 🚀");
  }

  @Test
  void emptyDocumentIsOkWithoutRoot() {
    YamlReader.Result r = YamlReader.read("", 2);
    assertThat(r.ok()).isTrue();
    assertThat(r.root()).isNull();
    assertThat(YamlReader.read("# only a comment\n", 2).root()).isNull();
  }

  @Test
  void fullWidthColonAfterAKeyIsPointedAt() {
    // The parser only notices on the next line; the writer has to fix the colon.
    YamlError e = error("id: KB-1\nsummary\uFF1A 磁盘已满时同步暂停。\ntype: troubleshooting\n", 2);
    assertThat(e.mark()).isEqualTo(new Mark(3, 8));
    assertThat(e.message()).isEqualTo("full-width colon '\uFF1A' after 'summary'");
    assertThat(e.hint()).contains("'summary: '").contains("half-width");
    YamlError last = error("id: KB-1\nupdated\uFF1A2026-11-22\n", 2);
    assertThat(last.mark()).isEqualTo(new Mark(3, 8));
  }

  @Test
  void fullWidthSpaceAfterAColonIsPointedAt() {
    YamlError e = error("id:\u3000KB-1\ntitle: \"同步暂停\"\n", 2);
    assertThat(e.mark()).isEqualTo(new Mark(2, 4));
    assertThat(e.message()).isEqualTo("full-width space after 'id:'");
    YamlError indent = error("tags:\n  - sync\n\u3000 - login\nid: KB-1\n", 2);
    assertThat(indent.mark()).isEqualTo(new Mark(4, 1));
    assertThat(indent.message()).isEqualTo("full-width space in the indentation");
  }

  @Test
  void fullWidthCommaWhereTheParserStopsIsNamed() {
    YamlError e = error("id: KB-1\nerror_codes: [\"0x80070005\"\uFF0CORB-SYNC-1301]\n", 2);
    assertThat(e.mark()).isEqualTo(new Mark(3, 27));
    assertThat(e.hint()).startsWith("'\uFF0C' is full-width punctuation; write ','");
  }

  @Test
  void quoteClosedWithAFullWidthQuoteIsPointedAt() {
    // Without the closing quote the text runs on to the next '"', lines later.
    YamlError e = error("id: KB-1\ntitle: \"同步暂停\u201D\nsummary: x\napplies_to: [\"5.x\"]\n", 2);
    assertThat(e.mark()).isEqualTo(new Mark(3, 13));
    assertThat(e.message())
        .isEqualTo("the quote opened on this line is closed with a full-width '\u201D'");
    YamlMap fine = map("title: \"提示\u201C拒绝访问\u201D\"\n", 2);
    assertThat(scalar(fine, "title").value()).isEqualTo("提示\u201C拒绝访问\u201D");
  }

  @Test
  void fullWidthColonInAValueIsText() {
    YamlMap m = map("title: 同步暂停：拒绝访问\nsummary: |\n  注意：先退出\n", 2);
    assertThat(scalar(m, "title").value()).isEqualTo("同步暂停：拒绝访问");
  }

  @Test
  void duplicateKeyNamesBothLines() {
    YamlError e = error("id: KB-1\ntitle: One\nupdated: 2026-01-01\ntitle: Two\n", 2);
    assertThat(e.mark()).isEqualTo(new Mark(5, 1));
    assertThat(e.message()).isEqualTo("duplicate key 'title' (first on line 3)");
    assertThat(e.hint()).contains("keep one 'title:' line");
  }

  @Test
  void duplicateKeyInNestedMapIsFound() {
    YamlError e = error("title:\n  en: A\n  zh: B\n  en: C\n", 1);
    assertThat(e.mark()).isEqualTo(new Mark(4, 3));
    assertThat(e.message()).isEqualTo("duplicate key 'en' (first on line 2)");
  }

  @Test
  void aliasBombIsRefusedQuicklyWithAClearMessage() {
    StringBuilder yaml = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    char prev = 'a';
    for (char c = 'b'; c <= 'j'; c++) {
      yaml.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        yaml.append(i == 0 ? "" : ", ").append('*').append(prev);
      }
      yaml.append("]\n");
      prev = c;
    }
    long start = System.nanoTime();
    YamlError e = error(yaml.toString(), 2);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(took).isLessThan(Duration.ofSeconds(2));
    assertThat(e.message()).containsIgnoringCase("aliases");
    assertThat(e.hint()).isEqualTo("front matter does not need YAML aliases; write the values out");
    assertThat(e.mark().line()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void aSingleAliasToAListIsRefusedAtTheAlias() {
    YamlError e = error("tags: &t [sync, login]\naliases: *t\n", 2);
    assertThat(e.message()).isEqualTo("a YAML alias repeats a list or map");
    // SnakeYAML shares the anchored node, so the mark is the anchor's (line 2) or the alias's.
    assertThat(e.mark().line()).isBetween(2, 3);
    assertThat(e.hint()).contains("does not need YAML aliases");
  }

  @Test
  void scalarAliasesAreHarmless() {
    YamlMap m = map("a: &x hello\nb: *x\n", 1);
    assertThat(scalar(m, "b").value()).isEqualTo("hello");
  }

  @Test
  void deepNestingIsRefused() {
    String yaml = "a: " + "[".repeat(200) + "]".repeat(200) + "\n";
    YamlError e = error(yaml, 1);
    assertThat(e.message()).isNotBlank();
    assertThat(e.hint()).isNotBlank();
  }

  @Test
  void tooLargeTextIsRefusedBeforeParsing() {
    YamlError e = error("a: " + "x".repeat(YamlReader.MAX_CHARS), 2);
    assertThat(e.mark()).isEqualTo(new Mark(2, 1));
    assertThat(e.message()).contains("larger than");
  }

  @Test
  void tabIndentationHasTheTabHint() {
    YamlError e = error("id: KB-1\ntags:\n\t- sync\n", 2);
    assertThat(e.mark().line()).isEqualTo(4);
    assertThat(e.mark().column()).isEqualTo(1);
    assertThat(e.hint()).isEqualTo("indent with spaces, not tabs");
    assertThat(e.message()).doesNotContain("\n");
  }

  @Test
  void characterYamlDoesNotAllowIsLocated() {
    YamlError e = error("id: KB-1\ntitle: \"🚀 ok\"\nsummary: \"ab\uFFFF\"\n", 2);
    assertThat(e.mark()).isEqualTo(new Mark(4, 13));
    assertThat(e.message()).isEqualTo("character U+FFFF is not allowed in YAML");
    assertThat(e.hint()).contains("remove");
    YamlError control = error("id: \u0001\n", 2);
    assertThat(control.mark()).isEqualTo(new Mark(2, 5));
    assertThat(control.message()).contains("U+0001");
  }

  @Test
  void colonInPlainValueHasAQuoteHint() {
    YamlError e = error("id: KB-1\ntitle: Error: access denied\n", 2);
    assertThat(e.mark()).isEqualTo(new Mark(3, 13));
    assertThat(e.message()).isEqualTo("mapping values are not allowed here");
    assertThat(e.hint()).contains("quotes");
  }

  @Test
  void unclosedQuoteIsAnErrorWithALocation() {
    YamlError e = error("id: KB-1\ntitle: \"never closed\nupdated: 2026-01-01\n", 2);
    assertThat(e.mark().line()).isBetween(3, 5);
    assertThat(e.message()).isNotBlank().doesNotContain("\n");
  }

  @Test
  void complexKeysAreRefused() {
    YamlError e = error("? [a, b]\n: c\n", 1);
    assertThat(e.message()).isEqualTo("a key must be a plain word");
  }
}
