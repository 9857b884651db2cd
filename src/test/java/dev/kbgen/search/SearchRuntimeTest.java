package dev.kbgen.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchRuntimeTest {
  @Test
  void commentLinesAreLeftOutAndCodeIsKeptAsWritten() {
    String js =
        """
        /*! the runtime
            on two lines */
        (function (W) {
          // a comment line
          var RE = /[a-z]+(?:[./]+[a-z]+)*/gu, URL = 'http://example.com'; // after code: kept
          /* one line */
          /* a comment with code after it */ var b = 1;
          var c = 2; /* after code: kept */
          /* two
             lines */ var d = 3;
        })(this);
        """;
    assertThat(SearchRuntime.withoutCommentLines(js))
        .isEqualTo(
            """
            (function (W) {
              var RE = /[a-z]+(?:[./]+[a-z]+)*/gu, URL = 'http://example.com'; // after code: kept
             var b = 1;
              var c = 2; /* after code: kept */
             var d = 3;
            })(this);
            """);
  }

  @Test
  void theShippedRuntimeIsSmallerAndKeepsEveryLineOfCode() throws IOException {
    String shipped = new String(SearchRuntime.load().orElseThrow(), StandardCharsets.UTF_8);
    assertThat(shipped).doesNotContain("1. Analysis (search-format").startsWith("(function (W) {");
    assertThat(shipped).contains("W.kbgen.search = search;").endsWith("\n");
    assertThat(shipped.lines().filter(l -> l.strip().startsWith("//"))).isEmpty();
    // every line of code is there, as written
    String source;
    try (var in = SearchRuntime.class.getResourceAsStream("kbgen-search.js")) {
      source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> shippedLines = shipped.lines().filter(l -> !l.isBlank()).toList();
    assertThat(shippedLines).hasSizeGreaterThan(500);
    assertThat(shippedLines).containsExactlyElementsOf(codeLines(source));
  }

  /**
   * The lines of a script that are not comments, told apart by hand: a line that starts with "//",
   * and the lines from one that starts with a block comment to the line that ends it.
   */
  private static List<String> codeLines(String source) {
    List<String> out = new java.util.ArrayList<>();
    boolean inBlock = false;
    for (String line : source.lines().toList()) {
      String t = line.strip();
      if (inBlock) {
        inBlock = !t.contains("*/");
      } else if (t.startsWith("/*")) {
        inBlock = !t.contains("*/");
      } else if (!t.startsWith("//") && !t.isEmpty()) {
        out.add(line);
      }
    }
    return out;
  }
}
