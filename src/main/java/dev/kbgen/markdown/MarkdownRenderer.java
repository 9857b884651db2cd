package dev.kbgen.markdown;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.admonition.AdmonitionExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.wikilink.WikiLink;
import com.vladsch.flexmark.ext.wikilink.WikiLinkExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.IndependentLinkResolverFactory;
import com.vladsch.flexmark.html.renderer.LinkResolverBasicContext;
import com.vladsch.flexmark.html.renderer.LinkStatus;
import com.vladsch.flexmark.html.renderer.LinkType;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.html.renderer.ResolvedLink;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.data.NullableDataKey;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import com.vladsch.flexmark.util.sequence.SubSequence;
import dev.kbgen.config.SectionKind;
import dev.kbgen.config.SectionNames;
import dev.kbgen.content.Article;
import dev.kbgen.html.HtmlBody;
import dev.kbgen.html.HtmlPostProcessor;
import dev.kbgen.html.HtmlSection;
import dev.kbgen.html.RawHtml;
import dev.kbgen.problem.Problems;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The Markdown renderer: one flexmark parser and renderer, shared by every article. */
public final class MarkdownRenderer {
  private static final NullableDataKey<RenderScope> SCOPE = new NullableDataKey<>("KBGEN_SCOPE");

  private final Parser parser;
  private final HtmlRenderer renderer;
  private final SectionNames sectionNames;
  private final RawHtml rawHtml;

  public MarkdownRenderer(SectionNames sectionNames) {
    this(sectionNames, RawHtml.SANITIZE);
  }

  /**
   * @param sectionNames headings that mark troubleshooting sections
   * @param rawHtml whether raw HTML in articles is sanitised or trusted
   */
  public MarkdownRenderer(SectionNames sectionNames, RawHtml rawHtml) {
    this.sectionNames = sectionNames;
    this.rawHtml = rawHtml;
    MutableDataSet options = new MutableDataSet();
    options.set(
        Parser.EXTENSIONS,
        List.of(
            TablesExtension.create(),
            StrikethroughExtension.create(),
            TaskListExtension.create(),
            new Autolinks(),
            FootnoteExtension.create(),
            new Admonitions(),
            WikiLinkExtension.create(),
            new KbgenExtension()));
    // CommonMark's <...> link destinations may hold spaces ([a](<my file.md>)); flexmark reads them
    // only with this option, which also takes spaces in a destination without brackets.
    options.set(Parser.SPACE_IN_LINK_URLS, true);
    options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
    options.set(HtmlRenderer.RENDER_HEADER_ID, true);
    options.set(HtmlRenderer.HEADER_ID_GENERATOR_RESOLVE_DUPES, true);
    options.set(HtmlRenderer.HEADER_ID_GENERATOR_NO_DUPED_DASHES, true);
    options.set(HtmlRenderer.SOFT_BREAK, "\n");
    // Raw HTML is passed through and then sanitised (or trusted) by the post-processor.
    options.set(HtmlRenderer.ESCAPE_HTML, false);
    // flexmark drops javascript: links silently by default; kbgen's resolver reports them instead.
    options.set(HtmlRenderer.SUPPRESSED_LINKS, "");
    options.set(TablesExtension.WITH_CAPTION, false);
    options.set(TablesExtension.COLUMN_SPANS, false);
    options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
    options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
    options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
    options.set(WikiLinkExtension.LINK_FIRST_SYNTAX, true);
    // "!!! important" and "!!! caution" mean the same as GitHub's [!IMPORTANT] and [!CAUTION]
    // (flexmark folds them into tip and warning), and a block without a title gets the title of
    // its kind in the article's language from the post-processor, not flexmark's English one.
    Map<String, String> admonitionTypes = new HashMap<>(AdmonitionExtension.getQualifierTypeMap());
    admonitionTypes.put("important", "important");
    admonitionTypes.put("caution", "caution");
    Map<String, String> noTitles = new HashMap<>();
    admonitionTypes.keySet().forEach(k -> noTitles.put(k, ""));
    options.set(AdmonitionExtension.QUALIFIER_TYPE_MAP, admonitionTypes);
    options.set(AdmonitionExtension.QUALIFIER_TITLE_MAP, noTitles);
    // The icons' default is read from flexmark's jar each time a document renders; read it once.
    options.set(AdmonitionExtension.TYPE_SVG_MAP, AdmonitionExtension.getQualifierSvgValueMap());
    this.parser = Parser.builder(options).build();
    this.renderer = HtmlRenderer.builder(options).build();
  }

