package dev.kbgen.markdown;

import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.autolink.internal.AutolinkNodePostProcessor;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.PostProcessor;
import com.vladsch.flexmark.parser.PostProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.ast.TypographicText;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import java.util.Map;
import java.util.Set;

/**
 * flexmark's autolink extension (bare URLs, {@code www.} addresses and e-mail addresses become
 * links), with its post-processor asked only about text that could hold one. The extension runs a
 * regular expression over every text node, at every position; a text with no {@code :}, {@code @},
 * {@code &} (an entity that could become one) or {@code www} has no link, so skipping it changes
 * nothing. A text followed by an entity or typographic text is always passed on: the extension
 * reads them together.
 */
final class Autolinks implements Parser.ParserExtension {
  private final AutolinkExtension extension = AutolinkExtension.create();

  @Override
  public void parserOptions(MutableDataHolder options) {
    extension.parserOptions(options);
  }

  @Override
  public void extend(Parser.Builder builder) {
    builder.postProcessorFactory(new Guarded(new AutolinkNodePostProcessor.Factory()));
  }

  /** Whether a text node could hold a link or be read with the node after it. */
  static boolean mayLink(Node node) {
    Node next = node.getNext();
    if (next instanceof HtmlEntity || next instanceof TypographicText) {
      return true;
    }
    CharSequence chars = node.getChars();
    int n = chars.length();
    for (int i = 0; i < n; i++) {
      char c = chars.charAt(i);
      if (c == ':' || c == '@' || c == '&') {
        return true;
      }
      if ((c == 'w' || c == 'W')
          && i + 2 < n
          && (chars.charAt(i + 1) | 0x20) == 'w'
          && (chars.charAt(i + 2) | 0x20) == 'w') {
        return true;
      }
    }
    return false;
  }

  /** The extension's post-processor factory, its processors asked only about possible links. */
  private record Guarded(PostProcessorFactory inner) implements PostProcessorFactory, Wrapping {
    @Override
    public Map<Class<?>, Set<Class<?>>> getNodeTypes() {
      return inner.getNodeTypes();
    }

    @Override
    public PostProcessor apply(Document document) {
      PostProcessor processor = inner.apply(document);
      return new PostProcessor() {
        @Override
        public Document processDocument(Document doc) {
          return processor.processDocument(doc);
        }

        @Override
        public void process(NodeTracker state, Node node) {
          if (mayLink(node)) {
            processor.process(state, node);
          }
        }
      };
    }
  }
}
