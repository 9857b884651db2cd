package dev.kbgen.yaml;

import dev.kbgen.problem.Problems;
import dev.kbgen.problem.Source;
import dev.kbgen.yaml.YamlNode.Entry;
import dev.kbgen.yaml.YamlNode.YamlList;
import dev.kbgen.yaml.YamlNode.YamlMap;
import dev.kbgen.yaml.YamlNode.YamlScalar;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads one YAML document into {@link YamlNode}s, with limits that keep hostile input harmless. */
public final class YamlReader {
  /** Largest YAML text accepted, in characters. */
  public static final int MAX_CHARS = 1_000_000;

  private static final int MAX_DEPTH = 40;

  /** "key：", "key ：" or "key:\u3000" at the start of a line (or of a list item). */
  private static final Pattern FULL_WIDTH_AFTER_KEY =
      Pattern.compile("^([ ]*(?:-[ ]+)?)([A-Za-z_][A-Za-z0-9_.-]*)[ ]*(?:(\uFF1A)|:(\u3000))");

  private static final Pattern FULL_WIDTH_INDENT = Pattern.compile("^[ ]*(\u3000)");
  private static final int MAX_ALIASES = 20;

  private YamlReader() {}

  /**
   * The outcome: a root node (null for an empty document) or an error, and what was read but
   * probably not meant.
   *
   * @param root the document, or null
   * @param error why it could not be read, or null
   * @param warnings values a comment cut short ({@code title: C# SDK #2 fails})
   */
  public record Result(YamlNode root, YamlError error, List<YamlError> warnings) {
    public Result {
      warnings = List.copyOf(warnings);
    }

    Result(YamlNode root, YamlError error) {
      this(root, error, List.of());
    }

    public boolean ok() {
      return error == null;
    }

    /** Adds the warnings to {@code problems}, in the file {@code source}. */
    public void warn(Source source, Problems problems) {
      for (YamlError w : warnings) {
        problems.add(source.warning(w.mark().line(), w.mark().column(), w.message(), w.hint()));
      }
    }
  }

