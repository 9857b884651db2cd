package dev.kbgen.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Asking the autolink post-processor only about text that could hold a link renders the same. */
class AutolinksTest {
  private static final List<String> PIECES =
      List.of(
          "see ",
          "https://example.com/a?b=c",
          "http",
          "://",
          "&#58;",
          "&colon;",
          "&amp;",
          "&#64;",
          "//example.com",
          "support@example.com",
          "user",
          "@",
          "www.example.com",
          "WWW.Example.COM",
          "ww",
          "w.",
          "wwwx",
          "ftp://files.example.com",
          "mailto:someone@example.com",
          "`https://in.code`",
          "[a link](https://example.com)",
          "<https://angle.example.com>",
          "*",
          "_",
          "\\",
          "\\:",
          "'",
          "\"",
          "...",
          " -- ",
          "\n",
          "\n\n",
          "| a | b |\n|---|---|\n| https://x.y | c@d.e |\n",
          "Error E-STOR-2358: ",
          "0x80070005",
          " ");

  private static final Parser GUARDED = Flexmark.parser(new Autolinks(), TablesExtension.create());
  private static final Parser FLEXMARK =
      Flexmark.parser(AutolinkExtension.create(), TablesExtension.create());
  private static final HtmlRenderer RENDERER = Flexmark.renderer(TablesExtension.create());

  @Property(tries = 1000)
  void anyTextLinksAsWithoutTheGuard(@ForAll("documents") String markdown) {
    String guarded = RENDERER.render(GUARDED.parse(markdown));
    String flexmark = RENDERER.render(FLEXMARK.parse(markdown));
    assertThat(guarded).isEqualTo(flexmark);
  }

  @Example
  void bareAddressesStillBecomeLinks() {
    String html =
        RENDERER.render(
            GUARDED.parse("Go to https://example.com or www.example.com, or mail a@example.com."));
    assertThat(html)
        .contains("<a href=\"https://example.com\">")
        .contains("<a href=\"http://www.example.com\">")
        .contains("<a href=\"mailto:a@example.com\">");
  }

  @Provide
  Arbitrary<String> documents() {
    return Arbitraries.of(PIECES).list().ofMaxSize(16).map(l -> String.join("", l));
  }
}
