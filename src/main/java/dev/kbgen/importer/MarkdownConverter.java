package dev.kbgen.importer;

import dev.kbgen.content.ContentLoader;
import dev.kbgen.content.ContentPaths;
import dev.kbgen.problem.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts one article body to kbgen's Markdown. Code (fenced blocks and inline code spans) is
 * masked first and put back unchanged at the end, so nothing inside code is converted; only
 * placeholders such as {@code {{{ .name }}}} are replaced everywhere, like the source site does.
 */
final class MarkdownConverter {
  private static final Pattern VARIABLE =
      Pattern.compile("\\{\\{\\{\\s*\\.([A-Za-z0-9_-]+)\\s*}}}?");
  private static final Pattern VALUE_SHORTCODE =
      Pattern.compile(
          "\\{\\{[<%]\\s*(param|skew)\\s+\"?([A-Za-z0-9_.-]+)\"?(?:\\s+(-?[0-9]+))?(?:\\s+\"([^\"]*)\")?\\s*[>%]}}");
  private static final Pattern FENCE = Pattern.compile("^(\\s*)(`{3,}|~{3,})(.*)$");
  private static final Pattern INLINE_CODE = Pattern.compile("(`+)(?!`)(.+?)(?<!`)\\1(?!`)");
  private static final Pattern DOCFX_INCLUDE =
      Pattern.compile("\\[!(?i:include)\\s*\\[([^\\]]*)]\\(\\s*<?([^)>\\s]+)>?\\s*\\)\\s*]");
  private static final Pattern HUGO_INCLUDE =
      Pattern.compile("\\{\\{[<%]\\s*include\\s+\"([^\"]+)\"\\s*[>%]}}");
  private static final Pattern SHORTCODE =
      Pattern.compile(
          "\\{\\{([<%])\\s*(/?)\\s*([A-Za-z0-9_-]+)([^}>%]*+(?:[>%}](?!}})[^}>%]*+)*+)[>%]}}");
  private static final Pattern ARG = Pattern.compile("([A-Za-z0-9_-]+)\\s*=\\s*\"([^\"]*)\"");
  private static final Pattern POSITIONAL = Pattern.compile("^\\s*\"([^\"]*)\"");
  private static final Pattern IMAGE_BLOCK = Pattern.compile(":::image\\s+([^\\n]*?):::");
  private static final Pattern NO_LOC = Pattern.compile(":::no-loc\\s+text=\"([^\"]*)\":::");
  private static final Pattern DOCFX_ALERT =
      Pattern.compile(
          "(?m)^([ \\t]*(?:>[ \\t]*)+)\\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)]",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern DOCFX_DIV =
      Pattern.compile("(?m)^[ \\t]*>[ \\t]*\\[!div[^\\]]*]\\s*\\n");
  private static final Pattern DOCFX_VIDEO =
      Pattern.compile("\\[!VIDEO\\s+<?([^\\]>\\s]+)>?\\s*]", Pattern.CASE_INSENSITIVE);
  private static final Pattern BOLD_NOTE =
      Pattern.compile(
          "(?m)^([ \\t]*>[ \\t]*)\\*\\*([^*\\n]{1,12}?)[ \\t]*[:：]?[ \\t]*\\*\\*[ \\t]*[:：]?[ \\t]*(.*)$");
  private static final Pattern JSX_LINE =
      Pattern.compile(
          "^([ \\t]*)<(/?)([A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*)((?:\\s[^>]*)?)/?>[ \\t]*$");
  private static final Pattern TAB_DIV =
      Pattern.compile("^([ \\t]*)<div\\s+label=\"([^\"]*)\"[^>]*>[ \\t]*$");
  private static final Pattern DIV_CLOSE = Pattern.compile("^[ \\t]*</div>[ \\t]*$");
  private static final Pattern CUSTOM_CONTENT = Pattern.compile("</?CustomContent(?:\\s[^>]*)?>");
  private static final Pattern HEADING_ID =
      Pattern.compile("(?m)^([ \\t]{0,3}#{1,6}[ \\t].*?)[ \\t]*\\{#([^}\\s][^}\\n]*)}[ \\t]*$");
  private static final Pattern INLINE_LINK =
      Pattern.compile(
          "(!?)\\[([^\\[\\]\\n]*+(?:\\[[^\\[\\]\\n]*+][^\\[\\]\\n]*+)*+)]\\(\\s*(<[^>\\n]*>|[^)\\s]+)((?:\\s+\"[^\"\\n]*\")?)\\s*\\)");
  private static final Pattern LINK_DEFINITION =
      Pattern.compile("(?m)^([ \\t]{0,3}\\[[^\\]\\n]+]:[ \\t]*)(\\S+)");
  private static final Pattern VERSION = Pattern.compile("^(v?\\d+)\\.(\\d+)(.*)$");
  private static final Pattern LINE_PREFIX = Pattern.compile("^([ \\t]*(?:>[ \\t]*)*)");
  private static final Pattern HELD_BLOCK = Pattern.compile("(?m)^(.*?)\u0001(\\d+)\u0002[ \\t]*$");
  private static final Pattern HELD = Pattern.compile("\u0001(\\d+)\u0002");
  private static final Pattern TRIPLE_COLON = Pattern.compile(":::[a-z-]*");
  private static final Pattern ALERT_LINE = Pattern.compile("^[ \\t]*>[ \\t]*\\[![A-Z]+][ \\t]*$");
  private static final Pattern QUOTED_LINE = Pattern.compile("^[ \\t]*>[ \\t]*\\S.*$");
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");
  private static final Pattern DOC_SITE_PREFIX =
      Pattern.compile(
          "^/(?:(?:en|zh|zh-cn)/)?(?:docs/|(?:tidb|tidb-in-kubernetes|tidbcloud)/(?:stable|dev|latest|v[0-9.]+)/|(?:tidb|tidb-in-kubernetes)/)");
  private static final int MAX_INCLUDE_DEPTH = 5;

  /** Where converted links point and what the source tree holds. */
  interface Tree {
    /** Whether a path relative to the source folder is an imported article. */
    boolean isArticle(String relative);

    /** Whether a path relative to the source folder is a file that exists. */
    boolean exists(String relative);
  }

  private final Flavour flavour;
  private final String lang;
  private final Path sourceRoot;
  private final List<Path> includeDirs;
  private final Map<String, String> variables;
  private final Tree tree;
  private final ImportLog log;
  private final Set<String> images = new TreeSet<>();

  private String file = "";
  private int bodyLine = 1;
  private String original = "";
  private String relative = "";
  private final List<String> masked = new ArrayList<>();

  MarkdownConverter(
      Flavour flavour,
      String lang,
      Path sourceRoot,
      List<Path> includeDirs,
      Map<String, String> variables,
      Tree tree,
      ImportLog log) {
    this.flavour = flavour;
    this.lang = lang;
    this.sourceRoot = sourceRoot;
    this.includeDirs = includeDirs;
    this.variables = variables;
    this.tree = tree;
    this.log = log;
  }

  /** Images found in the source next to the articles (paths relative to the source folder). */
  Set<String> images() {
    return images;
  }

  /**
   * Converts the body of the article at {@code relative} (relative to the source folder).
   *
   * @param body the body, line ends already {@code \n}
   * @param bodyLine the file line the body starts on
   */
  String convert(String relative, String display, String body, int bodyLine) {
    this.relative = relative;
    this.file = display;
    this.bodyLine = bodyLine;
    this.original = body;
    masked.clear();
    String text = substitute(body, bodyLine);
    text = includes(text, sourceRoot.resolve(relative), bodyLine, 0, new ArrayDeque<>());
    text = removeComments(text);
    text = maskCode(text);
    if (flavour == Flavour.DOCFX) {
      text = docfx(text);
    }
    text = shortcodes(text);
    text = boldNotes(text);
    text = jsx(text);
    text = headingIds(text);
    text = links(text);
    text = unmask(text);
    return tidy(text);
  }

  /** Replaces placeholders in a front-matter text (title, summary). */
  String inline(String text) {
    return substitute(text, 0);
  }

  // ---- placeholders -----------------------------------------------------------------------

  private String substitute(String text, int firstLine) {
    text =
        replace(
            VARIABLE,
            text,
            m -> {
              String value = variables.get(m.group(1));
              if (value == null) {
                log.warn("unknown variable", file, 0, "{{{ ." + m.group(1) + " }}}");
                return m.group(1);
              }
              log.converted("variable");
              return value;
            });
    return replace(
        VALUE_SHORTCODE,
        text,
        m -> {
          String name = m.group(2);
          String value = variables.get(name);
          if (value == null && m.group(1).equals("skew")) {
            // Kubernetes' version skew: latestVersion and currentVersionAddMinor N
            if (name.equals("latestVersion")) {
              value = variables.get("currentVersion");
            } else if (name.equals("currentVersionAddMinor") && m.group(3) != null) {
              String current = variables.get("currentVersion");
              value = current == null ? null : addMinor(current, Integer.parseInt(m.group(3)));
            }
          }
          if (value == null) {
            log.warn("unknown parameter", file, 0, m.group(1) + " " + name + " (pass --var)");
            return name;
          }
          if (m.group(4) != null) {
            value = value.replace(".", m.group(4));
          }
          log.converted("shortcode " + m.group(1));
          return value;
        });
  }

  /** {@code 1.28} plus {@code -1} minor versions is {@code 1.27}. */
  private static String addMinor(String version, int delta) {
    Matcher m = VERSION.matcher(version);
    if (!m.matches()) {
      return version;
    }
    return m.group(1) + "." + (Integer.parseInt(m.group(2)) + delta);
  }

  // ---- includes -----------------------------------------------------------------------------

  private String includes(String text, Path from, int firstLine, int depth, Deque<Path> stack) {
    List<String> lines = lines(text);
    StringBuilder out = new StringBuilder();
    String fence = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher f = FENCE.matcher(line);
      if (fence == null && f.matches()) {
        fence = f.group(2);
      } else if (fence != null
          && f.matches()
          && f.group(2).startsWith(fence)
          && f.group(3).isBlank()) {
        fence = null;
      } else if (fence == null) {
        int lineNo = firstLine + i;
        line =
            replace(
                flavour == Flavour.HUGO ? HUGO_INCLUDE : DOCFX_INCLUDE,
                line,
                m -> {
                  String target = flavour == Flavour.HUGO ? m.group(1) : m.group(2);
                  return include(target, from, lineNo, depth, stack);
                });
        if (flavour != Flavour.HUGO && HUGO_INCLUDE.matcher(line).find()) {
          line = replace(HUGO_INCLUDE, line, m -> include(m.group(1), from, lineNo, depth, stack));
        }
        line = indentContinuation(line, lines.get(i));
      }
      out.append(line);
      if (i < lines.size() - 1) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  /** Included lines after the first get the include line's indentation and quote markers. */
  private static String indentContinuation(String converted, String original) {
    if (!converted.contains("\n")) {
      return converted;
    }
    Matcher m = LINE_PREFIX.matcher(original);
    String prefix = m.find() ? m.group(1) : "";
    if (prefix.isEmpty()) {
      return converted;
    }
    String[] parts = converted.split("\n", -1);
    StringBuilder b = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      b.append('\n').append(parts[i].isEmpty() ? prefix.stripTrailing() : prefix + parts[i]);
    }
    return b.toString();
  }

  private String include(String target, Path from, int line, int depth, Deque<Path> stack) {
    Optional<Path> found = findInclude(target, from);
    if (found.isEmpty()) {
      log.warn("include not found", file, line, target);
      return "*("
          + (lang.startsWith("zh") ? "未找到包含的内容" : "included content not found")
          + ": "
          + fileName(target)
          + ")*";
    }
    Path p = found.get().normalize();
    if (depth >= MAX_INCLUDE_DEPTH || stack.contains(p)) {
      log.warn("include cycle", file, line, target);
      return "";
    }
    String text;
    try {
      text =
          ContentLoader.normalise(
              ContentLoader.decode(Files.readAllBytes(p), file, new Problems())
                  .orElseThrow(() -> new IOException("not UTF-8")));
    } catch (IOException | RuntimeException e) {
      log.warn("include not readable", file, line, target);
      return "";
    }
    SourceText.Split split = SourceText.split(text);
    log.converted("include");
    stack.push(p);
    String body = substitute(split.body(), 0);
    String expanded = includes(body, p, 0, depth + 1, stack);
    stack.pop();
    return expanded.strip();
  }

  private Optional<Path> findInclude(String target, Path from) {
    String t = target.strip();
    if (t.startsWith("/")) {
      t = t.substring(1);
    }
    List<Path> candidates = new ArrayList<>();
    Path dir = from.getParent();
    candidates.add(dir.resolve(t));
    candidates.add(sourceRoot.resolve(t));
    candidates.add(sourceRoot.resolve("includes").resolve(t));
    if (sourceRoot.getParent() != null) {
      candidates.add(sourceRoot.getParent().resolve("includes").resolve(t));
    }
    for (Path d : includeDirs) {
      candidates.add(d.resolve(t));
    }
    String name = fileName(t);
    candidates.add(sourceRoot.resolve("includes").resolve(name));
    if (sourceRoot.getParent() != null) {
      candidates.add(sourceRoot.getParent().resolve("includes").resolve(name));
    }
    for (Path d : includeDirs) {
      candidates.add(d.resolve(name));
    }
    for (Path c : new ArrayList<>(candidates)) {
      if (!c.toString().endsWith(".md")) {
        candidates.add(Path.of(c + ".md"));
      }
    }
    return candidates.stream().filter(Files::isRegularFile).findFirst();
  }

  private static String fileName(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }

  // ---- comments and code ---------------------------------------------------------------------

  /** Removes HTML comments outside fenced code, also those spanning lines. */
  private String removeComments(String text) {
    List<String> lines = lines(text);
    StringBuilder out = new StringBuilder();
    String fence = null;
    boolean inComment = false;
    int removed = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      boolean keep = true;
      if (inComment) {
        int end = line.indexOf("-->");
        if (end < 0) {
          continue;
        }
        inComment = false;
        line = line.substring(end + 3);
        keep = !line.isBlank();
      } else {
        Matcher f = FENCE.matcher(line);
        if (fence == null && f.matches() && !line.contains("<!--")) {
          fence = f.group(2);
        } else if (fence != null) {
          if (f.matches() && f.group(2).startsWith(fence) && f.group(3).isBlank()) {
            fence = null;
          }
          append(out, line);
          continue;
        }
      }
      StringBuilder b = new StringBuilder();
      int pos = 0;
      boolean had = false;
      while (true) {
        int start = line.indexOf("<!--", pos);
        if (start < 0) {
          b.append(line, pos, line.length());
          break;
        }
        had = true;
        removed++;
        b.append(line, pos, start);
        int end = line.indexOf("-->", start + 4);
        if (end < 0) {
          inComment = true;
          break;
        }
        pos = end + 3;
      }
      String result = b.toString();
      if ((had || !keep) && result.isBlank()) {
        if (!inComment && i + 1 < lines.size() && out.length() > 0) {
          append(out, "");
        }
        continue;
      }
      append(out, result);
    }
    log.converted("html comment removed", removed);
    return out.toString();
  }

