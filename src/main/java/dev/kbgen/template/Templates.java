package dev.kbgen.template;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.writer.PooledSpecializedStringWriter;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

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
          new TemplateError(template, 0, String.valueOf(e.getMessage())), e);
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
          new TemplateError(template, 0, String.valueOf(e.getMessage())), e);
    }
  }

  /** A template mistake as Pebble reports it, in the words and place a writer can use. */
  private TemplateError error(PebbleException e, String template) {
    String file = e.getFileName() == null ? template : relative(e.getFileName());
    int line = e.getLineNumber() == null ? 0 : e.getLineNumber();
    String message = e.getPebbleMessage() == null ? e.getMessage() : e.getPebbleMessage();
    return new TemplateError(file, line, readable(String.valueOf(message)));
  }

  /**
   * Pebble names the end of the file as the character NUL ("Unexpected character [\0]", when a tag
   * or an expression is not closed before it): said in words. (Other control characters are written
   * out where problems are shown: {@link dev.kbgen.problem.Problem#visible}.)
   */
  static String readable(String message) {
    return message.replace(
        "[\u0000]", "[the end of the file: a tag or expression above is not closed]");
  }

  private String relative(String file) {
    Path p = Path.of(file);
    return p.isAbsolute() && p.startsWith(dir) ? dir.relativize(p).toString() : file;
  }
}
