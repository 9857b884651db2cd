package dev.kbgen.validate;

import dev.kbgen.content.Article;
import dev.kbgen.html.HtmlHeading;
import dev.kbgen.markdown.AnchorLink;
import dev.kbgen.markdown.RenderedBody;
import dev.kbgen.problem.Problems;
import dev.kbgen.problem.Suggestions;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A link to {@code #anchor} in an article must name one of its headings. Checked once every article
 * is rendered, against the heading ids of the target. A warning: the link still opens the page.
 */
public final class AnchorRule {
  private AnchorRule() {}

  /**
   * @param articles the rendered articles
   * @param bodies the rendered body of each article, by path
   */
  public static void check(
      List<Article> articles, Map<String, RenderedBody> bodies, Problems problems) {
    for (Article a : articles) {
      RenderedBody body = bodies.get(a.path());
      if (body == null) {
        continue;
      }
      for (AnchorLink link : body.anchors()) {
        RenderedBody target = bodies.get(link.targetPath());
        if (target == null) {
          continue;
        }
        List<String> ids = target.headings().stream().map(HtmlHeading::anchor).toList();
        String anchor = decode(link.anchor());
        if (ids.contains(anchor)) {
          continue;
        }
        boolean self = link.targetPath().equals(a.path());
        String where =
            self
                ? "this article"
                : articles.stream()
                    .filter(o -> o.path().equals(link.targetPath()))
                    .findFirst()
                    .map(o -> o.source().file())
                    .orElse(link.targetPath());
        String fallback =
            ids.isEmpty()
                ? "the article has no headings; link to the page without '#'"
                : "link to one of its headings: "
                    + String.join(", ", ids.stream().limit(8).map(id -> "#" + id).toList());
        problems.add(
            a.source()
                .warning(
                    link.line(),
                    link.column(),
                    "anchor '#" + link.anchor() + "' does not exist in " + where,
                    Suggestions.closest(anchor, ids)
                        .map(c -> "did you mean '#" + c + "'?")
                        .orElse(fallback)));
      }
    }
  }

  private static String decode(String anchor) {
    try {
      return URLDecoder.decode(anchor.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return anchor;
    }
  }
}
