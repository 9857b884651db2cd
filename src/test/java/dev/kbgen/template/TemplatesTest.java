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
   * A tag left open makes Pebble read to the end of the file, which it names as the character NUL
   * at the file's last line: the writer is shown the line where the tag was opened instead, and no
   * control character reaches the terminal or the preview's overlay.
   */
  @Test
  void aTagLeftOpenIsReportedWhereItWasOpened() throws Exception {
    Files.writeString(
        tmp.resolve("page.peb"), "<p>one</p>\n{{ broken( \n<p>three</p>\n", StandardCharsets.UTF_8);
    // a closing delimiter inside a string does not close; an earlier tag closed fine
    Files.writeString(
        tmp.resolve("tag.peb"),
        "{% if x %}\n<p>{{ \"}}\" }}</p>\n{# a comment's \"quote #}\n{% for a in b\n<p>x</p>\n",
        StandardCharsets.UTF_8);
    TemplateException e =
        catchThrowableOfType(() -> new Templates(tmp).compile("page.peb"), TemplateException.class);
    assertThat(e.error())
        .isEqualTo(
            new TemplateError(
                "page.peb",
                2,
                "\"{{ broken(\" is not closed: \"}}\" is missing before the end of the file"));
    e = catchThrowableOfType(() -> new Templates(tmp).compile("tag.peb"), TemplateException.class);
    assertThat(e.error())
        .isEqualTo(
            new TemplateError(
                "tag.peb",
                4,
                "\"{% for a in b\" is not closed: \"%}\" is missing before the end of the file"));
  }

  /** Where the file cannot be read again, Pebble's place stays, said without the NUL. */
  @Test
  void theEndOfTheFileIsSaidInWords() {
    assertThat(Templates.readable("Unexpected character [\u0000]"))
        .isEqualTo(
            "Unexpected character [the end of the file: a tag or expression above is not closed]");
    assertThat(Templates.unclosed("{{ a }} {% b %} {# c #}")).isNull();
  }
}
