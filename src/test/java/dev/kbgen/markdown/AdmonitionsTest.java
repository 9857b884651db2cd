package dev.kbgen.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.ext.admonition.AdmonitionExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Asking the admonition parser only about lines with a marker renders what flexmark renders. */
class AdmonitionsTest {
  private static final List<String> LINES =
      List.of(
          "!!! note",
          "!!! warning \"Disk full\"",
          "???+ tip \"Open\"",
          "??? info",
          "!!!note",
          "!! note",
          "  !!! note \"indented\"",
          "    !!! note \"code\"",
          "- !!! note",
          "- item",
          "  !!! tip",
          "> !!! note",
          "    Body of the block.",
          "        nested code",
          "Text with !!! inside.",
          "1. step",
          "```",
          "",
          "");

  private static final Parser GUARDED = Flexmark.parser(new Admonitions());
  private static final Parser FLEXMARK = Flexmark.parser(AdmonitionExtension.create());
  private static final HtmlRenderer RENDERER = Flexmark.renderer(AdmonitionExtension.create());

  @Property(tries = 500)
  void anyMixOfMarkersAndBlocksParsesAsWithoutTheGuard(@ForAll("documents") String markdown) {
    String guarded = RENDERER.render(GUARDED.parse(markdown));
    String flexmark = RENDERER.render(FLEXMARK.parse(markdown));
    assertThat(guarded).isEqualTo(flexmark);
  }

  @Example
  void theBlocksAreStillFound() {
    String html = RENDERER.render(GUARDED.parse("!!! warning \"Disk full\"\n    Free space.\n"));
    assertThat(html).contains("adm-warning").contains("Disk full").contains("Free space.");
  }

  @Provide
  Arbitrary<String> documents() {
    return Arbitraries.of(LINES).list().ofMaxSize(12).map(l -> String.join("\n", l) + "\n");
  }
}
