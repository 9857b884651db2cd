package dev.kbgen.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Turns renderer output into the structure the theme and the search use: admonitions in one markup
 * for both syntaxes, level-2 sections, headings and plain text.
 */
public final class HtmlPostProcessor {
  /** The admonition kinds, as written in {@code > [!NOTE]}. */
  public static final List<String> ADMONITIONS =
      List.of("note", "tip", "important", "warning", "caution");

  /**
   * Query parameter that the renderer adds to a link into another language; replaced here by {@code
   * hreflang} and the {@code lang-fallback} class.
   */
  public static final String FALLBACK_MARK = "kbgen-fallback-lang=";

  static final Pattern GITHUB_MARKER =
      Pattern.compile(
          "^\\s*\\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)]\\s*", Pattern.CASE_INSENSITIVE);

  // The selectors, parsed once.
  private static final Evaluator HIDDEN_ICONS = QueryParser.parse("svg.adm-hidden");
  private static final Evaluator PLAINTEXT = QueryParser.parse("plaintext");
  private static final Evaluator NESTED_LINKS = QueryParser.parse("a a");
  private static final Evaluator HEADINGS =
      QueryParser.parse("h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]");
  private static final Evaluator QUOTES = QueryParser.parse("blockquote");
  private static final Evaluator BLOCKS = QueryParser.parse("div.adm-block");
  private static final Evaluator BLOCK_TITLE = QueryParser.parse(".adm-heading span");
  private static final Evaluator BLOCK_BODY = QueryParser.parse(".adm-body");
  private static final Evaluator FALLBACK_LINKS =
      QueryParser.parse("a[href*=" + FALLBACK_MARK + "]");
  private static final Evaluator TASK_CHECKBOXES =
      QueryParser.parse("li.task-list-item input[type=checkbox]");
  private static final Evaluator LISTS = QueryParser.parse("ul, ol");
  private static final Evaluator CODE_BLOCKS = QueryParser.parse("pre");
  private static final Evaluator TABLES = QueryParser.parse("table");

  /** The class of the element a table scrolls in. */
  public static final String TABLE_WRAP = "table-wrap";

  private HtmlPostProcessor() {}

  /**
   * @param html the renderer's HTML
   * @param admonitionTitles the title of each admonition kind in the article's language
   */
  public static HtmlBody process(String html, Map<String, String> admonitionTitles) {
    return process(html, admonitionTitles, RawHtml.SANITIZE);
  }

  /**
   * @param html the renderer's HTML, raw HTML included
   * @param admonitionTitles the title of each admonition kind in the article's language
   * @param rawHtml whether the HTML goes through the {@link Sanitizer}'s allow-list
   */
  public static HtmlBody process(
      String html, Map<String, String> admonitionTitles, RawHtml rawHtml) {
    return process(html, admonitionTitles, rawHtml, true);
  }

  /**
   * @param html the renderer's HTML
   * @param admonitionTitles the title of each admonition kind in the article's language
   * @param rawHtml whether the HTML goes through the {@link Sanitizer}'s allow-list
   * @param hasRawHtml whether the article has raw HTML, or the HTML is the renderer's own markup
   */
  public static HtmlBody process(
      String html, Map<String, String> admonitionTitles, RawHtml rawHtml, boolean hasRawHtml) {
    if (!hasRawHtml) {
      // Most bodies are the renderer's plain markup, which is taken apart without parsing it.
      HtmlBody own = OwnMarkup.read(html, admonitionTitles);
      if (own != null) {
        return own;
      }
    }
    return parsed(html, admonitionTitles, rawHtml, hasRawHtml);
  }

