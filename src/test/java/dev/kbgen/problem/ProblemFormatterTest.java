package dev.kbgen.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemFormatterTest {
  private static final Source FILE =
      Source.of(
          "content/zh/login/blank-page.md",
          "---\nid: KB-1\ntitle: Blank page\nupdated: 2026-13-01\n---\n");

  @Test
  void compilerStyleWithCaretUnderTheColumnAndHint() {
    Problem p = FILE.error(4, 10, "'updated' is not a real date: 2026-13-01", "write YYYY-MM-DD");
    assertThat(ProblemFormatter.format(p))
        .isEqualTo(
            """
            content/zh/login/blank-page.md:4:10: error: 'updated' is not a real date: 2026-13-01
                updated: 2026-13-01
                         ^
              hint: write YYYY-MM-DD
            """);
  }

  @Test
  void caretInTheFirstColumn() {
    Problem p = FILE.warning(3, 1, "unknown key", "");
    assertThat(ProblemFormatter.format(p))
        .isEqualTo(
            """
            content/zh/login/blank-page.md:3:1: warning: unknown key
                title: Blank page
                ^
            """);
  }

  @Test
  void detailComesBeforeTheHint() {
    Problem p =
        FILE.problem(Severity.INFO, 2, 5, "id is short", "ids are shown to customers", "ok");
    assertThat(ProblemFormatter.format(p))
        .isEqualTo(
            """
            content/zh/login/blank-page.md:2:5: info: id is short
                id: KB-1
                    ^
              ids are shown to customers
              hint: ok
            """);
  }

  @Test
  void lineWithoutColumnHasNoCaret() {
    Problem p = FILE.error(3, 0, "no tags", "add tags");
    assertThat(ProblemFormatter.format(p))
        .isEqualTo(
            """
            content/zh/login/blank-page.md:3: error: no tags
                title: Blank page
              hint: add tags
            """);
  }

  @Test
  void wholeFileProblemHasNoExcerpt() {
    Problem p = FILE.error(0, 0, "not a text file", "");
    assertThat(ProblemFormatter.format(p))
        .isEqualTo("content/zh/login/blank-page.md: error: not a text file\n");
  }

  @Test
  void caretPastTheEndOfTheLineStopsAtTheEnd() {
    Problem p = FILE.error(2, 40, "x", "");
    assertThat(ProblemFormatter.format(p).lines().toList())
        .containsExactly(
            "content/zh/login/blank-page.md:2:40: error: x", "    id: KB-1", "            ^");
  }

  @Test
  void aLongLineIsShownAroundTheColumn() {
    String words = "word ".repeat(4000);
    Source s = Source.of("a.md", words + "[x](nope.md) " + words + "\n");
    Problem p = s.error(1, 20_001, "link to 'nope.md': no such article", "");
    List<String> lines = ProblemFormatter.format(p).lines().toList();
    assertThat(lines.get(1))
        .isEqualTo(
            "    ..."
                + words.substring(20_000 - 40, 20_000)
                + ("[x](nope.md) " + words).substring(0, 80)
                + "...");
    assertThat(lines.get(2)).isEqualTo("    " + " ".repeat(3 + 40) + "^");
    // near the start or the end, the window keeps to the line
    Problem first = s.error(1, 3, "x", "");
    assertThat(ProblemFormatter.format(first).lines().toList().get(1))
        .isEqualTo("    " + words.substring(0, 120) + "...");
    Problem last = s.error(1, 40_013, "x", "");
    String line = words + "[x](nope.md) " + words;
    assertThat(ProblemFormatter.format(last).lines().toList())
        .element(1)
        .isEqualTo("    ..." + line.substring(line.length() - 120));
  }

  @Test
  void tabsInTheExcerptKeepTheCaretAligned() {
    Source s = Source.of("a.md", "\tkey:\tvalue\n");
    Problem p = s.error(1, 7, "tab", "indent with spaces, not tabs");
    assertThat(ProblemFormatter.format(p))
        .isEqualTo(
            """
            a.md:1:7: error: tab
                 key: value
                      ^
              hint: indent with spaces, not tabs
            """);
  }

  @Test
  void caretIsUnderTheColumnAfterWideCharacters() {
    // Chinese characters take two terminal columns; the caret must still point at the ':'.
    Source s = Source.of("content/zh/a.md", "title: 无法登录: 错误\n");
    Problem p = s.error(1, 12, "mapping values are not allowed here", "quote the title");
    assertThat(ProblemFormatter.format(p))
        .isEqualTo(
            """
            content/zh/a.md:1:12: error: mapping values are not allowed here
                title: 无法登录: 错误
                               ^
              hint: quote the title
            """);
  }

  @Test
  void formatAllConcatenatesAndSummaryCounts() {
    Problem e1 = FILE.error(4, 10, "a", "");
    Problem e2 = FILE.error(0, 0, "b", "");
    Problem w = FILE.warning(3, 1, "c", "");
    Problem i = FILE.problem(Severity.INFO, 0, 0, "d", "", "");
    assertThat(ProblemFormatter.formatAll(List.of(e1, e2)))
        .isEqualTo(ProblemFormatter.format(e1) + ProblemFormatter.format(e2));
    assertThat(ProblemFormatter.formatAll(List.of())).isEmpty();
    assertThat(ProblemFormatter.summary(List.of(e1, e2, w))).isEqualTo("2 errors, 1 warning");
    assertThat(ProblemFormatter.summary(List.of(e1))).isEqualTo("1 error");
    assertThat(ProblemFormatter.summary(List.of(w, w, i, i))).isEqualTo("2 warnings, 2 info");
    assertThat(ProblemFormatter.summary(List.of())).isEmpty();
  }

  @Test
  void problemsSortByFileLineColumn() {
    Problem a = new Problem(Severity.WARNING, "b.md", 1, 1, "x", "", "", "");
    Problem b = new Problem(Severity.ERROR, "a.md", 9, 1, "x", "", "", "");
    Problem c = new Problem(Severity.ERROR, "a.md", 2, 7, "x", "", "", "");
    Problem d = new Problem(Severity.ERROR, "a.md", 2, 3, "x", "", "", "");
    assertThat(List.of(a, b, c, d).stream().sorted(Problem.ORDER).toList())
        .containsExactly(d, c, b, a);
    assertThat(d.location()).isEqualTo("a.md:2:3");
  }

  /** A message may quote control characters (a template engine's NUL): none reaches a terminal. */
  @Test
  void controlCharactersInAMessageAreWrittenOut() {
    Problem p =
        new Problem(Severity.ERROR, "a.peb", 1, 0, "a\u0007b\tc\nd", "x\u0000", "h\u001b[31m", "");
    assertThat(ProblemFormatter.format(p))
        .isEqualTo("a.peb:1: error: a\\u0007b\tc\nd\n  x\\u0000\n  hint: h\\u001B[31m\n");
    assertThat(GithubAnnotations.format(p)).contains("title=a\\u0007b\tc%0Ad").contains("x\\u0000");
  }
}
