package dev.kbgen.markdown;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;
import java.util.List;

/**
 * flexmark parsers and renderers with given extensions, to compare a guarded extension with its
 * own.
 */
final class Flexmark {
  private Flexmark() {}

  private static MutableDataSet options(Extension... extensions) {
    MutableDataSet options = new MutableDataSet();
    options.set(Parser.EXTENSIONS, List.of(extensions));
    return options;
  }

  static Parser parser(Extension... extensions) {
    return Parser.builder(options(extensions)).build();
  }

  static HtmlRenderer renderer(Extension... extensions) {
    return HtmlRenderer.builder(options(extensions)).build();
  }
}