  /**
   * {@link #process} through jsoup, whatever the markup: the reference that bodies taken apart
   * without it ({@link OwnMarkup}) are held to.
   */
  public static HtmlBody parsed(
      String html, Map<String, String> admonitionTitles, RawHtml rawHtml, boolean hasRawHtml) {
    Document doc = Jsoup.parseBodyFragment(html, Sanitizer.CHECK_BASE);
    doc.outputSettings().prettyPrint(false).charset("UTF-8").escapeMode(Entities.EscapeMode.base);
    // Without raw HTML, a pass below runs only when the renderer's markup has what it looks for
    // (most articles have no admonition, quote or fallback link; every pass walks the whole tree).
    // Raw HTML can spell the same in other ways (upper case, entities), so it gets every pass.
    if (hasRawHtml || html.contains("adm-hidden")) {
      doc.body().select(HIDDEN_ICONS).remove(); // flexmark's icons for its admonition markup
    }
    if (rawHtml == RawHtml.SANITIZE) {
      doc = Sanitizer.clean(doc, hasRawHtml);
    } else {
      doc.setBaseUri("");
      // Obsolete and never closed: the rest of the page would become its text.
      doc.body().select(PLAINTEXT).tagName("pre");
    }
    Element body = doc.body();
    // A link inside a link (raw <a> around a Markdown link) would be split when parsed again.
    body.select(NESTED_LINKS).unwrap();
    if (hasRawHtml || html.contains("<blockquote")) {
      githubAdmonitions(body, admonitionTitles);
    }
    if (hasRawHtml || html.contains("adm-block")) {
      blockAdmonitions(body, admonitionTitles);
    }
    if (hasRawHtml || html.contains(FALLBACK_MARK)) {
      fallbackLinks(body);
    }
    if (hasRawHtml || html.contains("task-list-item")) {
      taskCheckboxes(body);
    }
    if (hasRawHtml || html.contains("<pre")) {
      // A code block wider than the screen scrolls inside itself: from the keyboard too.
      for (Element pre : body.select(CODE_BLOCKS)) {
        pre.attr("tabindex", "0");
      }
    }
    if (hasRawHtml || html.contains("<table")) {
      // A table wider than the screen scrolls inside a wrapper, which the keyboard can reach; the
      // table itself stays a table (one made a scrolling block loses its rows and columns in some
      // screen readers).
      for (Element table : body.select(TABLES)) {
        Element parent = table.parent();
        if (parent != null && parent.hasClass(TABLE_WRAP) && parent.childrenSize() == 1) {
          parent.attr("tabindex", "0");
        } else {
          table.wrap("<div class=\"" + TABLE_WRAP + "\" tabindex=\"0\"></div>");
        }
      }
    }

    List<HtmlHeading> headings = new ArrayList<>();
    for (Element h : body.select(HEADINGS)) {
      headings.add(new HtmlHeading(h.tagName().charAt(1) - '0', h.text(), h.id()));
    }

    // Each top-level node is written once: the body's HTML is the sections' HTML joined. The
    // nodes then move (not copied) into one element per section, for the sections' text.
    StringBuilder bodyHtml = new StringBuilder();
    StringBuilder part = new StringBuilder();
    String intro = null;
    String introText = null;
    List<HtmlSection> sections = new ArrayList<>();
    String heading = null;
    String anchor = null;
    Document holder = Document.createShell("");
    holder.outputSettings(doc.outputSettings());
    Element current = holder.body().appendElement("div");
    for (Node child : new ArrayList<>(body.childNodes())) {
      String outer = child.outerHtml();
      bodyHtml.append(outer);
      if (child instanceof Element e && e.tagName().equals("h2")) {
        if (heading == null) {
          intro = part.toString().strip();
          introText = text(current).strip();
        } else {
          sections.add(new HtmlSection(heading, anchor, part.toString().strip(), text(current)));
        }
        heading = e.text();
        anchor = e.id();
        part.setLength(0);
        current = holder.body().appendElement("div");
      } else {
        part.append(outer);
        current.appendChild(child);
      }
    }
    if (heading == null) {
      intro = part.toString().strip();
      introText = text(current).strip();
    } else {
      sections.add(new HtmlSection(heading, anchor, part.toString().strip(), text(current)));
    }
    return new HtmlBody(bodyHtml.toString(), intro, introText, sections, headings);
  }

  /**
   * A part's text as it reads: a table's cells kept apart by " · " (a search result's excerpt read
   * "Code Message in the client What it means" for a table's header row). The part is only read
   * here; its HTML was taken before.
   */
  private static String text(Element part) {
    for (Element row : part.select("tr")) {
      Elements cells = row.children();
      for (int i = 0; i < cells.size() - 1; i++) {
        cells.get(i).appendText(" ·");
      }
    }
    return part.text();
  }