  /**
   * Renders an article body. Broken links become problems at the line and column where they are
   * written.
   *
   * @param article the article
   * @param links resolves its links to URLs relative to its page
   * @param admonitionTitles admonition titles in the article's language
   * @param problems where broken links are reported
   */
  public RenderedBody render(
      Article article,
      LinkResolver links,
      Map<String, String> admonitionTitles,
      Problems problems) {
    Rendering rendering = rendering(article, links, admonitionTitles, problems);
    Document doc = rendering.doc();
    RenderScope scope = rendering.scope();
    HtmlBody body = rendering.body();
    List<Integer> headingLines = new ArrayList<>();
    for (Node n : doc.getChildren()) {
      if (n instanceof Heading h && h.getLevel() == 2) {
        headingLines.add(article.bodyLine() + doc.getLineNumber(h.getStartOffset()));
      }
    }
    List<RenderedBody.Section> sections = new ArrayList<>();
    List<HtmlSection> htmlSections = body.sections();
    for (int i = 0; i < htmlSections.size(); i++) {
      HtmlSection s = htmlSections.get(i);
      SectionKind kind = sectionNames.classify(article.lang(), s.heading());
      int line = i < headingLines.size() ? headingLines.get(i) : 0;
      sections.add(
          new RenderedBody.Section(kind, s.heading(), s.anchor(), s.html(), s.text(), line));
    }
    return new RenderedBody(
        body.intro(),
        body.introText(),
        sections,
        body.headings(),
        scope.linked,
        scope.anchors,
        scope.referenceTitles.stream().map(HtmlBody::asText).toList());
  }

  /**
   * An article body as one piece of HTML, the form that {@link #render} takes apart (the sections
   * are what pages show).
   */
  public String html(
      Article article,
      LinkResolver links,
      Map<String, String> admonitionTitles,
      Problems problems) {
    return rendering(article, links, admonitionTitles, problems).body().html();
  }

  /**
   * The renderer's HTML for Markdown outside any article (links as written), before it is taken
   * apart.
   */
  String flexmarkHtml(String markdown) {
    return renderer.render(parser.parse(markdown));
  }

  /** The renderer's HTML for an article's body, its links resolved, before it is taken apart. */
  String flexmarkHtml(Article article, LinkResolver links) {
    return renderer.render(parsed(article, links, new Problems()).doc);
  }

  private Rendering rendering(
      Article article,
      LinkResolver links,
      Map<String, String> admonitionTitles,
      Problems problems) {
    RenderScope scope = parsed(article, links, problems);
    Document doc = scope.doc;
    boolean hasRawHtml = checkNodes(doc, scope);
    String html = renderer.render(doc);
    HtmlBody body = HtmlPostProcessor.process(html, admonitionTitles, rawHtml, hasRawHtml);
    return new Rendering(doc, scope, body);
  }

  /** An article's body parsed, with what its link hooks need while it renders. */
  private RenderScope parsed(Article article, LinkResolver links, Problems problems) {
    Document doc = parser.parse(article.body());
    RenderScope scope = new RenderScope(article, links, problems, doc);
    doc.set(SCOPE, scope);
    return scope;
  }

