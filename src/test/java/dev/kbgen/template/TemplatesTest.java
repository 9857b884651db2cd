package dev.kbgen.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplatesTest {
  @TempDir Path tmp;

  /**
   * A tag left open makes Pebble read to the end of the file, which it names as the character NUL:
   * that character would reach the terminal and the preview's overlay.
   */
  @Test
  void anExpressionLeftOpenIsReportedWithoutControlCharacters() throws Exception {
    Files.writeString(
        tmp.resolve("page.peb"), "<p>one</p>\n{{ broken( \n<p>three</p>\n", StandardCharsets.UTF_8);
    TemplateException e =
        catchThrowableOfType(() -> new Templates(tmp).compile("page.peb"), TemplateException.class);
    assertThat(e.error().file()).isEqualTo("page.peb");
    assertThat(e.error().message())
        .contains("the end of the file: a tag or expression above is not closed")
        .doesNotContain("\u0000");
  }
}
