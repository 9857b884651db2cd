package dev.kbgen.markdown;

import dev.kbgen.config.SectionKind;
import dev.kbgen.html.HtmlBody;
import dev.kbgen.html.HtmlHeading;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An article body rendered and taken apart.
 *
 * <p>The sections are kept, not the whole body's HTML as well: a site holds every body until its
 * pages are written ({@link MarkdownRenderer#html} gives the whole).
 *
 * @param intro HTML before the first level-2 heading (may be empty)
 * @param introText the intro as plain text
 * @param sections level-2 sections in document order, each with its kind
 * @param headings every heading with its anchor
 * @param links ids of the articles this body links to
 * @param anchors links to a heading in this or another article, to check once all are rendered
 */
public record RenderedBody(
    String intro,
    String introText,
    List<Section> sections,
    List<HtmlHeading> headings,
    Set<String> links,
    List<AnchorLink> anchors) {

  public RenderedBody {
    anchors = List.copyOf(anchors);
    sections = List.copyOf(sections);
    headings = List.copyOf(headings);
    links = Set.copyOf(links);
  }

  /** The body as plain text (made when asked for: a site holds every body until it is written). */
  public String text() {
    List<String> parts = new ArrayList<>();
    for (Section s : sections) {
      parts.add(s.heading());
      parts.add(s.text());
    }
    return HtmlBody.plainText(introText, parts);
  }

  /**
   * A level-2 section.
   *
   * @param kind symptom, cause, resolution, prevention or other
   * @param heading the heading text
   * @param anchor the heading id
   * @param html the section's content
   * @param text the content as plain text
   * @param line the heading's line in the file
   */
  public record Section(
      SectionKind kind, String heading, String anchor, String html, String text, int line) {}
}