  /** A parsed and rendered body, before it is taken apart. */
  private record Rendering(Document doc, RenderScope scope, HtmlBody body) {}

  /**
   * Reports empty links (flexmark does not ask link resolvers about an empty URL, so {@code
   * [text]()} is checked here).
   *
   * @return whether the document has raw HTML (in the same walk over its nodes)
   */
  private static boolean checkNodes(Document doc, RenderScope scope) {
    boolean html = false;
    for (Node n : doc.getDescendants()) {
      if (n instanceof HtmlBlockBase || n instanceof HtmlInlineBase) {
        html = true;
      } else if (n instanceof com.vladsch.flexmark.ast.Link link && link.getUrl().isEmpty()) {
        scope.resolve(new LinkRequest(LinkRequest.Kind.LINK, ""), n);
      } else if (n instanceof com.vladsch.flexmark.ast.Image image && image.getUrl().isEmpty()) {
        scope.resolve(new LinkRequest(LinkRequest.Kind.IMAGE, ""), n);
      }
    }
    return html;
  }

  /** What the link hooks need while one document renders. */
  private static final class RenderScope {
    final Article article;
    final LinkResolver links;
    final Problems problems;
    final Document doc;
    final Set<String> linked = new TreeSet<>();
    final List<AnchorLink> anchors = new ArrayList<>();

    /** The titles written as the text of references that have none of their own, in order. */
    final List<String> referenceTitles = new ArrayList<>();

    RenderScope(Article article, LinkResolver links, Problems problems, Document doc) {
      this.article = article;
      this.links = links;
      this.problems = problems;
      this.doc = doc;
    }

    LinkResolution resolve(LinkRequest request, Node node) {
      LinkResolution r = links.resolve(request);
      int offset = node.getStartOffset();
      int line = article.bodyLine() + doc.getLineNumber(offset);
      int column = offset - doc.getChars().startOfLine(offset) + 1;
      if (r.isBroken()) {
        problems.add(article.source().error(line, column, r.problem(), r.hint()));
        return r;
      }
      if (r.targetId() != null) {
        linked.add(r.targetId());
      }
      if (r.targetPath() != null && r.anchor() != null && !r.anchor().isEmpty()) {
        anchors.add(new AnchorLink(r.targetPath(), r.anchor(), line, column));
      }
      return r;
    }
  }

  private static RenderScope scope(DataHolder holder) {
    return SCOPE.get(holder);
  }

