package dev.kbgen.html;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The renderer's own markup taken apart without an HTML parser: what {@link HtmlPostProcessor}
 * makes of a body without raw HTML, byte for byte, in a fraction of the time.
 *
 * <p>Without raw HTML, the renderer writes well-formed markup from a small set of elements and
 * attributes. That markup is read here into a small tree, changed as the post-processor changes it
 * (admonitions from marked quotes, links into another language, named task checkboxes, focusable
 * code blocks, tables in a scrolling wrapper) and written as jsoup writes it (void elements without
 * a slash, {@code "} unescaped in text, boolean attributes bare, {@code &nbsp;}); the sections,
 * headings and plain text are taken as jsoup's {@code Element.text()} takes them. Anything outside
 * that subset (another element or attribute, nesting the HTML parser would change, a URL the
 * sanitizer would drop, a reference other than the few the renderer writes, a control character)
 * makes {@link #read} give up and return null, and the body goes through jsoup. {@code
 * OwnMarkupTest} holds both ways to the same result on generated documents and real articles.
 */
public final class OwnMarkup {
  private static final Set<String> ELEMENTS =
      Set.of(
          "p",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "ul",
          "ol",
          "li",
          "blockquote",
          "pre",
          "code",
          "em",
          "strong",
          "del",
          "a",
          "img",
          "br",
          "hr",
          "table",
          "thead",
          "tbody",
          "tr",
          "th",
          "td",
          "span",
          "sup",
          "input",
          "div");

  private static final Set<String> VOID = Set.of("br", "hr", "img", "input");

  /** Elements that hold only phrasing content: a block inside one is parsed differently. */
  private static final Set<String> PHRASING =
      Set.of(
          "p", "h1", "h2", "h3", "h4", "h5", "h6", "code", "em", "strong", "del", "a", "span",
          "sup", "th", "td");

  /** The elements that may stand in phrasing content. */
  private static final Set<String> INLINE =
      Set.of("code", "em", "strong", "del", "a", "span", "sup", "img", "br", "input");

  /** Elements that jsoup's text extraction treats as blocks (its tag set, for these elements). */
  private static final Set<String> BLOCK =
      Set.of(
          "p",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "br",
          "ul",
          "ol",
          "pre",
          "div",
          "blockquote",
          "hr",
          "del",
          "li",
          "table",
          "thead",
          "tbody",
          "tr",
          "th",
          "td");

  /** Elements whose direct text the parser moves elsewhere unless it is white space. */
  private static final Set<String> TABLE_PARTS = Set.of("table", "thead", "tbody", "tr");

  /** The parent some elements need, so that the parser adds nothing around them. */
  private static final Map<String, Set<String>> PARENTS =
      Map.of(
          "li", Set.of("ul", "ol"),
          "thead", Set.of("table"),
          "tbody", Set.of("table"),
          "tr", Set.of("thead", "tbody"),
          "th", Set.of("tr"),
          "td", Set.of("tr"));

  /** Attributes jsoup writes bare when their value is empty or their own name. */
  private static final Set<String> BOOLEAN = Set.of("checked", "disabled", "readonly");

  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
  private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto", "tel");
  private static final Set<String> IMAGE_SCHEMES = Set.of("http", "https");
  private static final Pattern TASK_LABEL_SPACE = Pattern.compile("[\\s\\u00A0]+");

  private OwnMarkup() {}

  /** A node of the small tree: an element or a text. */
  private abstract static sealed class Node permits Element, Text {
    Element parent;
  }

  private static final class Element extends Node {
    final String name;

    /** Attribute names and decoded values, alternately, in the order written. */
    final List<String> attributes;

    final List<Node> children = new ArrayList<>();

    /** Whether this is the wrapper a table scrolls in, which the renderer did not write. */
    final boolean wrapper;

    Element(String name, List<String> attributes) {
      this(name, attributes, false);
    }

    Element(String name, List<String> attributes, boolean wrapper) {
      this.name = name;
      this.attributes = attributes;
      this.wrapper = wrapper;
    }

    String attribute(String key) {
      for (int i = 0; i < attributes.size(); i += 2) {
        if (attributes.get(i).equals(key)) {
          return attributes.get(i + 1);
        }
      }
      return null;
    }

    /** jsoup's {@code attr(key, value)}: replaced where it stands, or added at the end. */
    void set(String key, String value) {
      for (int i = 0; i < attributes.size(); i += 2) {
        if (attributes.get(i).equals(key)) {
          attributes.set(i + 1, value);
          return;
        }
      }
      attributes.add(key);
      attributes.add(value);
    }

    boolean hasClass(String name) {
      String classes = attribute("class");
      if (classes == null) {
        return false;
      }
      for (String c : classes.trim().split("\\s+")) {
        if (c.equalsIgnoreCase(name)) {
          return true;
        }
      }
      return false;
    }

    /** jsoup's {@code addClass}: the class names joined by single spaces, this one added. */
    void addClass(String name) {
      String classes = attribute("class");
      Set<String> names = new LinkedHashSet<>();
      if (classes != null) {
        names.addAll(List.of(classes.trim().split("\\s+")));
        names.remove("");
      }
      names.add(name);
      set("class", String.join(" ", names));
    }

    void add(Node child) {
      child.parent = this;
      children.add(child);
    }
  }

  private static final class Text extends Node {
    String text;

    Text(String text) {
      this.text = text;
    }
  }

  /** Thrown on anything outside the subset; caught in {@link #read}. */
  private static final class Outside extends Exception {
    Outside() {
      super(null, null, false, false);
    }
  }

  /** One instance: it carries nothing (no message, no stack trace). */
  private static final Outside OUTSIDE = new Outside();

  /**
   * The body as the post-processor gives it, or null when the markup is not the renderer's own (the
   * caller then goes through jsoup).
   *
   * @param html the renderer's HTML of a body without raw HTML
   * @param admonitionTitles the title of each admonition kind in the article's language
   */
  public static HtmlBody read(String html, Map<String, String> admonitionTitles) {
    Element root;
    try {
      root = parse(html);
      admonitions(root, admonitionTitles);
    } catch (Outside e) {
      return null;
    }
    taskCheckboxes(root, false);
    return takeApart(root);
  }

  // Reading.

  private static Element parse(String html) throws Outside {
    Element root = new Element("#root", List.of());
    Element current = root;
    StringBuilder text = new StringBuilder();
    int n = html.length();
    int i = 0;
    while (i < n) {
      char c = html.charAt(i);
      if (c == '<') {
        flush(text, current);
        if (i + 1 < n && html.charAt(i + 1) == '/') {
          int end = i + 2 + current.name.length();
          if (end >= n
              || html.charAt(end) != '>'
              || !html.regionMatches(i + 2, current.name, 0, current.name.length())) {
            throw OUTSIDE;
          }
          if (current.parent == null) {
            throw OUTSIDE;
          }
          current = current.parent;
          if (current.wrapper) {
            current = current.parent;
          }
          i = end + 1;
          continue;
        }
        int j = i + 1;
        while (j < n && isNameChar(html.charAt(j))) {
          j++;
        }
        String name = html.substring(i + 1, j);
        if (!ELEMENTS.contains(name)) {
          throw OUTSIDE;
        }
        List<String> attributes = new ArrayList<>(6);
        boolean selfClosed = false;
        while (true) {
          if (j >= n) {
            throw OUTSIDE;
          }
          char d = html.charAt(j);
          if (d == '>') {
            j++;
            break;
          }
          if (d == '/' && j + 1 < n && html.charAt(j + 1) == '>') {
            selfClosed = true;
            j += 2;
            break;
          }
          if (d != ' ') {
            throw OUTSIDE;
          }
          j++;
          if (j < n && (html.charAt(j) == '/' || html.charAt(j) == '>')) {
            continue; // <br />
          }
          int keyStart = j;
          while (j < n && isNameChar(html.charAt(j))) {
            j++;
          }
          String key = html.substring(keyStart, j);
          if (key.isEmpty() || !html.startsWith("=\"", j)) {
            throw OUTSIDE;
          }
          int valueEnd = html.indexOf('"', j + 2);
          if (valueEnd < 0) {
            throw OUTSIDE;
          }
          for (int k = 0; k < attributes.size(); k += 2) {
            if (attributes.get(k).equals(key)) {
              throw OUTSIDE; // jsoup would keep the first of two
            }
          }
          attributes.add(key);
          attributes.add(decode(html, j + 2, valueEnd));
          j = valueEnd + 1;
        }
        boolean isVoid = VOID.contains(name);
        if (selfClosed && !isVoid) {
          throw OUTSIDE;
        }
        Element e = element(name, attributes);
        enter(current, e);
        if (name.equals("table")) {
          // a table wider than the screen scrolls in a wrapper the keyboard reaches
          Element wrap =
              new Element(
                  "div",
                  new ArrayList<>(List.of("class", HtmlPostProcessor.TABLE_WRAP, "tabindex", "0")),
                  true);
          current.add(wrap);
          wrap.add(e);
        } else {
          current.add(e);
        }
        if (!isVoid) {
          current = e;
        }
        i = j;
      } else if (c == '&') {
        int semi = html.indexOf(';', i);
        if (semi < 0) {
          throw OUTSIDE;
        }
        text.appendCodePoint(reference(html, i + 1, semi));
        i = semi + 1;
      } else {
        if (c < 0x20 && c != '\n' && c != '\t') {
          // jsoup writes other control characters as references, and reads a carriage return as
          // a line feed
          throw OUTSIDE;
        }
        text.append(c);
        i++;
      }
    }
    flush(text, current);
    if (current != root) {
      throw OUTSIDE;
    }
    return root;
  }

  private static boolean isNameChar(char c) {
    return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-';
  }

  /**
   * An element with its attributes checked against what the sanitizer keeps and the post-processor
   * leaves as it is, and changed as they change it.
   */
  private static Element element(String name, List<String> attributes) throws Outside {
    for (int k = 0; k < attributes.size(); k += 2) {
      String key = attributes.get(k);
      String value = attributes.get(k + 1);
      checkPairs(value);
      boolean allowed =
          switch (key) {
            case "id" -> true;
            case "class" ->
                !name.equals("div") || value.equals("footnotes"); // not an admonition block
            case "href" -> name.equals("a") && safeUrl(value, LINK_SCHEMES);
            case "src" ->
                name.equals("img")
                    && !value.contains(HtmlPostProcessor.FALLBACK_MARK)
                    && safeUrl(value, IMAGE_SCHEMES);
            case "title" -> name.equals("a") || name.equals("img");
            case "alt" -> name.equals("img");
            case "start" -> name.equals("ol");
            case "align" -> name.equals("th") || name.equals("td");
            case "type" -> name.equals("input") && value.equals("checkbox");
            case "checked", "disabled", "readonly" -> name.equals("input") && value.equals(key);
            default -> false;
          };
      if (!allowed) {
        throw OUTSIDE;
      }
    }
    if (name.equals("input") && !hasKey(attributes, "disabled")) {
      throw OUTSIDE; // the sanitizer would add it
    }
    if (name.equals("div") && !hasKey(attributes, "class")) {
      throw OUTSIDE;
    }
    Element e = new Element(name, attributes);
    if (name.equals("pre")) {
      e.set("tabindex", "0"); // a code block wider than the screen scrolls from the keyboard
    }
    String href = e.attribute("href");
    int at = href == null ? -1 : href.indexOf(HtmlPostProcessor.FALLBACK_MARK);
    if (at >= 1) {
      fallbackLink(e, href, at);
    }
    return e;
  }

  private static boolean hasKey(List<String> attributes, String key) {
    for (int i = 0; i < attributes.size(); i += 2) {
      if (attributes.get(i).equals(key)) {
        return true;
      }
    }
    return false;
  }

  /** A link into another language: its mark made {@code hreflang} and a class, as jsoup's pass. */
  private static void fallbackLink(Element a, String href, int at) {
    String mark = HtmlPostProcessor.FALLBACK_MARK;
    String after = href.substring(at + mark.length());
    int cut = 0;
    while (cut < after.length() && after.charAt(cut) != '&' && after.charAt(cut) != '#') {
      cut++;
    }
    String lang = after.substring(0, cut);
    String rest = after.substring(cut);
    String base = href.substring(0, at - 1);
    if (rest.startsWith("&")) {
      rest = (base.contains("?") ? "&" : "?") + rest.substring(1);
    }
    a.set("href", base + rest);
    a.set("hreflang", lang);
    a.addClass("lang-fallback");
  }

  /** Checks that the parser would put {@code child} into {@code parent} as it stands. */
  private static void enter(Element parent, Element child) throws Outside {
    Set<String> parents = PARENTS.get(child.name);
    if (parents != null ? !parents.contains(parent.name) : TABLE_PARTS.contains(parent.name)) {
      throw OUTSIDE;
    }
    if (PHRASING.contains(parent.name) && !INLINE.contains(child.name)
        || parent.name.equals("pre") && !child.name.equals("code")) {
      throw OUTSIDE;
    }
    if (child.name.equals("a")) {
      for (Element p = parent; p != null; p = p.parent) {
        if (p.name.equals("a")) {
          throw OUTSIDE; // a link in a link is split by the parser
        }
      }
    }
  }

  private static void flush(StringBuilder text, Element current) throws Outside {
    if (text.isEmpty()) {
      return;
    }
    String s = text.toString();
    text.setLength(0);
    if ((TABLE_PARTS.contains(current.name)
                || current.name.equals("ul")
                || current.name.equals("ol"))
            && !s.isBlank()
        || current.name.equals("pre")) {
      // the parser moves text in a table outside its cells, and drops a line break opening a pre
      throw OUTSIDE;
    }
    checkPairs(s);
    current.add(new Text(s));
  }

  private static String decode(String html, int start, int end) throws Outside {
    StringBuilder out = new StringBuilder(end - start);
    int i = start;
    while (i < end) {
      char c = html.charAt(i);
      if (c == '&') {
        int semi = html.indexOf(';', i);
        if (semi < 0 || semi >= end) {
          throw OUTSIDE;
        }
        out.appendCodePoint(reference(html, i + 1, semi));
        i = semi + 1;
      } else if (c < 0x20 || c == '<') {
        throw OUTSIDE;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /**
   * The character a reference stands for: the few names the renderer writes, and numbers that jsoup
   * reads as themselves (not control characters, surrogates or the Windows-1252 range).
   */
  private static int reference(String html, int start, int end) throws Outside {
    String name = html.substring(start, end);
    switch (name) {
      case "amp":
        return '&';
      case "lt":
        return '<';
      case "gt":
        return '>';
      case "quot":
        return '"';
      case "nbsp":
        return 0xA0;
      default:
        break;
    }
    if (name.length() < 2 || name.length() > 8 || name.charAt(0) != '#') {
      throw OUTSIDE;
    }
    boolean hex = name.charAt(1) == 'x' || name.charAt(1) == 'X';
    int from = hex ? 2 : 1;
    if (from == name.length()) {
      throw OUTSIDE;
    }
    int cp = 0;
    for (int i = from; i < name.length(); i++) {
      int digit = Character.digit(name.charAt(i), hex ? 16 : 10);
      if (digit < 0 || name.charAt(i) > 'f') {
        throw OUTSIDE; // ASCII digits only, no sign
      }
      cp = cp * (hex ? 16 : 10) + digit;
    }
    boolean plain =
        cp >= 0x20 && cp < 0x7F
            || cp >= 0xA0 && cp < 0xD800
            || cp >= 0xE000 && cp <= 0xFFFD
            || cp >= 0x10000 && cp <= 0x10FFFF;
    if (!plain) {
      throw OUTSIDE;
    }
    return cp;
  }

  /** Rules out lone surrogates, which jsoup writes as references. */
  private static void checkPairs(String s) throws Outside {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw OUTSIDE;
      }
    }
  }

  /**
   * A URL that the sanitizer keeps as it is: in-page, relative (resolved against an https base) or
   * with an allowed scheme, with nothing the URL parser could stumble on.
   */
  private static boolean safeUrl(String url, Set<String> schemes) {
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c <= ' ' || c == '\\' || c == 0x7F || c == '\u00A0') {
        return false;
      }
    }
    if (url.startsWith("//")) {
      return false;
    }
    Matcher m = SCHEME.matcher(url);
    int colon = url.indexOf(':');
    if (colon >= 0 && !m.find()) {
      // a colon before the path: Java's URL parser takes letters of any script for a scheme
      int path = url.length();
      for (char c : new char[] {'/', '?', '#'}) {
        int at = url.indexOf(c);
        if (at >= 0 && at < path) {
          path = at;
        }
      }
      return colon > path;
    }
    if (colon >= 0) {
      String scheme = m.group().substring(0, m.group().length() - 1).toLowerCase(Locale.ROOT);
      return schemes.contains(scheme) && url.length() > m.end();
    }
    return true;
  }

  // The post-processor's passes that change the tree.

  /**
   * Quotes that start with {@code [!NOTE]} and the like become admonitions, as {@code
   * HtmlPostProcessor.githubAdmonitions} makes them (a quote inside one that is made an admonition
   * stays a quote there too).
   */
  private static void admonitions(Element e, Map<String, String> titles) throws Outside {
    for (int i = 0; i < e.children.size(); i++) {
      if (!(e.children.get(i) instanceof Element child)) {
        continue;
      }
      Element admonition = child.name.equals("blockquote") ? admonition(child, titles) : null;
      if (admonition == null) {
        admonitions(child, titles);
      } else {
        e.children.set(i, admonition);
        admonition.parent = e;
      }
    }
  }

  private static Element admonition(Element quote, Map<String, String> titles) {
    Element first = null;
    for (Node n : quote.children) {
      if (n instanceof Element el) {
        first = el;
        break;
      }
    }
    if (first == null
        || !first.name.equals("p")
        || first.children.isEmpty()
        || !(first.children.get(0) instanceof Text text)) {
      return null;
    }
    Matcher m = HtmlPostProcessor.GITHUB_MARKER.matcher(text.text);
    if (!m.find()) {
      return null;
    }
    String kind = m.group(1).toLowerCase(Locale.ROOT);
    text.text = text.text.substring(m.end());
    if (text(first).isBlank() && !hasElementChild(first)) {
      quote.children.remove(first);
    }
    Element div =
        new Element("div", new ArrayList<>(List.of("class", "admonition " + kind, "role", "note")));
    Element title = new Element("p", new ArrayList<>(List.of("class", "admonition-title")));
    title.add(new Text(titles.getOrDefault(kind, kind)));
    div.add(title);
    for (Node n : quote.children) {
      div.add(n);
    }
    return div;
  }

  private static boolean hasElementChild(Element e) {
    for (Node n : e.children) {
      if (n instanceof Element) {
        return true;
      }
    }
    return false;
  }

  /**
   * A task item's checkbox is named by the item's own text, as {@code
   * HtmlPostProcessor.taskCheckboxes} names it.
   */
  private static void taskCheckboxes(Element e, boolean inTask) {
    boolean task = inTask || e.name.equals("li") && e.hasClass("task-list-item");
    for (Node n : e.children) {
      if (n instanceof Element child) {
        if (task && child.name.equals("input") && child.attribute("aria-label") == null) {
          StringBuilder label = new StringBuilder();
          for (Node sibling : e.children) {
            if (sibling instanceof Text t) {
              label.append(t.text);
            } else if (sibling instanceof Element s
                && !s.name.equals("ul")
                && !s.name.equals("ol")) {
              label.append(s.name.equals("br") ? " " : text(s));
            }
          }
          String name = TASK_LABEL_SPACE.matcher(label).replaceAll(" ").strip();
          if (!name.isEmpty()) {
            child.set("aria-label", name);
          }
        }
        taskCheckboxes(child, task);
      }
    }
  }

  // Writing, as jsoup writes without pretty-printing, in its base escape mode, in UTF-8.

  private static void write(Node node, StringBuilder out) {
    if (node instanceof Text t) {
      escape(t.text, out, false);
      return;
    }
    Element e = (Element) node;
    String name = e.name;
    out.append('<').append(name);
    for (int i = 0; i < e.attributes.size(); i += 2) {
      String key = e.attributes.get(i);
      String value = e.attributes.get(i + 1);
      out.append(' ').append(key);
      if (!(BOOLEAN.contains(key) && (value.isEmpty() || value.equalsIgnoreCase(key)))) {
        out.append("=\"");
        escape(value, out, true);
        out.append('"');
      }
    }
    out.append('>');
    if (!VOID.contains(name)) {
      for (Node child : e.children) {
        write(child, out);
      }
      out.append("</").append(name).append('>');
    }
  }

  private static void escape(String s, StringBuilder out, boolean attribute) {
    int from = 0; // the characters before i that need no escaping are copied at once
    for (int i = 0; i < s.length(); i++) {
      String escaped =
          switch (s.charAt(i)) {
            case '&' -> "&amp;";
            case '\u00A0' -> "&nbsp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> attribute ? "&quot;" : null;
            default -> null;
          };
      if (escaped != null) {
        out.append(s, from, i).append(escaped);
        from = i + 1;
      }
    }
    out.append(s, from, s.length());
  }

  private static String outerHtml(Node node) {
    StringBuilder out = new StringBuilder();
    write(node, out);
    return out.toString();
  }

  // Taking apart, as HtmlPostProcessor.process does.

  private static HtmlBody takeApart(Element root) {
    List<HtmlHeading> headings = new ArrayList<>();
    collectHeadings(root, headings);

    StringBuilder bodyHtml = new StringBuilder();
    StringBuilder part = new StringBuilder();
    String intro = null;
    String introText = null;
    List<HtmlSection> sections = new ArrayList<>();
    String heading = null;
    String anchor = null;
    Element current = new Element("div", List.of());
    for (Node child : root.children) {
      String outer = outerHtml(child);
      bodyHtml.append(outer);
      if (child instanceof Element e && e.name.equals("h2")) {
        if (heading == null) {
          intro = part.toString().strip();
          introText = sectionText(current).strip();
        } else {
          sections.add(
              new HtmlSection(heading, anchor, part.toString().strip(), sectionText(current)));
        }
        heading = text(e);
        String id = e.attribute("id");
        anchor = id == null ? "" : id;
        part.setLength(0);
        current = new Element("div", List.of());
      } else {
        part.append(outer);
        current.add(child); // moved, as the post-processor moves it
      }
    }
    if (heading == null) {
      intro = part.toString().strip();
      introText = sectionText(current).strip();
    } else {
      sections.add(new HtmlSection(heading, anchor, part.toString().strip(), sectionText(current)));
    }
    return new HtmlBody(bodyHtml.toString(), intro, introText, sections, headings);
  }

  private static void collectHeadings(Element e, List<HtmlHeading> into) {
    for (Node n : e.children) {
      if (n instanceof Element child) {
        String id = child.attribute("id");
        if (id != null
            && child.name.length() == 2
            && child.name.charAt(0) == 'h'
            && child.name.charAt(1) >= '1'
            && child.name.charAt(1) <= '6') {
          into.add(new HtmlHeading(child.name.charAt(1) - '0', text(child), id));
        }
        collectHeadings(child, into);
      }
    }
  }

  /**
   * A part's text with a table's cells kept apart by " ·", as {@code HtmlPostProcessor.text} keeps
   * them: the mark is a text added at the end of each cell but the last of its row.
   */
  private static String sectionText(Element part) {
    markCells(part);
    return text(part);
  }

  private static void markCells(Element e) {
    Element previous = null;
    for (Node n : e.children) {
      if (n instanceof Element child) {
        if (e.name.equals("tr")) {
          if (previous != null) {
            previous.add(new Text(" ·"));
          }
          previous = child;
        }
        markCells(child);
      }
    }
  }

  /** jsoup's {@code Element.text()}: white space normalised, a space between blocks, trimmed. */
  private static String text(Element e) {
    StringBuilder accum = new StringBuilder();
    // The element's own head adds nothing to an empty text, and what its tail adds is trimmed.
    accumulate(e, accum);
    return accum.toString().trim();
  }

  /** jsoup's text accumulator: the head and tail of each node below an element, depth first. */
  private static void accumulate(Element e, StringBuilder accum) {
    List<Node> children = e.children;
    for (int i = 0; i < children.size(); i++) {
      Node node = children.get(i);
      if (node instanceof Text t) {
        if (preservesWhitespace(e)) {
          accum.append(t.text);
        } else {
          appendNormalised(accum, t.text, lastIsSpace(accum));
        }
        continue;
      }
      Element child = (Element) node;
      boolean block = BLOCK.contains(child.name);
      if (accum.length() > 0 && block && !lastIsSpace(accum)) {
        accum.append(' ');
      }
      accumulate(child, accum);
      Node next = i + 1 < children.size() ? children.get(i + 1) : null;
      if (block
          && (next instanceof Text || next instanceof Element n && !BLOCK.contains(n.name))
          && !lastIsSpace(accum)) {
        accum.append(' ');
      }
    }
  }

  /** Whether the element or one of its five nearest ancestors keeps white space ({@code pre}). */
  private static boolean preservesWhitespace(Element e) {
    int i = 0;
    do {
      if (e.name.equals("pre")) {
        return true;
      }
      e = e.parent;
      i++;
    } while (i < 6 && e != null);
    return false;
  }

  private static boolean lastIsSpace(StringBuilder sb) {
    return sb.length() != 0 && sb.charAt(sb.length() - 1) == ' ';
  }

  private static void appendNormalised(StringBuilder accum, String s, boolean stripLeading) {
    boolean lastWasWhite = false;
    boolean reachedNonWhite = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == '\u00A0') {
        if (stripLeading && !reachedNonWhite || lastWasWhite) {
          continue;
        }
        accum.append(' ');
        lastWasWhite = true;
      } else if (c != '\u200B' && c != '\u00AD') {
        accum.append(c);
        lastWasWhite = false;
        reachedNonWhite = true;
      }
    }
  }
}
