package dev.kbgen.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
  void theShippedRuntimeIsSmallerAndKeepsEveryLineOfCode() {
    String shipped = new String(SearchRuntime.load().orElseThrow(), StandardCharsets.UTF_8);
    assertThat(shipped).doesNotContain("1. Analysis (search-format").startsWith("(function (W) {");
    assertThat(shipped).contains("W.kbgen.search = search;").endsWith("\n");
    assertThat(shipped.lines().filter(l -> l.strip().startsWith("//"))).isEmpty();
  }
}
