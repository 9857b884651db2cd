package dev.kbgen.markdown;

import dev.kbgen.config.SectionNames;
import dev.kbgen.content.Article;
import dev.kbgen.html.RawHtml;
import dev.kbgen.problem.Problem;
import dev.kbgen.problem.Problems;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link MarkdownRenderer} that remembers what it rendered, for a series of builds of the same
 * site (the preview server). An article is rendered again only when its text changed or when one of
 * the links it contains now resolves differently (a target appeared, disappeared, moved or was
 * retitled); otherwise the previous body, and the problems found while rendering it, are reused.
 *
 * <p>Safe to use from several threads, as the pipeline renders articles in parallel.
 */
public final class MarkdownCache {
  private final SectionNames sectionNames;
  private final MarkdownRenderer renderer;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicLong renders = new AtomicLong();

  private final RawHtml rawHtml;

  public MarkdownCache(SectionNames sectionNames) {
    this(sectionNames, RawHtml.SANITIZE);
  }

  public MarkdownCache(SectionNames sectionNames, RawHtml rawHtml) {
    this.sectionNames = sectionNames;
    this.rawHtml = rawHtml;
    this.renderer = new MarkdownRenderer(sectionNames, rawHtml);
  }

  /** Whether raw HTML is sanitised or trusted. */
  public RawHtml rawHtml() {
    return rawHtml;
  }

  /** The section names the renderer classifies headings with. */
  public SectionNames sectionNames() {
    return sectionNames;
  }

  /** How many articles were actually rendered (not taken from the cache) so far. */
  public long renders() {
    return renders.get();
  }

  /** Like {@link MarkdownRenderer#render}, reusing the last body when its inputs are the same. */
  public RenderedBody render(
      Article article,
      LinkResolver links,
      Map<String, String> admonitionTitles,
      Problems problems) {
    Key key =
        new Key(
            article.lang(),
            article.source().file(),
            article.bodyLine(),
            article.body(),
            Map.copyOf(admonitionTitles));
    Entry previous = entries.get(article.path());
    if (previous != null && previous.key().equals(key) && previous.resolvesTheSame(links)) {
      problems.addAll(previous.problems());
      return previous.body();
    }
    Recorder recorder = new Recorder(links);
    Problems found = new Problems();
    RenderedBody body = renderer.render(article, recorder, admonitionTitles, found);
    renders.incrementAndGet();
    Entry entry = new Entry(key, Map.copyOf(recorder.seen), body, found.sorted());
    entries.put(article.path(), entry);
    problems.addAll(entry.problems());
    return body;
  }

  /** Everything a body depends on apart from its links. */
  private record Key(
      String lang, String file, int bodyLine, String body, Map<String, String> admonitionTitles) {}

  /**
   * A rendered body with the links it asked for and how they resolved.
   *
   * @param links every link request made while rendering, with its resolution
   */
  private record Entry(
      Key key, Map<LinkRequest, LinkResolution> links, RenderedBody body, List<Problem> problems) {

    boolean resolvesTheSame(LinkResolver resolver) {
      for (var e : links.entrySet()) {
        if (!resolver.resolve(e.getKey()).equals(e.getValue())) {
          return false;
        }
      }
      return true;
    }
  }

  /** Records the link requests of one render (one thread renders one article). */
  private static final class Recorder implements LinkResolver {
    private final LinkResolver delegate;
    private final Map<LinkRequest, LinkResolution> seen = new LinkedHashMap<>();

    Recorder(LinkResolver delegate) {
      this.delegate = delegate;
    }

    @Override
    public LinkResolution resolve(LinkRequest request) {
      LinkResolution r = delegate.resolve(request);
      seen.put(request, r);
      return r;
    }
  }
}