  /** Hooks kbgen's link handling and reference rendering into flexmark. */
  private static final class KbgenExtension implements HtmlRenderer.HtmlRendererExtension {
    @Override
    public void rendererOptions(MutableDataHolder options) {}

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
      builder.linkResolverFactory(new LinkHook.Factory());
      builder.nodeRendererFactory(options -> new ReferenceRenderer());
      builder.nodeRendererFactory(options -> new PlainTextRenderer());
    }
  }

  /** Resolves {@code [text](url)} and {@code ![alt](url)}. */
  private static final class LinkHook implements com.vladsch.flexmark.html.LinkResolver {
    @Override
    public ResolvedLink resolveLink(
        Node node, LinkResolverBasicContext context, ResolvedLink link) {
      RenderScope scope = scope(context.getDocument());
      if (scope == null || link.getLinkType() == WikiLinkExtension.WIKI_LINK) {
        return link;
      }
      if (node instanceof com.vladsch.flexmark.ast.RefNode ref && !ref.isDefined()) {
        return link; // "[text]" without a definition is plain text, e.g. "> [!NOTE]"
      }
      if (node instanceof com.vladsch.flexmark.ast.MailLink) {
        return link; // an e-mail address; flexmark adds "mailto:" itself
      }
      LinkRequest.Kind kind;
      if (link.getLinkType() == LinkType.IMAGE || link.getLinkType() == LinkType.IMAGE_REF) {
        kind = LinkRequest.Kind.IMAGE;
      } else if (link.getLinkType() == LinkType.LINK || link.getLinkType() == LinkType.LINK_REF) {
        kind = LinkRequest.Kind.LINK;
      } else {
        return link;
      }
      LinkResolution r = scope.resolve(new LinkRequest(kind, link.getUrl()), node);
      if (r.isBroken()) {
        return link.withStatus(LinkStatus.INVALID).withUrl("#broken-link");
      }
      String url = r.url().replace(" ", "%20"); // a space is no URL character: <a b.md>
      if (r.fallbackLang() != null) {
        url =
            url
                + (url.contains("?") ? "&" : "?")
                + HtmlPostProcessor.FALLBACK_MARK
                + r.fallbackLang();
      }
      return link.withStatus(LinkStatus.VALID).withUrl(url);
    }

    static final class Factory extends IndependentLinkResolverFactory {
      @Override
      public com.vladsch.flexmark.html.LinkResolver apply(LinkResolverBasicContext context) {
        return new LinkHook();
      }
    }
  }

  /**
   * Renders text as flexmark's own renderer does (backslash escapes and entities resolved, line
   * ends made {@code \n}, then HTML-escaped), without its regular expressions for the text that has
   * nothing to resolve or escape: most of an article's text.
   */
  private static final class PlainTextRenderer implements NodeRenderer {
    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
      return Set.of(new NodeRenderingHandler<>(Text.class, this::render));
    }

    private void render(Text node, NodeRendererContext context, HtmlWriter html) {
      BasedSequence chars = node.getChars();
      String plain = plain(chars);
      if (plain != null) {
        html.raw(plain);
      } else {
        html.text(Escaping.normalizeEOL(chars.unescape()));
      }
    }

    /** The text itself when nothing in it is resolved, changed or escaped; null otherwise. */
    private static String plain(BasedSequence chars) {
      // A piece of the source: its chars as they are, but for NUL, which flexmark reads as U+FFFD.
      String s =
          chars instanceof SubSequence sub && sub.getBase() instanceof String source
              ? source.substring(sub.getStartOffset(), sub.getEndOffset())
              : chars.toString();
      for (int i = 0; i < s.length(); i++) {
        switch (s.charAt(i)) {
          case '\\', '&', '\r', '<', '>', '"', '\0' -> {
            return null;
          }
          default -> {}
        }
      }
      return s;
    }
  }

  /** Renders {@code [[KB-1042]]} as a link titled with the target article's title. */
  private static final class ReferenceRenderer implements NodeRenderer {
    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
      return Set.of(new NodeRenderingHandler<>(WikiLink.class, this::render));
    }

    private void render(WikiLink node, NodeRendererContext context, HtmlWriter html) {
      RenderScope scope = scope(context.getDocument());
      String raw = node.getChars().toString();
      String inner = raw.substring(2, raw.length() - 2);
      String text = null;
      int bar = inner.indexOf('|');
      if (bar >= 0) {
        text = inner.substring(bar + 1).strip();
        inner = inner.substring(0, bar);
      }
      String target = inner.strip();
      if (scope == null) {
        html.text(raw);
        return;
      }
      LinkResolution r = scope.resolve(new LinkRequest(LinkRequest.Kind.REFERENCE, target), node);
      if (r.isBroken()) {
        html.withAttr().attr("class", "broken-link").tag("span");
        html.text(text != null && !text.isEmpty() ? text : target);
        html.closeTag("span");
        return;
      }
      html.attr("href", r.url()).attr("class", "kb-ref");
      if (r.fallbackLang() != null) {
        html.attr("hreflang", r.fallbackLang()).attr("class", "kb-ref lang-fallback");
      }
      html.withAttr().tag("a");
      if (text != null && !text.isEmpty()) {
        html.text(text);
      } else {
        html.text(r.title());
        scope.referenceTitles.add(r.title());
      }
      html.closeTag("a");
    }
  }
}
