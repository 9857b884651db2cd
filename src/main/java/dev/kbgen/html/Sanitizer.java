package dev.kbgen.html;

import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeTraversor;

/**
 * The allow-list raw HTML in articles passes through unless the site trusts it. It keeps formatting
 * (tables, {@code kbd}, {@code sup}, {@code details}...) and everything kbgen's own Markdown output
 * uses (heading ids, classes, task-list checkboxes, footnotes, language-fallback links), and drops
 * what can run code or load active content: {@code script}, {@code iframe}, {@code object}, {@code
 * embed}, {@code style}, {@code form}, {@code on*} and {@code style} attributes, and URLs other
 * than http(s), mailto, in-page and relative ones ({@code data:image} only in an image's {@code
 * src}).
 */
public final class Sanitizer {
  /** A base for resolving relative links while checking their scheme; never written out. */
  static final String CHECK_BASE = "https://kbgen.invalid/";

  private static final Safelist SAFELIST = safelist();

  private Sanitizer() {}

  static Safelist safelist() {
    return Safelist.relaxed()
        .addTags(
            "abbr",
            "bdi",
            "bdo",
            "del",
            "details",
            "dfn",
            "figcaption",
            "figure",
            "hr",
            "input",
            "ins",
            "kbd",
            "mark",
            "rp",
            "rt",
            "ruby",
            "s",
            "samp",
            "section",
            "summary",
            "time",
            "var",
            "wbr")
        .addAttributes(":all", "class", "id", "title", "lang", "dir", "role")
        .addAttributes("a", "hreflang", "rel")
        .addAttributes("td", "align", "colspan", "rowspan")
        .addAttributes("th", "align", "colspan", "rowspan", "scope")
        .addAttributes("details", "open")
        .addAttributes("time", "datetime")
        .addAttributes("img", "loading")
        .addAttributes("input", "type", "checked", "disabled", "readonly")
        .addProtocols("a", "href", "#", "http", "https", "mailto", "tel")
        .addProtocols("img", "src", "http", "https", "data")
        .preserveRelativeLinks(true);
  }

  /**
   * A clean copy of a body fragment parsed with {@link #CHECK_BASE} as its base URI.
   *
   * @param dirty the parsed renderer output
   * @param rawHtml whether the article has raw HTML: only then can the parsed tree differ from the
   *     tree its HTML parses into again (the renderer's own markup parses back the same)
   */
  static Document clean(Document dirty, boolean rawHtml) {
    Document clean = new Cleaner(SAFELIST).clean(dirty);
    clean.outputSettings(dirty.outputSettings());
    // Dropping elements can leave markup that parses differently (a <p> inside a <p> once an
    // <svg> around it is gone): parse the clean HTML again, and clean that, until it is stable.
    // Raw HTML can also parse into a tree that parses differently again (a heading inside a
    // paragraph inside a table); without raw HTML and with nothing dropped the loop is skipped.
    boolean reparse = rawHtml || size(clean.body()) != size(dirty.body());
    for (int i = 0; reparse && i < 3; i++) {
      String html = clean.body().html();
      Document again = Jsoup.parseBodyFragment(html, CHECK_BASE);
      again.outputSettings(dirty.outputSettings());
      if (again.body().html().equals(html)) {
        break;
      }
      clean = new Cleaner(SAFELIST).clean(again);
      clean.outputSettings(dirty.outputSettings());
    }
    clean.setBaseUri("");
    for (Element img : clean.select("img[src]")) {
      String src = img.attr("src").strip().toLowerCase(Locale.ROOT);
      if (src.startsWith("data:") && !src.startsWith("data:image/")) {
        img.removeAttr("src");
      }
    }
    for (Element input : clean.select("input")) {
      if (!input.attr("type").equalsIgnoreCase("checkbox")) {
        input.remove();
      } else {
        input.attr("disabled", true);
      }
    }
    return clean;
  }

  /** The number of nodes and attributes in a tree: what the cleaner would lower by dropping any. */
  private static int size(Element root) {
    int[] n = {0};
    NodeTraversor.traverse(
        (node, depth) -> n[0] += 1 + (node instanceof Element e ? e.attributesSize() : 0), root);
    return n[0];
  }
}
