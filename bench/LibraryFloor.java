import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.wikilink.WikiLinkExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.yaml.snakeyaml.Yaml;

/**
 * What the libraries kbgen is built on take for a corpus by themselves: every article file read,
 * its front matter loaded with SnakeYAML, its body parsed and rendered with flexmark (the
 * extensions kbgen uses, without its own), and tokenized with Lucene (English analyzer, ICU for
 * Chinese), on every core. No links, sections, search index, templates or output: a lower bound of
 * a build on the same JVM.
 *
 * <p>Run by bench/run.sh with kbgen's jar on the class path and the JVM options bin/kbgen picks:
 * {@code java -cp target/kbgen.jar:DIR LibraryFloor CONTENT_DIR}.
 */
public final class LibraryFloor {
  private LibraryFloor() {}

  public static void main(String[] args) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Path.of(args[0]))) {
      files = walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
    MutableDataSet options = new MutableDataSet();
    options.set(
        Parser.EXTENSIONS,
        List.of(
            TablesExtension.create(),
            StrikethroughExtension.create(),
            TaskListExtension.create(),
            AutolinkExtension.create(),
            FootnoteExtension.create(),
            WikiLinkExtension.create()));
    options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
    options.set(HtmlRenderer.RENDER_HEADER_ID, true);
    Parser parser = Parser.builder(options).build();
    HtmlRenderer renderer = HtmlRenderer.builder(options).build();
    Analyzer english = new EnglishAnalyzer();
    Analyzer chinese =
        new Analyzer() {
          @Override
          protected TokenStreamComponents createComponents(String field) {
            return new TokenStreamComponents(new ICUTokenizer());
          }
        };
    AtomicLong html = new AtomicLong();
    AtomicLong tokens = new AtomicLong();
    files.parallelStream()
        .forEach(
            f -> {
              String text;
              try {
                text = Files.readString(f, StandardCharsets.UTF_8);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              int close = text.indexOf("\n---", 3);
              new Yaml().load(text.substring(4, close));
              String body = text.substring(text.indexOf('\n', close + 1) + 1);
              html.addAndGet(renderer.render(parser.parse(body)).length());
              Analyzer analyzer = f.toString().contains("/zh/") ? chinese : english;
              try (TokenStream ts = analyzer.tokenStream("body", body)) {
                ts.reset();
                while (ts.incrementToken()) {
                  tokens.incrementAndGet();
                }
                ts.end();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    System.out.printf(
        "%d files, %d characters of HTML, %d tokens%n", files.size(), html.get(), tokens.get());
  }
}