  /** SnakeYAML's settings: the limits that keep hostile input harmless. */
  private static LoaderOptions loaderOptions() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true); // detected in the conversion, with a better message
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setAllowRecursiveKeys(false);
    options.setCodePointLimit(MAX_CHARS * 4);
    options.setProcessComments(false);
    return options;
  }

  /** A comment that follows a plain value on its line and starts like text: "#2", "#general". */
  private static final Pattern COMMENT_AFTER_VALUE = Pattern.compile("^[ \\t]+#(\\S.*)$");

  /**
   * Parses text whose first line is line {@code firstLine} of its file.
   *
   * @param text the YAML text, line ends already normalised to {@code \n}
   * @param firstLine the file line number of the text's first line (1-based)
   */
  public static Result read(String text, int firstLine) {
    if (text.length() > MAX_CHARS) {
      return new Result(
          null,
          new YamlError(
              new Mark(firstLine, 1),
              "front matter is larger than " + MAX_CHARS / 1000 + " KB",
              "keep metadata short; move long text into the article body"));
    }
    Node node;
    try {
      node = new Yaml(loaderOptions()).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      org.yaml.snakeyaml.error.Mark m =
          e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      Optional<YamlError> fullWidth =
          fullWidthPunctuation(text, firstLine, m == null ? Integer.MAX_VALUE : m.getLine());
      if (fullWidth.isPresent()) {
        return new Result(null, fullWidth.get());
      }
      Optional<YamlError> unclosed =
          unclosedOnItsLine(text, firstLine, m == null ? Integer.MAX_VALUE : m.getLine());
      if (unclosed.isPresent()) {
        return new Result(null, unclosed.get());
      }
      // An unclosed quote is noticed at the end of the front matter; the writer fixes it where it
      // opens, so the problem points there.
      org.yaml.snakeyaml.error.Mark at =
          e.getContext() != null
                  && e.getContext().contains("quoted scalar")
                  && e.getContextMark() != null
              ? e.getContextMark()
              : m;
      Mark mark =
          at == null
              ? new Mark(firstLine, 1)
              : new Mark(firstLine + at.getLine(), at.getColumn() + 1);
      String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
      String message = clean(problem);
      org.yaml.snakeyaml.error.Mark start = e.getContextMark();
      if (e.getContext() != null && start != null && m != null && start.getLine() < m.getLine()) {
        // An unclosed quote or bracket is noticed lines later: say where it began.
        message +=
            " ("
                + e.getContext().strip()
                + " that starts on line "
                + (firstLine + start.getLine())
                + ")";
      }
      String hint = fullWidthAt(text, m).orElse(hintFor(message));
      return new Result(null, new YamlError(mark, message, hint));
    } catch (org.yaml.snakeyaml.reader.ReaderException e) {
      // A character YAML does not allow, even in quotes: point at it (position counts code points).
      int line = firstLine;
      int column = 1;
      int[] codePoints = text.codePoints().limit(Math.max(0, e.getPosition())).toArray();
      for (int c : codePoints) {
        if (c == '\n') {
          line++;
          column = 1;
        } else {
          column++;
        }
      }
      return new Result(
          null,
          new YamlError(
              new Mark(line, column),
              String.format(
                  Locale.ROOT, "character U+%04X is not allowed in YAML", e.getCodePoint()),
              "remove the invisible or control character (retyping the line helps)"));
    } catch (YAMLException e) {
      return new Result(
          null,
          new YamlError(
              new Mark(firstLine, 1),
              clean(String.valueOf(e.getMessage())),
              hintFor(e.getMessage())));
    }
    if (node == null) {
      return new Result(null, null);
    }
    try {
      Converter converter = new Converter(firstLine, text.split("\n", -1));
      YamlNode root = converter.convert(node, 0);
      return new Result(root, null, converter.warnings);
    } catch (ConversionError e) {
      return new Result(null, e.error);
    }
  }

  /**
   * A key followed by a full-width colon, or a colon followed by a full-width space: what a Chinese
   * or Japanese input method types, and what YAML reads as text, so the parser's own complaint
   * comes lines later. Only looked for once the text did not parse, on the lines up to where the
   * parser gave up.
   */
  private static Optional<YamlError> fullWidthPunctuation(
      String text, int firstLine, int lastLine) {
    String[] lines = text.split("\n", -1);
    int last = Math.min(lines.length - 1, lastLine);
    for (int i = 0; i <= last; i++) {
      Matcher m = FULL_WIDTH_AFTER_KEY.matcher(lines[i]);
      if (!m.find()) {
        continue;
      }
      String key = m.group(2);
      boolean colon = m.group(3) != null;
      int column = (colon ? m.start(3) : m.start(4)) + 1;
      return Optional.of(
          colon
              ? new YamlError(
                  new Mark(firstLine + i, column),
                  "full-width colon '\uFF1A' after '" + key + "'",
                  "write an ASCII colon and a space: '"
                      + key
                      + ": ' (switch the input method to half-width punctuation)")
              : new YamlError(
                  new Mark(firstLine + i, column),
                  "full-width space after '" + key + ":'",
                  "write an ASCII space after the colon: '" + key + ": '"));
    }
    for (int i = 0; i <= last; i++) {
      String line = lines[i];
      int open = line.indexOf('"');
      int curly = line.indexOf('\u201D', open + 1);
      if (open >= 0 && curly > open && line.chars().filter(c -> c == '"').count() % 2 == 1) {
        return Optional.of(
            new YamlError(
                new Mark(firstLine + i, curly + 1),
                "the quote opened on this line is closed with a full-width '\u201D'",
                "close it with '\"' (switch the input method to half-width punctuation)"));
      }
    }
    for (int i = 0; i <= last; i++) {
      Matcher m = FULL_WIDTH_INDENT.matcher(lines[i]);
      if (m.find()) {
        return Optional.of(
            new YamlError(
                new Mark(firstLine + i, m.start(1) + 1),
                "full-width space in the indentation",
                "indent with ASCII spaces"));
      }
    }
    return Optional.empty();
  }

  /** A value that opens with a quote or '[' (after "key: " or "- "), and where it opens. */
  private static final Pattern OPENED_VALUE =
      Pattern.compile("^[ ]*(?:-[ ]+)?(?:[A-Za-z_][A-Za-z0-9_.-]*[ ]*:[ ]+)?([\"'\\[])");

  /**
   * A quote or '[' that opens a value and is not closed on its line: YAML lets such a value go on
   * over the next lines, so the parser complains lines later, where the next quote or ']' ends it
   * ("expected <block end>, but found '<scalar>'"). Only looked for once the text did not parse, on
   * the lines up to where the parser gave up; a front matter value on several lines is rare.
   */
  private static Optional<YamlError> unclosedOnItsLine(String text, int firstLine, int lastLine) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i <= Math.min(lines.length - 1, lastLine); i++) {
      String line = lines[i];
      Matcher m = OPENED_VALUE.matcher(line);
      if (!m.find()
          || closedAfter(line, m.start(1))
          || !closingFixes(lines, i, line.charAt(m.start(1)))) {
        continue;
      }
      char open = line.charAt(m.start(1));
      String close = String.valueOf(open);
      return Optional.of(
          new YamlError(
              new Mark(firstLine + i, line.codePointCount(0, m.start(1)) + 1),
              "the " + (open == '[' ? "'['" : "quote") + " opened here is not closed on this line",
              open == '['
                  ? "close it with ']' on this line, or quote a value that starts with '['"
                  : "end the value with '"
                      + close
                      + "' on this line; a value that contains a quote can use the other kind"));
    }
    return Optional.empty();
  }

  /**
   * Whether the text parses once the line is closed with the character that {@code open} needs: the
   * opener left open is the mistake, not a value written over several lines on purpose, nor a
   * backslash that ends a double-quoted Windows path.
   */
  private static boolean closingFixes(String[] lines, int line, char open) {
    String[] fixed = lines.clone();
    fixed[line] = fixed[line].stripTrailing() + (open == '[' ? "]" : String.valueOf(open));
    try {
      new Yaml(loaderOptions()).compose(new StringReader(String.join("\n", fixed)));
      return true;
    } catch (YAMLException e) {
      return false;
    }
  }

  /** Whether the quote or '[' at {@code at} is closed later on the line. */
  private static boolean closedAfter(String line, int at) {
    char open = line.charAt(at);
    for (int i = at + 1; i < line.length(); i++) {
      char c = line.charAt(i);
      if (open == '"' && c == '\\') {
        i++; // an escaped character
      } else if (open == '\'' && c == '\'' && i + 1 < line.length() && line.charAt(i + 1) == '\'') {
        i++; // '' is a quote inside single quotes
      } else if (c == (open == '[' ? ']' : open)) {
        return true;
      }
    }
    return false;
  }

  /** Full-width punctuation an input method types, and the YAML character meant. */
  private static final Map<Character, String> FULL_WIDTH =
      Map.of(
          '\uFF0C', ",",
          '\uFF1A', ":",
          '\uFF3B', "[",
          '\uFF3D', "]",
          '\uFF5B', "{",
          '\uFF5D', "}",
          '\u201C', "\"",
          '\u201D', "\"",
          '\u3000', "a space");

  /** A hint when the parser stopped at full-width punctuation: "[a，b]", "title: “x”y". */
  private static Optional<String> fullWidthAt(String text, org.yaml.snakeyaml.error.Mark at) {
    if (at == null) {
      return Optional.empty();
    }
    String[] lines = text.split("\n", -1);
    if (at.getLine() >= lines.length) {
      return Optional.empty();
    }
    String line = lines[at.getLine()];
    int index =
        line.offsetByCodePoints(0, Math.min(at.getColumn(), line.codePointCount(0, line.length())));
    if (index >= line.length()) {
      return Optional.empty();
    }
    char c = line.charAt(index);
    String meant = FULL_WIDTH.get(c);
    if (meant == null) {
      return Optional.empty();
    }
    return Optional.of(
        "'"
            + c
            + "' is full-width punctuation; write "
            + (meant.length() == 1 ? "'" + meant + "'" : meant)
            + " (switch the input method to half-width punctuation)");
  }

  private static String clean(String message) {
    String first = message.strip().split("\n", 2)[0];
    return first.isEmpty() ? "invalid YAML" : first;
  }

  private static String hintFor(String problem) {
    String p = String.valueOf(problem).toLowerCase(Locale.ROOT);
    if (p.contains("'\\t'") || p.contains("tab")) {
      return "indent with spaces, not tabs";
    }
    if (p.contains("mapping values are not allowed")) {
      return "put text that contains ': ' in quotes, or check the indentation of this line";
    }
    if (p.contains("could not find expected ':'")) {
      return "every line of front matter is 'key: value'; check the previous line too";
    }
    if (p.contains("quoted scalar")) {
      return "close the quote; a value that contains a quote can use the other kind of quote";
    }
    if (p.contains("flow sequence")) {
      return "close the '[' with ']', or quote a value that starts with '['";
    }
    if (p.contains("flow mapping")) {
      return "close the '{' with '}', or quote a value that starts with '{'";
    }
    if (p.contains("number of aliases")) {
      return "front matter does not need YAML aliases; write the values out";
    }
    if (p.contains("nesting depth")) {
      return "front matter values are text or lists of text; flatten the structure";
    }
    if (p.contains("found undefined alias") || p.contains("alias")) {
      return "remove the '*' alias or quote the value";
    }
    return "check the YAML syntax on this line; quote values that contain special characters";
  }

  private static final class ConversionError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient YamlError error;

    ConversionError(YamlError error) {
      super(error.message(), null, false, false);
      this.error = error;
    }
  }

  /** Turns SnakeYAML's node graph into our tree; aliases to collections are refused. */
  private static final class Converter {
    private final int firstLine;
    private final String[] lines;
    private final Map<Node, Boolean> seen = new IdentityHashMap<>();
    final List<YamlError> warnings = new ArrayList<>();

    Converter(int firstLine, String[] lines) {
      this.firstLine = firstLine;
      this.lines = lines;
    }

    /**
     * Warns when a plain value is followed on its line by a comment that reads like more of the
     * value: YAML ends a plain value at " #", so {@code title: C# SDK #2 fails} is "C# SDK". A
     * comment written as one ("# ...", with a space) is left alone.
     */
    void checkCut(ScalarNode scalar) {
      var end = scalar.getEndMark();
      if (end == null || end.getLine() >= lines.length) {
        return;
      }
      String line = lines[end.getLine()];
      int at =
          Math.min(
              line.length(),
              line.offsetByCodePoints(
                  0, Math.min(end.getColumn(), line.codePointCount(0, line.length()))));
      Matcher m = COMMENT_AFTER_VALUE.matcher(line.substring(at));
      if (!m.matches()) {
        return;
      }
      String value = scalar.getValue();
      String whole = (value + line.substring(at)).strip();
      if (value.isEmpty()) {
        whole = line.substring(at).strip();
      }
      String quoted =
          whole.contains("\"")
              ? "'" + whole.replace("'", "''") + "'"
              : "\"" + whole.replace("\\", "\\\\") + "\"";
      int column = line.indexOf('#', at);
      warnings.add(
          new YamlError(
              new Mark(firstLine + end.getLine(), line.codePointCount(0, column) + 1),
              value.isEmpty()
                  ? "the value is empty: '#" + m.group(1).strip() + "' is read as a YAML comment"
                  : "the value is cut to '"
                      + value
                      + "': '#"
                      + m.group(1).strip()
                      + "' is read as a YAML comment",
              "put the whole value in quotes: "
                  + quoted
                  + " (a comment goes on a line of its own)"));
    }

    Mark mark(Node node) {
      var m = node.getStartMark();
      return m == null
          ? new Mark(firstLine, 1)
          : new Mark(firstLine + m.getLine(), m.getColumn() + 1);
    }

    YamlNode convert(Node node, int depth) {
      if (depth > MAX_DEPTH) {
        throw new ConversionError(
            new YamlError(
                mark(node), "front matter is nested too deeply", "flatten the structure"));
      }
      if (node instanceof ScalarNode scalar) {
        boolean plain = scalar.getScalarStyle() == ScalarStyle.PLAIN;
        if (plain) {
          checkCut(scalar);
        }
        String value = scalar.getValue();
        boolean isNull =
            plain && (value.isEmpty() || value.equals("~") || value.equalsIgnoreCase("null"));
        return new YamlScalar(isNull ? "" : value, plain, isNull, mark(node));
      }
      if (seen.put(node, Boolean.TRUE) != null) {
        throw new ConversionError(
            new YamlError(
                mark(node),
                "a YAML alias repeats a list or map",
                "front matter does not need YAML aliases; write the values out"));
      }
      if (node instanceof SequenceNode seq) {
        List<YamlNode> items = new ArrayList<>();
        for (Node item : seq.getValue()) {
          items.add(convert(item, depth + 1));
        }
        return new YamlList(items, mark(node));
      }
      MappingNode map = (MappingNode) node;
      List<Entry> entries = new ArrayList<>();
      Map<String, Mark> keys = new HashMap<>();
      for (NodeTuple tuple : map.getValue()) {
        Node keyNode = tuple.getKeyNode();
        if (!(keyNode instanceof ScalarNode keyScalar)) {
          throw new ConversionError(
              new YamlError(mark(keyNode), "a key must be a plain word", "write 'key: value'"));
        }
        String key = keyScalar.getValue();
        Mark keyMark = mark(keyNode);
        Mark previous = keys.putIfAbsent(key, keyMark);
        if (previous != null) {
          throw new ConversionError(
              new YamlError(
                  keyMark,
                  "duplicate key '" + key + "' (first on line " + previous.line() + ")",
                  "keep one '" + key + ":' line and delete the other"));
        }
        entries.add(new Entry(key, keyMark, convert(tuple.getValueNode(), depth + 1)));
      }
      return new YamlMap(entries, mark(node));
    }
  }
}
