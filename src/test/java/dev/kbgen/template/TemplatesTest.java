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
                "\"{{ broken(\" is not closed: \"}}\" is missing before the end of the file",
                "close it with \"}}\" where it ends, or remove it"));
    e = catchThrowableOfType(() -> new Templates(tmp).compile("tag.peb"), TemplateException.class);
    assertThat(e.error())
        .isEqualTo(
            new TemplateError(
                "tag.peb",
                4,
                "\"{% for a in b\" is not closed: \"%}\" is missing before the end of the file",
                "close it with \"%}\" where it ends, or remove it"));
  }

  /** Where the file cannot be read again, Pebble's place stays, said without the NUL. */
  @Test
  void theEndOfTheFileIsSaidInWords() {
    assertThat(Templates.readable("Unexpected character [\u0000]"))
        .isEqualTo(
            "Unexpected character [the end of the file: a tag or expression above is not closed]");
    assertThat(Templates.unclosed("{{ a }} {% b %} {# c #}")).isNull();
    // and a name that does not exist without the Java class it was looked up on
    assertThat(
            Templates.readable(
                "Attribute [headline] of [dev.kbgen.site.Views$ArticleView] does not exist or can not"
                    + " be accessed and strict variables is set to true."))
        .isEqualTo("attribute 'headline' does not exist");
    assertThat(
            Templates.readable(
                "Root attribute [headline] does not exist or can not be accessed and strict variables"
                    + " is set to true."))
        .isEqualTo("there is no variable 'headline'");
  }

  /** A mistake's hint fits it: syntax, or a variable that does not exist. */
  @Test
  void eachMistakeHasItsOwnHint() throws Exception {
    Files.writeString(
        tmp.resolve("syntax.peb"), "<p>{{ a }} }</p>\n{% if %}\n", StandardCharsets.UTF_8);
    Files.writeString(
        tmp.resolve("name.peb"), "<p>{{ page.headline }}</p>\n", StandardCharsets.UTF_8);
    Templates templates = new Templates(tmp);
    assertThat(
            catchThrowableOfType(() -> templates.compile("syntax.peb"), TemplateException.class)
                .error()
                .hint())
        .isEqualTo("fix the template's syntax");
    TemplateException missing =
        catchThrowableOfType(
            () -> templates.render("name.peb", java.util.Map.of("page", java.util.Map.of())),
            TemplateException.class);
    assertThat(missing.error().line()).isEqualTo(1);
    assertThat(missing.error().hint())
        .isEqualTo("every variable a template uses must exist (strict variables): check its name");
  }
}
