package dev.kbgen.build;

import dev.kbgen.html.HtmlPostProcessor;
import dev.kbgen.html.RawHtml;
import dev.kbgen.search.Analysis;
import dev.kbgen.template.TemplateException;
import dev.kbgen.template.Templates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Work that later stages need once, done on a thread of its own while the content is read: loading
 * the word dictionaries of Chinese segmentation, the code that takes rendered bodies apart and the
 * theme's templates. Done first by the stage that needs it, each took one thread for a tenth to a
 * third of a second while the other core waited for it. Changes no output: what it makes is
 * dropped, a template that does not compile is reported by the stage that renders it.
 */
final class WarmUp {
  private static final String TEXT =
      "同步一直暫停怎么办 Sync paused: ORB-SYNC-1301 isn't 0x80070005 (C:\\Users\\Orbitly)";

  /** The renderer's markup, which bodies without raw HTML are taken apart from (no HTML parser). */
  private static final String HTML =
      "<h2 id=\"symptom\">Symptom</h2>\n<p>Text <code>code</code> <a href=\"x.html\">link</a></p>\n"
          + "<blockquote>\n<p>[!NOTE] note</p>\n</blockquote>\n<table>\n<thead>\n"
          + "<tr><th>a</th></tr>\n</thead>\n<tbody>\n<tr><td>b</td></tr>\n</tbody>\n</table>\n";

  private WarmUp() {}

  /** Starts the work; the thread ends by itself and never keeps the program running. */
  static void start(Supplier<Templates> templates) {
    Thread thread = new Thread(() -> run(templates.get()), "kbgen-warm-up");
    thread.setDaemon(true);
    // Whatever fails here (out of memory, say) fails again where the build does the same work,
    // which reports it: nothing is printed from this thread.
    thread.setUncaughtExceptionHandler((t, e) -> {});
    thread.setPriority(Thread.MIN_PRIORITY);
    thread.start();
  }

  private static void run(Templates templates) {
    try (Analysis analysis = new Analysis()) {
      analysis.analyze(TEXT, Analysis.Mode.DOC);
    }
    HtmlPostProcessor.process(HTML, Map.of(), RawHtml.SANITIZE, false);
    for (String name : names(templates.dir())) {
      try {
        templates.compile(name);
      } catch (TemplateException e) {
        // the stage that renders with it reports it
      }
    }
  }

  private static List<String> names(Path dir) {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".peb")).toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
