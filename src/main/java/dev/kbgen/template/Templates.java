package dev.kbgen.template;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.AttributeNotFoundException;
import io.pebbletemplates.pebble.error.ParserException;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.writer.PooledSpecializedStringWriter;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The theme's templates. One engine per build, shared by all pages; autoescaping is on, so only
 * values printed with {@code | raw} (the article HTML made by kbgen) are not escaped.
 */
public final class Templates {
  private final PebbleEngine engine;
  private final Path dir;

  public Templates(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
    FileLoader loader = new FileLoader();
    loader.setPrefix(this.dir.toString());
    loader.setCharset("UTF-8");
    this.engine =
        new PebbleEngine.Builder()
            .loader(loader)
            .autoEscaping(true)
            .strictVariables(true)
            .newLineTrimming(true)
            .defaultLocale(Locale.ROOT)
            .cacheActive(true)
            .build();
  }

  public Path dir() {
    return dir;
  }

  /**
   * Compiles a template without rendering it, so that {@code check} finds syntax errors.
   *
   * @throws TemplateException when it does not compile
   */
  public void compile(String template) throws TemplateException {
    try {
      engine.getTemplate(template);
    } catch (PebbleException e) {
      throw new TemplateException(error(e, template), e);
    } catch (RuntimeException e) {
      throw new TemplateException(
          new TemplateError(template, 0, String.valueOf(e.getMessage()), ""), e);
    }
  }

  /**
   * Renders a template with the given variables. Each thread writes its pages into one buffer of
   * Pebble's, kept from page to page and emptied before each: no copying as a page outgrows its
   * buffer, and no lock for every piece written (a {@code StringWriter} takes one). Rendering does
   * not nest, so a thread never needs two. A thread keeps a buffer as large as the largest page it
   * rendered (megabytes for the list of every article of a large site).
   */
  public String render(String template, Map<String, Object> vars) throws TemplateException {
    try {
      PebbleTemplate compiled = engine.getTemplate(template);
      PooledSpecializedStringWriter out = PooledSpecializedStringWriter.pooled();
      compiled.evaluate(out, vars, Locale.ROOT);
      return out.toString();
    } catch (PebbleException e) {
      throw new TemplateException(error(e, template), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      // Pebble reports some template mistakes (e.g. a missing file) as plain runtime exceptions.
      throw new TemplateException(
          new TemplateError(template, 0, String.valueOf(e.getMessage()), ""), e);
    }
  }

  /** A template mistake as Pebble reports it, in the words and place a writer can use. */
  private TemplateError error(PebbleException e, String template) {
    String file = e.getFileName() == null ? template : relative(e.getFileName());
    int line = e.getLineNumber() == null ? 0 : e.getLineNumber();
    String message =
        String.valueOf(e.getPebbleMessage() == null ? e.getMessage() : e.getPebbleMessage());
    if (message.contains(END_OF_FILE)) {
      // Pebble stops at the end of the file; the writer needs the line where the tag was opened.
      Path source = dir.resolve(file).normalize();
      try {
        Unclosed open =
            source.startsWith(dir) && Files.isRegularFile(source)
                ? unclosed(Files.readString(source, StandardCharsets.UTF_8))
                : null;
        if (open != null) {
          return new TemplateError(
              file,
              open.line(),
              "\""
                  + open.text()
                  + "\" is not closed: \""
                  + open.close()
                  + "\" is missing before the end of the file",
              "close it with \"" + open.close() + "\" where it ends, or remove it");
        }
      } catch (IOException | UncheckedIOException ignored) {
        // the file went away or is not UTF-8 since Pebble read it: Pebble's place, then
      }
    }
    String hint =
        e instanceof AttributeNotFoundException
            ? "every variable a template uses must exist (strict variables): check its name"
            : e instanceof ParserException ? "fix the template's syntax" : "";
    return new TemplateError(file, line, readable(message), hint);
  }

  private static final String END_OF_FILE = "[\u0000]";

  /**
   * A tag, expression or comment that the end of a template leaves open.
   *
   * @param line its line, from 1
   * @param text its start, to the end of its line (at most 40 characters)
   * @param close the delimiter that would close it
   */
  record Unclosed(int line, String text, String close) {}

  /**
   * The first tag ({@code {%}), expression ({@code {{}) or comment ({@code {#}) of a template's text
   * that is not closed before the next one opens (or, for a comment, at all), or null. Pebble, which
   * reads on from there to the end of the file, says only that; a forgotten {@code }}} or {@code %}}
   * is found where it was forgotten.
   */
  static Unclosed unclosed(String source) {
    int from = 0;
    while (true) {
      int open = nextOpening(source, from);
      if (open < 0) {
        return null;
      }
      char kind = source.charAt(open + 1);
      String close = kind == '{' ? "}}" : kind + "}";
      int end = source.indexOf(close, open + 2);
      int next = kind == '#' ? -1 : nextOpening(source, open + 2);
      if (end < 0 || (next >= 0 && next < end)) {
        return at(source, open, close);
      }
      from = end + 2;
    }
  }

  private static int nextOpening(String source, int from) {
    for (int i = source.indexOf('{', from); i >= 0; i = source.indexOf('{', i + 1)) {
      char next = i + 1 < source.length() ? source.charAt(i + 1) : 0;
      if (next == '{' || next == '%' || next == '#') {
        return i;
      }
    }
    return -1;
  }

  private static Unclosed at(String source, int open, String close) {
    int line = 1;
    for (int i = 0; i < open; i++) {
      line += source.charAt(i) == '\n' ? 1 : 0;
    }
    int end = source.indexOf('\n', open);
    String text = source.substring(open, end < 0 ? source.length() : end).strip();
    return new Unclosed(line, text.length() > 40 ? text.substring(0, 40) + "…" : text, close);
  }

  /**
   * Pebble's message in a writer's words: the end of the file, which Pebble names as the character
   * NUL ("Unexpected character [\0]", when a tag or an expression is not closed before it), and a
   * name that does not exist, which Pebble reports with the Java class of the value it was looked
   * up on. (Other control characters are written out where problems are shown: {@link
   * dev.kbgen.problem.Problem#visible}.)
   */
  static String readable(String message) {
    String m =
        message.replace(
            END_OF_FILE, "[the end of the file: a tag or expression above is not closed]");
    m = ROOT_MISSING.matcher(m).replaceAll("there is no variable '$1'");
    return MISSING.matcher(m).replaceAll("attribute '$1' does not exist");
  }

  private static final Pattern ROOT_MISSING =
      Pattern.compile(
          "Root attribute \\[(.+?)\\] does not exist or can not be accessed and strict variables"
              + " is set to true\\.");
  private static final Pattern MISSING =
      Pattern.compile(
          "Attribute \\[(.+?)\\] of \\[.+?\\] does not exist or can not be accessed and strict"
              + " variables is set to true\\.");

  private String relative(String file) {
    Path p = Path.of(file);
    return p.isAbsolute() && p.startsWith(dir) ? dir.relativize(p).toString() : file;
  }
}
