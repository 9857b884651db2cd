package dev.kbgen.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kbgen.config.SectionNames;
import dev.kbgen.html.HtmlBody;
import dev.kbgen.html.HtmlPostProcessor;
import dev.kbgen.html.OwnMarkup;
import dev.kbgen.html.RawHtml;
import dev.kbgen.problem.Problems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Bodies taken apart without an HTML parser ({@link OwnMarkup}) are what jsoup makes of them
 * ({@link HtmlPostProcessor#parsed}), byte for byte, and the markup that needs jsoup is left to it.
 */
class OwnMarkupTest {
  private static final MarkdownRenderer RENDERER = new MarkdownRenderer(SectionNames.defaults());
  private static final Map<String, String> TITLES =
      Map.of(
          "note",
          "Note",
          "tip",
          "Tip",
          "important",
          "Important",
          "warning",
          "Warning",
          "caution",
          "Caution");

  /**
   * @return whether the body was taken apart without jsoup
   */
  private static boolean holdsToJsoup(String markdown) {
    String html = RENDERER.flexmarkHtml(markdown);
    HtmlBody own = OwnMarkup.read(html, TITLES);
    if (own == null) {
      return false;
    }
    assertThat(own)
        .as("%s%n---%n%s", markdown, html)
        .isEqualTo(HtmlPostProcessor.parsed(html, TITLES, RawHtml.SANITIZE, false))
        .isEqualTo(HtmlPostProcessor.parsed(html, TITLES, RawHtml.TRUSTED, false));
    return true;
  }

  @Property(tries = 2000)
  void anyDocumentIsTakenApartAsJsoupDoes(@ForAll("documents") String markdown) {
    Statistics.collect(holdsToJsoup(markdown) ? "without jsoup" : "through jsoup");
  }

  /** As an article's body, its links resolved: into the other language, broken, to an image. */
  @Property(tries = 1000)
  void anyArticleBodyIsTakenApartAsJsoupDoes(
      @ForAll("documents") String markdown, @ForAll boolean chinese) {
    MarkdownGoldenTest.Scoped scoped =
        MarkdownGoldenTest.scoped(chinese ? "zh-own" : "own", markdown, new Problems());
    String html = RENDERER.flexmarkHtml(scoped.article(), scoped.links());
    HtmlBody own = OwnMarkup.read(html, scoped.admonitionTitles());
    if (own != null) {
      assertThat(own)
          .as("%s%n---%n%s", markdown, html)
          .isEqualTo(
              HtmlPostProcessor.parsed(html, scoped.admonitionTitles(), RawHtml.SANITIZE, false));
    }
    Statistics.collect(own != null ? "without jsoup" : "through jsoup");
  }

  @Example
  void plainBodiesAreTakenApartWithoutJsoup() {
    List<String> plain =
        List.of(
            "Intro with \"quotes\", \\<angles> & 'apostrophes'.\n\n## Symptom\n\nIt fails.\n",
            "## Cause\n\n| Code | Meaning |\n|:-----|-------:|\n| `429` | Too *many* |\n",
            "## Resolution\n\n1. Open **Settings**.\n2. Run:\n\n   ```sh\n   rm -rf \"$HOME/x\"\n   ```\n",
            "## 原因\n\n同步&nbsp;暂停了。![截图](images/a.png \"标题\")\n\n---\n\n> 引用\n",
            "See [the guide](other.md#part \"A <title>\") and https://example.com/a?b=1&c=2.\n",
            "> [!NOTE]\n> Sync pauses.\n\n> [!warning] **Deleting** it\n\n> > [!TIP]\n> > Nested.\n",
            "- [ ] Sign out\n- [x] Clear the **browser** cache\n  - [ ] In `Settings`\n",
            "A footnote[^1].\n\n[^1]: Here.\n",
            "[x](other.md?kbgen-fallback-lang=zh#cause) [y](a.md?v=1&kbgen-fallback-lang=zh&b=2)\n");
    for (String markdown : plain) {
      assertThat(holdsToJsoup(markdown)).as(markdown).isTrue();
    }
  }

  @Example
  void markupThatAPassChangesGoesThroughJsoup() {
    List<String> others =
        List.of(
            "!!! warning \"Disk full\"\n    Free space.\n",
            "[x](javascript:alert(1))\n",
            "![x](data:text/html,hi)\n",
            "Code \u0001 in text\n");
    for (String markdown : others) {
      assertThat(holdsToJsoup(markdown)).as(markdown).isFalse();
    }
  }

  @Example
  void markupTheParserWouldChangeIsLeftToIt() {
    List<String> changed =
        List.of(
            "<p><a href=\"a\">x <a href=\"b\">y</a></a></p>",
            "<p>x<ul><li>y</li></ul></p>",
            "<table><tr><td>x</td></tr></table>",
            "<table>text<tbody><tr><td>x</td></tr></tbody></table>",
            "<pre>\nx</pre>",
            "<p>&copy;</p>",
            "<p>&#128;</p>",
            "<p>a\rb</p>",
            "<p>x</em></p>",
            "<p>unclosed",
            "<div>no class</div>",
            "<p><input type=\"checkbox\" /></p>",
            "<p><a href=\"x\" href=\"y\">twice</a></p>",
            "<p><a href=\"vbscript:x\">s</a></p>",
            "<p><img src=\"x.png?kbgen-fallback-lang=zh\" /></p>",
            "<p>x</p></#root>",
            "<p>&#+65; &#x+41;</p>",
            "<p>&#\u0666\u0665;</p>",
            "<p><input type=\"checkbox\" class=\"disabled\" /></p>",
            "<p><a href=\"caf\u00E9:x\">x</a></p>",
            "<p><a href=\"\uFF41:b\">x</a></p>");
    for (String html : changed) {
      assertThat(OwnMarkup.read(html, TITLES)).as(html).isNull();
    }
  }

  @Example
  void theSampleArticlesAreTakenApartAsJsoupDoes() throws IOException {
    int own = checkArticles(Path.of("content"));
    assertThat(own).isGreaterThan(20);
  }

  @Example
  void theRealCorpusIsTakenApartAsJsoupDoes() throws IOException {
    Path corpus = Path.of(System.getProperty("kbgen.corpus", "../shared/corpus")).toAbsolutePath();
    assumeTrue(Files.isDirectory(corpus), "real corpus not found at " + corpus + ": skipped");
    int own = checkArticles(corpus);
    assertThat(own).isGreaterThan(1000);
  }

  /**
   * @return how many of the articles under a folder were taken apart without jsoup
   */
  private static int checkArticles(Path root) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
    int own = 0;
    for (Path f : files) {
      if (holdsToJsoup(body(Files.readString(f, StandardCharsets.UTF_8)))) {
        own++;
      }
    }
    return own;
  }

  /** The text after a front matter block. */
  private static String body(String text) {
    if (text.startsWith("---\n")) {
      int end = text.indexOf("\n---", 4);
      if (end > 0) {
        int next = text.indexOf('\n', end + 4);
        return next < 0 ? "" : text.substring(next + 1);
      }
    }
    return text;
  }

  // Documents made of the constructs articles use, with the characters that need care.

  @Provide
  Arbitrary<String> documents() {
    return block().list().ofMinSize(1).ofMaxSize(7).map(b -> String.join("\n\n", b) + "\n");
  }

  private Arbitrary<String> block() {
    return Arbitraries.oneOf(
        inline().map(s -> s),
        Combinators.combine(Arbitraries.integers().between(1, 6), inline())
            .as((level, text) -> "#".repeat(level) + " " + text),
        inline().map(s -> "## " + s),
        inline().list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("\n", l)),
        inline().list().ofMinSize(2).ofMaxSize(2).map(l -> l.get(0) + "  \n" + l.get(1)),
        list(),
        table(),
        code(),
        quote(),
        Arbitraries.of("---", "***", "    indented <code> & \"more\"\n    second line"),
        Arbitraries.of(
            "!!! note \"Title\"\n    Body of it.",
            "- [ ] task one\n- [x] task two",
            "Text[^1].\n\n[^1]: A note.",
            "Term<br>break",
            "<div>raw</div>",
            "- > [!NOTE]\n  > in a list",
            "> [!TIP]\n> ## Heading in a note\n>\n> | a | b |\n> |---|---|\n> | c | d |",
            "- [ ] a | b\n  | x | y |\n  |---|---|\n  | 1 | 2 |",
            "Text[^a].\n\n[^a]: P1.\n\n    P2 `code`.\n\n    - list\n\n"
                + "[^b]: | t | u |\n    |---|---|\n    | 1 | 2 |",
            "> > [!WARNING]\n> > inner\n> [!TIP] lazy",
            ">  [!NOTE]\\\n> after a hard break",
            "> [!CAUTION]   \n> x",
            "> [!note]",
            "> **[!NOTE]** x",
            "1. [ ] a",
            "- [ ] ",
            "- [ ] a  \n  b\n  - [ ] nested *em* `code`",
            "- [ ] a\n\n  b\n- [ ] c",
            "## ",
            "### ![only](images/tray.png)",
            "## Dup\n\n## Dup",
            "Setext\n------",
            "*_*_a_*_*"));
  }

  private Arbitrary<String> list() {
    Arbitrary<String> item = inline();
    return Combinators.combine(
            item.list().ofMinSize(1).ofMaxSize(4),
            Arbitraries.of("- ", "* ", "1. ", "3. ", "1) "),
            Arbitraries.of("\n", "\n\n"),
            Arbitraries.of("", "\n  - nested " + "item", "\n\n  more text", "\n  ```\n  x\n  ```"))
        .as(
            (items, marker, sep, tail) -> {
              List<String> lines = new ArrayList<>();
              for (String i : items) {
                lines.add(marker + i);
              }
              return String.join(sep, lines) + tail;
            });
  }

  private Arbitrary<String> table() {
    return Combinators.combine(
            Arbitraries.of("|:--|--:|", "|---|:-:|", "| --- | --- |"),
            cell().list().ofMinSize(2).ofMaxSize(2),
            cell().list().ofMinSize(2).ofMaxSize(6))
        .as(
            (align, head, cells) -> {
              StringBuilder t = new StringBuilder();
              t.append("| ").append(head.get(0)).append(" | ").append(head.get(1)).append(" |\n");
              t.append(align);
              for (int i = 0; i + 1 < cells.size(); i += 2) {
                t.append("\n| ").append(cells.get(i)).append(" | ").append(cells.get(i + 1));
                t.append(" |");
              }
              return t.toString();
            });
  }

  private Arbitrary<String> cell() {
    return Arbitraries.of(
        "plain", "`429`", "**bold**", "a \\| b", "", "<x>", "&amp;", "中文", "[l](a.md)", "~~old~~");
  }

  private Arbitrary<String> code() {
    return Combinators.combine(
            Arbitraries.of("```", "```sh", "```text {.x}", "~~~"),
            Arbitraries.of(
                "echo \"<hi>\" & 'x'",
                "\nleading blank line",
                "tab\there",
                "错误 0x80070005",
                "&nbsp; &copy;"))
        .as((fence, body) -> fence + "\n" + body + "\n" + fence.substring(0, 3));
  }

  private Arbitrary<String> quote() {
    return Combinators.combine(
            Arbitraries.of("", "[!NOTE]\n> ", "[!tip] ", "[x] ", "**Note:** "), inline())
        .as((marker, text) -> "> " + marker + text);
  }

  private Arbitrary<String> inline() {
    return Arbitraries.of(
            "plain words",
            "Error E-SYNC-1301 (0x80070005)",
            "同步暂停了，请重试。",
            "*emphasis* and **strong** and ~~struck~~",
            "`code <with> & \"quotes\"`",
            "a < b > c & d \" e ' f",
            "[link](other.md)",
            "[anchor](#symptom)",
            "[query](https://example.com/a?b=1&c=\"2\" \"Title & <more>\")",
            "[mail](mailto:help@example.com)",
            "[phone](tel:+1-555)",
            "[ftp](ftp://example.com/x)",
            "[rel](//cdn.example.com/x)",
            "[odd](foo:bar)",
            "[spaced](<my file.md>)",
            "![alt \"q\"](images/a.png \"t\")",
            "![data](data:image/png;base64,AAAA)",
            "<https://example.com/auto>",
            "www.example.com and help@example.com",
            "[[KB-1001]] and [[KB-1002|text]]",
            "&nbsp;&copy;&#0;&#x41;&amp;&unknown;",
            "\\*not emphasis\\* \\<x\\>",
            "zero\u200Bwidth soft\u00ADhyphen non\u00A0breaking",
            "emoji 😀 and tab\there",
            "control\u0001char",
            "carriage\rreturn",
            "[!NOTE] not in a quote",
            "trailing backslash\\",
            "[other](other-article.md) [translated](other-article.md#body)",
            "[fallback](../account/only-chinese.md#原因) [[KB-1003|the cause]] [[KB-1003]]",
            "[[KB-1002]] [[KB-404]] [broken](missing.md) [sp](<other article.md>)",
            "![tray](images/tray.png \"Tray\") [up](https://e.com/?KBGEN-FALLBACK-LANG=zh)",
            "[x](café:x) [y](ａ:b) [h](https:x) [t](Tel:+1) [e]() [c](#) [u](url:https://x)",
            "&#128; &#xFFFE; &#xD800; &#1114111; &#x1F600;")
        .list()
        .ofMinSize(1)
        .ofMaxSize(3)
        .map(l -> String.join(" ", l));
  }
}