  private static void fallbackLinks(Element body) {
    for (Element a : body.select(FALLBACK_LINKS)) {
      String href = a.attr("href");
      int at = href.indexOf(FALLBACK_MARK);
      if (at < 1) {
        continue; // the selector ignores case; the renderer writes the mark after '?' or '&'
      }
      String lang = href.substring(at + FALLBACK_MARK.length()).replaceAll("[&#].*", "");
      String rest = href.substring(at + FALLBACK_MARK.length() + lang.length());
      String base = href.substring(0, at - 1);
      if (rest.startsWith("&")) {
        rest = (base.contains("?") ? "&" : "?") + rest.substring(1);
      }
      a.attr("href", base + rest).attr("hreflang", lang).addClass("lang-fallback");
    }
  }

  /**
   * A task item's checkbox is named by the item's own text (not its nested lists), which the
   * renderer writes next to it rather than in a label.
   */
  private static void taskCheckboxes(Element body) {
    for (Element box : body.select(TASK_CHECKBOXES)) {
      if (box.hasAttr("aria-label") || box.hasAttr("aria-labelledby")) {
        continue;
      }
      Element item = box.parent();
      StringBuilder text = new StringBuilder();
      for (Node n : item.childNodes()) {
        if (n instanceof TextNode t) {
          text.append(t.getWholeText());
        } else if (n instanceof Element e && !e.is(LISTS)) {
          text.append(e.tagName().equals("br") ? " " : e.text());
        }
      }
      String name = text.toString().replaceAll("[\\s\\u00A0]+", " ").strip();
      if (!name.isEmpty()) {
        box.attr("aria-label", name);
      }
    }
  }

  /** {@code > [!NOTE]} blockquotes (GitHub's syntax, the documented one). */
  private static void githubAdmonitions(Element body, Map<String, String> titles) {
    for (Element quote : body.select(QUOTES)) {
      Element first = quote.firstElementChild();
      if (first == null || !first.tagName().equals("p") || first.childNodeSize() == 0) {
        continue;
      }
      if (!(first.childNode(0) instanceof TextNode text)) {
        continue;
      }
      Matcher m = GITHUB_MARKER.matcher(text.getWholeText());
      if (!m.find()) {
        continue;
      }
      String kind = m.group(1).toLowerCase(Locale.ROOT);
      text.text(text.getWholeText().substring(m.end()));
      if (first.text().isBlank() && first.children().isEmpty()) {
        first.remove();
      } else if (first.childNode(0) instanceof Element br && br.tagName().equals("br")) {
        br.remove();
      }
      quote.replaceWith(admonition(kind, titles.getOrDefault(kind, kind), quote.childNodes()));
    }
  }

  /** {@code !!! note "Title"} blocks (flexmark's admonition extension), kept readable. */
  private static void blockAdmonitions(Element body, Map<String, String> titles) {
    for (Element block : body.select(BLOCKS)) {
      String kind =
          block.classNames().stream()
              .filter(c -> c.startsWith("adm-") && !c.equals("adm-block"))
              .map(c -> c.substring(4))
              .findFirst()
              .orElse("note");
      if (!ADMONITIONS.contains(kind)) {
        kind =
            switch (kind) {
              case "danger", "error", "failure", "bug" -> "caution";
              case "info", "abstract", "summary", "example", "quote", "question" -> "note";
              case "hint", "success" -> "tip";
              default -> "note";
            };
      }
      Element heading = block.selectFirst(BLOCK_TITLE);
      String title = heading != null && !heading.text().isBlank() ? heading.text() : null;
      Element content = block.selectFirst(BLOCK_BODY);
      List<Node> nodes = content == null ? List.of() : content.childNodes();
      block.replaceWith(
          admonition(kind, title != null ? title : titles.getOrDefault(kind, kind), nodes));
    }
  }

  private static Element admonition(String kind, String title, List<Node> content) {
    Element div = new Element("div").addClass("admonition").addClass(kind).attr("role", "note");
    div.appendElement("p").addClass("admonition-title").text(title);
    for (Node n : new ArrayList<>(content)) {
      div.appendChild(n.clone());
    }
    return div;
  }
}
