package dev.kbgen.markdown;

import com.vladsch.flexmark.ext.admonition.AdmonitionExtension;
import com.vladsch.flexmark.ext.admonition.internal.AdmonitionBlockParser;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.mappers.SpecialLeadInHandler;

/**
 * flexmark's admonition extension ({@code !!! note "Title"}), with its block parser asked only
 * about lines that start with its markers. The extension's own parser compiles a regular expression
 * for every line that could start a block before it looks at the line (a quarter of a second per
 * thousand articles); a line that does not start with {@code !!!} or {@code ???} after its
 * indentation can never match that expression, so skipping it changes nothing.
 */
final class Admonitions implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {
  private final AdmonitionExtension extension = AdmonitionExtension.create();

  @Override
  public void parserOptions(MutableDataHolder options) {
    extension.parserOptions(options);
  }

  @Override
  public void extend(Parser.Builder builder) {
    builder.customBlockParserFactory(new Guarded(new AdmonitionBlockParser.Factory()));
  }

  @Override
  public void rendererOptions(MutableDataHolder options) {
    extension.rendererOptions(options);
  }

  @Override
  public void extend(HtmlRenderer.Builder builder, String rendererType) {
    extension.extend(builder, rendererType);
  }

  /** Whether the line has {@code !!!} or {@code ???} at {@code index}. */
  static boolean startsWithMarker(BasedSequence line, int index) {
    if (index < 0 || index + 3 > line.length()) {
      return false;
    }
    char c = line.charAt(index);
    return (c == '!' || c == '?') && line.charAt(index + 1) == c && line.charAt(index + 2) == c;
  }

  /** The extension's block parser factory, asked only about lines with a marker. */
  private record Guarded(CustomBlockParserFactory inner)
      implements CustomBlockParserFactory, Wrapping {
    @Override
    public BlockParserFactory apply(DataHolder options) {
      BlockParserFactory factory = inner.apply(options);
      return (state, matched) ->
          startsWithMarker(state.getLine(), state.getNextNonSpaceIndex())
              ? factory.tryStart(state, matched)
              : BlockStart.none();
    }

    @Override
    public SpecialLeadInHandler getLeadInHandler(DataHolder options) {
      return inner.getLeadInHandler(options);
    }
  }
}