  private static void append(StringBuilder out, String line) {
    out.append(line).append('\n');
  }

  /** Replaces fenced code blocks and inline code spans by tokens. */
  private String maskCode(String text) {
    List<String> lines = lines(text);
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i);
      Matcher f = FENCE.matcher(line);
      if (f.matches() && !(f.group(2).startsWith("`") && f.group(3).contains("`"))) {
        String indent = f.group(1);
        String fence = f.group(2);
        List<String> block = new ArrayList<>();
        block.add(line.substring(indent.length()));
        int j = i + 1;
        boolean closed = false;
        while (j < lines.size()) {
          String l = lines.get(j);
          block.add(l.startsWith(indent) ? l.substring(indent.length()) : l.stripLeading());
          Matcher c = FENCE.matcher(l);
          j++;
          if (c.matches()
              && c.group(2).charAt(0) == fence.charAt(0)
              && c.group(2).length() >= fence.length()
              && c.group(3).isBlank()) {
            closed = true;
            break;
          }
        }
        if (!closed) {
          block.add(fence);
        }
        out.append(indent).append(token(String.join("\n", block))).append('\n');
        i = j;
        continue;
      }
      out.append(replace(INLINE_CODE, line, m -> token(m.group()))).append('\n');
      i++;
    }
    return out.toString();
  }

  private String token(String code) {
    masked.add(code);
    return "\u0001" + (masked.size() - 1) + "\u0002";
  }

  private String unmask(String text) {
    Pattern block = HELD_BLOCK;
    String out =
        replace(
            block,
            text,
            m -> {
              String prefix = m.group(1);
              String code = masked.get(Integer.parseInt(m.group(2)));
              if (!prefix.isBlank() && !prefix.strip().startsWith(">") || !code.contains("\n")) {
                return m.group(); // an inline span at the end of a line
              }
              StringBuilder b = new StringBuilder();
              String[] lines = code.split("\n", -1);
              for (int i = 0; i < lines.length; i++) {
                String l = lines[i];
                b.append(i == 0 ? prefix : (l.isEmpty() ? prefix.stripTrailing() : prefix))
                    .append(l);
                if (i < lines.length - 1) {
                  b.append('\n');
                }
              }
              return b.toString();
            });
    Pattern any = HELD;
    for (int round = 0; round < 3 && out.indexOf('\u0001') >= 0; round++) {
      out = replace(any, out, m -> masked.get(Integer.parseInt(m.group(1))));
    }
    return out;
  }

  // ---- DocFX --------------------------------------------------------------------------------

  private String docfx(String text) {
    StringBuilder images = new StringBuilder();
    Matcher im = IMAGE_BLOCK.matcher(text);
    int pos = 0;
    while (im.find(pos)) {
      images.append(text, pos, im.start());
      Map<String, String> args = args(im.group(1));
      String src = args.getOrDefault("source", "");
      String alt = args.getOrDefault("alt-text", "");
      log.converted("docfx image");
      images.append("![").append(escapeAlt(alt)).append("](").append(src).append(')');
      pos = im.end();
      int end = text.indexOf(":::image-end:::", pos);
      int next = text.indexOf(":::image ", pos);
      if ("complex".equals(args.get("type")) && end >= 0 && (next < 0 || end < next)) {
        String description = text.substring(pos, end).strip();
        if (!description.isEmpty()) {
          images.append("\n\n").append(description);
        }
        pos = end + ":::image-end:::".length();
      }
    }
    images.append(text, pos, text.length());
    text = images.toString();
    text =
        replace(
            NO_LOC,
            text,
            m -> {
              log.converted("docfx no-loc");
              return m.group(1);
            });
    text =
        replace(
            DOCFX_ALERT,
            text,
            m -> {
              log.converted("docfx alert");
              return m.group(1) + "[!" + m.group(2).toUpperCase(Locale.ROOT) + "]";
            });
    text = splitQuotesBeforeAlerts(text);
    text =
        replace(
            DOCFX_DIV,
            text,
            m -> {
              log.converted("docfx div");
              return "";
            });
    text =
        replace(
            DOCFX_VIDEO,
            text,
            m -> {
              log.converted("docfx video");
              return "[" + (lang.startsWith("zh") ? "视频" : "Video") + "](" + m.group(1) + ")";
            });
    if (text.contains(":::")) {
      Matcher m = TRIPLE_COLON.matcher(text);
      while (m.find()) {
        log.warn("unknown docfx block", file, lineOf(text, m.start()), m.group());
      }
      text = text.replaceAll(":::[a-z-]*(\\s+[a-z-]+=\"[^\"]*\")*\\s*:::", "").replace(":::", "");
    }
    return text;
  }

  /**
   * DocFX starts an alert also in the middle of a quote ({@code > Access is denied.} then {@code >
   * [!NOTE]}); Markdown needs a new quote for it, so a blank line goes between them.
   */
  private static String splitQuotesBeforeAlerts(String text) {
    List<String> lines = lines(text);
    List<String> out = new ArrayList<>();
    Pattern alert = ALERT_LINE;
    Pattern quoted = QUOTED_LINE;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (i > 0 && alert.matcher(line).matches() && quoted.matcher(lines.get(i - 1)).matches()) {
        out.add("");
      }
      out.add(line);
    }
    return String.join("\n", out);
  }

  private static String escapeAlt(String alt) {
    return alt.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]");
  }

  // ---- shortcodes ------------------------------------------------------------------------------

  private String shortcodes(String text) {
    // paired shortcodes, innermost first
    for (int guard = 0; guard < 10_000; guard++) {
      Matcher m = SHORTCODE.matcher(text);
      int closeStart = -1;
      int closeEnd = -1;
      String name = null;
      List<int[]> opens = new ArrayList<>();
      List<String> openNames = new ArrayList<>();
      while (m.find()) {
        if (m.group(2).equals("/")) {
          closeStart = m.start();
          closeEnd = m.end();
          name = m.group(3);
          break;
        }
        opens.add(new int[] {m.start(), m.end()});
        openNames.add(m.group(3));
      }
      if (name == null) {
        break;
      }
      int open = openNames.lastIndexOf(name);
      if (open < 0) {
        log.warn("shortcode closed but not opened", file, lineOf(text, closeStart), name);
        text = text.substring(0, closeStart) + text.substring(closeEnd);
        continue;
      }
      int[] o = opens.get(open);
      Matcher om = SHORTCODE.matcher(text.substring(o[0], o[1]));
      om.matches();
      String inner = text.substring(o[1], closeStart);
      String replacement = paired(name, om.group(4), inner, lineOf(text, o[0]));
      String before = text.substring(0, o[0]);
      String after = text.substring(closeEnd);
      text = before + blockAware(before, replacement, after) + after;
    }
    String done = text;
    return replace(
        SHORTCODE,
        done,
        m -> {
          String r = single(m.group(3), m.group(4), lineOf(done, m.start()));
          return blockAware(done.substring(0, m.start()), r, done.substring(m.end()));
        });
  }

  /** A block replacement starts on its own line and ends its line. */
  private static String blockAware(String before, String replacement, String after) {
    if (!replacement.startsWith("\u0003")) {
      return replacement;
    }
    String r = replacement.substring(1);
    int nl = before.lastIndexOf('\n');
    String lineStart = before.substring(nl + 1);
    String indent = lineStart.replaceAll("[^ \\t>].*$", "");
    boolean startsLine = lineStart.strip().isEmpty() || lineStart.strip().matches(">[> ]*");
    String[] lines = r.split("\n", -1);
    StringBuilder b = new StringBuilder();
    if (!startsLine) {
      b.append("\n\n").append(indent);
    }
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        b.append('\n').append(lines[i].isEmpty() ? indent.stripTrailing() : indent);
      }
      b.append(lines[i]);
    }
    if (!after.startsWith("\n")) {
      b.append("\n\n").append(indent);
    } else {
      b.append('\n').append(indent.stripTrailing());
    }
    return b.toString();
  }

  /** Inner lines without their common indentation (the shortcode's own indentation). */
  private static List<String> dedent(String inner) {
    List<String> lines = new ArrayList<>(List.of(inner.split("\n", -1)));
    while (!lines.isEmpty() && lines.get(0).isBlank()) {
      lines.remove(0);
    }
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
      lines.remove(lines.size() - 1);
    }
    int common = Integer.MAX_VALUE;
    for (String l : lines) {
      if (!l.isBlank()) {
        int n = 0;
        while (n < l.length() && (l.charAt(n) == ' ' || l.charAt(n) == '\t')) {
          n++;
        }
        common = Math.min(common, n);
      }
    }
    List<String> out = new ArrayList<>();
    for (String l : lines) {
      out.add(l.isBlank() ? "" : l.substring(Math.min(common, l.length())));
    }
    return out;
  }

  private String admonition(String kind, String title, String inner) {
    List<String> lines = dedent(inner);
    StringBuilder b = new StringBuilder("\u0003> [!").append(kind).append(']');
    if (title != null && !title.isBlank()) {
      b.append("\n> **").append(title.strip()).append("**\n>");
    }
    for (String l : lines) {
      b.append('\n').append(l.isEmpty() ? ">" : "> " + l);
    }
    return b.toString();
  }

  private static String block(List<String> lines) {
    return "\u0003" + String.join("\n", lines);
  }

  private String paired(String name, String rawArgs, String inner, int line) {
    Map<String, String> args = args(rawArgs);
    String key = name.toLowerCase(Locale.ROOT);
    log.converted("shortcode " + key);
    switch (key) {
      case "note", "caution", "warning", "tip", "important" -> {
        return admonition(key.toUpperCase(Locale.ROOT), null, inner);
      }
      case "alert" -> {
        String color = args.getOrDefault("color", "");
        String kind = color.equals("warning") || color.equals("danger") ? "WARNING" : "NOTE";
        String title = args.getOrDefault("title", "");
        boolean plain = title.equalsIgnoreCase("note") || title.equals("注意") || title.equals("说明");
        return admonition(kind, plain ? null : title, inner);
      }
      case "comment" -> {
        return "";
      }
      case "mermaid" -> {
        List<String> lines = new ArrayList<>();
        lines.add("```mermaid");
        lines.addAll(dedent(inner));
        lines.add("```");
        return block(lines);
      }
      case "tab" -> {
        String label = args.getOrDefault("name", positional(rawArgs));
        List<String> lines = new ArrayList<>();
        if (!label.isEmpty()) {
          lines.add("**" + label + "**");
          lines.add("");
        }
        String codelang = args.get("codelang");
        if (codelang != null) {
          // a tab with codelang holds code, not Markdown
          lines.add("```" + codelang);
          lines.addAll(dedent(inner));
          lines.add("```");
        } else {
          lines.addAll(dedent(inner));
        }
        return block(lines);
      }
      case "table" -> {
        List<String> lines = new ArrayList<>();
        String caption = args.getOrDefault("caption", "");
        if (!caption.isEmpty()) {
          lines.add("**" + caption + "**");
          lines.add("");
        }
        lines.addAll(dedent(inner));
        return block(lines);
      }
      default -> {
        if (!List.of("tabs", "example", "details").contains(key)) {
          log.warn("unknown shortcode unwrapped", file, line, name);
        }
        return block(dedent(inner));
      }
    }
  }

  private String single(String name, String rawArgs, int line) {
    Map<String, String> args = args(rawArgs);
    String key = name.toLowerCase(Locale.ROOT);
    boolean zh = lang.startsWith("zh");
    switch (key) {
      case "glossary_tooltip" -> {
        log.converted("shortcode glossary_tooltip");
        String text = args.getOrDefault("text", args.getOrDefault("term_id", ""));
        return text;
      }
      case "glossary_definition" -> {
        log.converted("shortcode glossary_definition");
        String term = args.getOrDefault("term_id", "").replace('-', ' ');
        String prepend = args.getOrDefault("prepend", "");
        return (prepend.isEmpty() ? "" : prepend + " ") + "*" + term + "*";
      }
      case "heading" -> {
        log.converted("shortcode heading");
        return headingText(positional(rawArgs), zh);
      }
      case "copyable" -> {
        log.converted("shortcode copyable");
        return "";
      }
      case "feature-state" -> {
        log.converted("shortcode feature-state");
        String version = args.getOrDefault("for_k8s_version", "");
        String state = args.getOrDefault("state", "");
        return (zh ? "*特性状态：* " : "*FEATURE STATE:* ")
            + "`Kubernetes "
            + version
            + " ["
            + state
            + "]`";
      }
      case "version-check" -> {
        log.converted("shortcode version-check");
        return zh
            ? "要获知版本信息，请输入 `kubectl version`。"
            : "To check the version, enter `kubectl version`.";
      }
      case "thirdparty-content" -> {
        log.converted("shortcode thirdparty-content");
        return admonition(
            "NOTE",
            null,
            zh
                ? "本部分链接到提供 Kubernetes 所需功能的第三方项目。Kubernetes 项目作者不负责这些项目。"
                : "This section links to third party projects that provide functionality required by"
                    + " Kubernetes. The Kubernetes project authors aren't responsible for these"
                    + " projects.");
      }
      case "dockershim-removal" -> {
        log.converted("shortcode dockershim-removal");
        return admonition(
            "NOTE",
            null,
            zh
                ? "自 Kubernetes 1.24 起，dockershim 已从 Kubernetes 项目中移除。"
                : "Dockershim has been removed from the Kubernetes project as of release 1.24.");
      }
      case "figure" -> {
        log.converted("shortcode figure");
        String src = args.getOrDefault("src", "");
        String alt = args.getOrDefault("alt", args.getOrDefault("title", ""));
        String caption = args.getOrDefault("caption", "");
        return "!["
            + escapeAlt(alt)
            + "]("
            + src
            + ")"
            + (caption.isEmpty() ? "" : "\n\n*" + caption + "*");
      }
      case "link" -> {
        log.converted("shortcode link");
        return "[" + args.getOrDefault("text", "") + "](" + args.getOrDefault("url", "") + ")";
      }
      case "api-reference" -> {
        log.converted("shortcode api-reference");
        String page = args.getOrDefault("page", "");
        String anchor = args.getOrDefault("anchor", "");
        String text = args.getOrDefault("text", page.substring(page.lastIndexOf('/') + 1));
        return "["
            + text
            + "](https://kubernetes.io/docs/reference/kubernetes-api/"
            + page
            + "/"
            + (anchor.isEmpty() ? "" : "#" + anchor)
            + ")";
      }
      case "code", "codenew", "code_sample", "example" -> {
        String path = args.getOrDefault("file", positional(rawArgs));
        log.warn("example file not available", file, line, path);
        log.converted("shortcode " + key);
        return (zh ? "示例文件：" : "Example file: ") + "`" + path + "`";
      }
      case "toc", "cncf-landscape", "include" -> {
        log.warn("shortcode removed", file, line, name);
        return "";
      }
      default -> {
        log.warn("unknown shortcode removed", file, line, name);
        return "";
      }
    }
  }

  private static String headingText(String key, boolean zh) {
    return switch (key) {
      case "prerequisites" -> zh ? "准备开始" : "Before you begin";
      case "whatsnext" -> zh ? "接下来" : "What's next";
      case "objectives" -> zh ? "教程目标" : "Objectives";
      case "cleanup" -> zh ? "清理现场" : "Cleaning up";
      case "synopsis" -> zh ? "概要" : "Synopsis";
      case "options" -> zh ? "选项" : "Options";
      case "seealso" -> zh ? "另请参见" : "See also";
      default -> key.isEmpty() ? "" : Character.toUpperCase(key.charAt(0)) + key.substring(1);
    };
  }

  private static Map<String, String> args(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = ARG.matcher(raw == null ? "" : raw);
    while (m.find()) {
      out.putIfAbsent(m.group(1), m.group(2));
    }
    return out;
  }

  private static String positional(String raw) {
    Matcher m = POSITIONAL.matcher(raw == null ? "" : raw);
    if (m.find()) {
      return m.group(1);
    }
    String s = raw == null ? "" : raw.strip();
    return s.contains("=") ? "" : s;
  }

  // ---- notes, JSX-like tags, heading ids ------------------------------------------------------

  /** {@code > **Note:**} (TiDB) at the start of a quote: a GitHub-style admonition. */
  private String boldNotes(String text) {
    List<String> lines = lines(text);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher m = BOLD_NOTE.matcher(line);
      if (!m.matches()) {
        continue;
      }
      String prev = i == 0 ? "" : lines.get(i - 1).strip();
      if (prev.startsWith(">")) {
        continue;
      }
      String kind = noteKind(m.group(2).strip());
      if (kind == null) {
        continue;
      }
      log.converted("bold note");
      String quote = m.group(1);
      String rest = m.group(3).strip();
      lines.set(
          i,
          quote
              + "[!"
              + kind
              + "]"
              + (rest.isEmpty() ? "" : "\n" + quote.replaceAll("[ \\t]+$", "") + " " + rest));
    }
    return String.join("\n", lines);
  }

  private static String noteKind(String label) {
    return switch (label.toLowerCase(Locale.ROOT)) {
      case "note", "注意", "说明", "注" -> "NOTE";
      case "tip", "提示", "建议", "调试提示" -> "TIP";
      case "warning", "警告", "danger" -> "WARNING";
      case "important", "重要" -> "IMPORTANT";
      case "caution", "小心", "当心" -> "CAUTION";
      default -> null;
    };
  }

  /** JSX-like tags on their own lines are unwrapped; tabs keep a bold label. */
  private String jsx(String text) {
    List<String> lines = lines(text);
    List<String> out = new ArrayList<>();
    int tabs = 0;
    Deque<Boolean> divs = new ArrayDeque<>();
    String note = null;
    String noteIndent = "";
    List<String> noteLines = new ArrayList<>();
    for (String line : lines) {
      Matcher j = JSX_LINE.matcher(line);
      if (note == null && j.matches() && j.group(2).isEmpty() && noteKind(j.group(3)) != null) {
        note = noteKind(j.group(3));
        noteIndent = j.group(1);
        noteLines.clear();
        continue;
      }
      if (note != null) {
        if (j.matches() && j.group(2).equals("/") && noteKind(j.group(3)) != null) {
          log.converted("jsx note");
          out.add("");
          String body = admonition(note, null, String.join("\n", noteLines)).substring(1);
          for (String l : body.split("\n", -1)) {
            out.add(noteIndent + l);
          }
          out.add("");
          note = null;
        } else {
          noteLines.add(line);
        }
        continue;
      }
      Matcher tab = TAB_DIV.matcher(line);
      if (tabs > 0 && tab.matches()) {
        divs.push(true);
        log.converted("tab");
        out.add("");
        out.add(tab.group(1) + "**" + tab.group(2) + "**");
        out.add("");
        continue;
      }
      if (line.strip().startsWith("<div")) {
        divs.push(false);
      }
      if (DIV_CLOSE.matcher(line).matches() && !divs.isEmpty()) {
        if (divs.pop()) {
          out.add("");
          continue;
        }
      }
      Matcher m = JSX_LINE.matcher(line);
      if (m.matches()) {
        String name = m.group(3);
        boolean close = m.group(2).equals("/");
        if (name.equals("SimpleTab")) {
          tabs += close ? -1 : 1;
        }
        log.converted("jsx tag " + name);
        out.add("");
        continue;
      }
      if (line.contains("<CustomContent") || line.contains("</CustomContent")) {
        line = CUSTOM_CONTENT.matcher(line).replaceAll("");
        log.converted("jsx tag CustomContent");
      }
      out.add(line);
    }
    if (note != null) {
      log.warn("jsx note not closed", file, 0, note);
      out.addAll(noteLines);
    }
    return String.join("\n", out);
  }

  private String headingIds(String text) {
    return replace(
        HEADING_ID,
        text,
        m -> {
          log.converted("heading id");
          String id = m.group(2).strip().replaceAll("[\\s\"<>&]+", "-");
          return m.group(1) + " <a id=\"" + id + "\"></a>";
        });
  }

  // ---- links ------------------------------------------------------------------------------

  private String links(String input) {
    String text =
        replace(
            INLINE_LINK,
            input,
            m -> {
              String url = m.group(3);
              boolean angle = url.startsWith("<");
              String raw = angle ? url.substring(1, url.length() - 1) : url;
              String rewritten = rewrite(raw, !m.group(1).isEmpty(), lineOf(input, m.start(), raw));
              String out = angle ? "<" + rewritten + ">" : rewritten;
              return m.group(1) + "[" + m.group(2) + "](" + out + m.group(4) + ")";
            });
    return replace(
        LINK_DEFINITION,
        text,
        m -> m.group(1) + rewrite(m.group(2), false, lineOf(text, m.start())));
  }

  private String rewrite(String url, boolean image, int line) {
    if (url.isEmpty()
        || url.startsWith("#")
        || SCHEME.matcher(url).matches()
        || url.startsWith("//")) {
      return url;
    }
    ContentPaths.Target split = ContentPaths.Target.of(url);
    String anchor = split.fragment();
    String path = split.path();
    if (path.isEmpty()) {
      return url;
    }
    String dir = ContentPaths.parent(relative);
    if (image) {
      String target = path.startsWith("/") ? null : ContentPaths.normalise(dir, path).orElse(null);
      if (target != null && tree.exists(target)) {
        images.add(target);
      } else {
        log.warn("image not found", file, line, url);
      }
      return url;
    }
    String target = resolve(dir, path);
    if (target == null) {
      if (path.startsWith("/") || !path.endsWith(".md")) {
        log.warn("link outside the import", file, line, url);
      } else {
        log.warn("link to a missing article", file, line, url);
      }
      return url;
    }
    String rel = relativePath(dir, target);
    if (!(rel + anchor).equals(url)) {
      log.converted("link rewritten");
    }
    return rel + anchor;
  }

  /** The imported article a link points at, relative to the source folder, or null. */
  private String resolve(String dir, String path) {
    List<String> bases = new ArrayList<>();
    if (path.startsWith("/")) {
      Matcher site = DOC_SITE_PREFIX.matcher(path);
      if (site.find()) {
        bases.add(path.substring(site.end()));
      }
      bases.add(path.substring(1));
    } else {
      bases.add(join(dir, path));
    }
    for (String b : bases) {
      String n = ContentPaths.normalise("", b).orElse(null);
      if (n == null) {
        continue;
      }
      n = n.replaceAll("/+$", "");
      for (String candidate :
          List.of(
              n,
              n + ".md",
              n + "/_index.md",
              n + "/index.md",
              n.replaceAll("\\.html?$", "") + ".md")) {
        if (!candidate.isEmpty() && candidate.endsWith(".md") && tree.isArticle(candidate)) {
          return candidate;
        }
      }
    }
    return null;
  }

  private static String join(String dir, String path) {
    return dir.isEmpty() ? path : dir + "/" + path;
  }

  private static String relativePath(String fromDir, String target) {
    List<String> from = fromDir.isEmpty() ? List.of() : List.of(fromDir.split("/"));
    List<String> to = List.of(target.split("/"));
    int common = 0;
    while (common < from.size()
        && common < to.size() - 1
        && from.get(common).equals(to.get(common))) {
      common++;
    }
    StringBuilder b = new StringBuilder();
    for (int i = common; i < from.size(); i++) {
      b.append("../");
    }
    b.append(String.join("/", to.subList(common, to.size())));
    return b.toString();
  }

  // ---- helpers ------------------------------------------------------------------------------

  /** At most two blank lines in a row, no trailing spaces on blank lines, one final newline. */
  private static String tidy(String text) {
    String t =
        text.replace("\u0003", "")
            .replaceAll("(?m)^[ \\t]+$", "")
            .replaceAll("\n{3,}", "\n\n")
            .replaceFirst("^\n+", "");
    return t.strip().isEmpty() ? "" : t.stripTrailing() + "\n";
  }

  private static List<String> lines(String text) {
    return new ArrayList<>(List.of(text.split("\n", -1)));
  }

  /**
   * The file line of a construct at {@code offset} of the text being converted: where its text
   * first occurs in the original body, or else counted in the converted text (approximate).
   */
  private int lineOf(String text, int offset) {
    return lineOf(text, offset, null);
  }

  /** Like {@link #lineOf(String, int)}, also looking for {@code hint} (a URL) in the original. */
  private int lineOf(String text, int offset, String hint) {
    int end = text.indexOf('\n', offset);
    String snippet = text.substring(offset, end < 0 ? text.length() : end);
    int at = snippet.length() >= 8 ? original.indexOf(snippet) : -1;
    if (at < 0 && hint != null && hint.length() >= 4) {
      at = original.indexOf(hint);
    }
    if (at >= 0) {
      return count(original, at);
    }
    return count(text, offset);
  }

  private int count(String text, int offset) {
    int n = bodyLine;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        n++;
      }
    }
    return n;
  }

  private static String replace(Pattern p, String text, Function<Matcher, String> f) {
    Matcher m = p.matcher(text);
    StringBuilder b = new StringBuilder();
    boolean any = false;
    while (m.find()) {
      any = true;
      m.appendReplacement(b, Matcher.quoteReplacement(f.apply(m)));
    }
    if (!any) {
      return text;
    }
    m.appendTail(b);
    return b.toString();
  }
}
