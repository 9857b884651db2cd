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
 * @param referenceTitles the titles that references without a text of their own ({@code
 *     [[KB-1042]]}) show, as they read in the plain text, in document order: the other article's
 *     words, not this one's
 */
public record RenderedBody(
    String intro,
    String introText,
    List<Section> sections,
    List<HtmlHeading> headings,
    Set<String> links,
    List<AnchorLink> anchors,
    List<String> referenceTitles) {

  public RenderedBody {
    anchors = List.copyOf(anchors);
    sections = List.copyOf(sections);
    headings = List.copyOf(headings);
    links = Set.copyOf(links);
    referenceTitles = List.copyOf(referenceTitles);
  }

  /** The body as plain text (made when asked for: a site holds every body until it is written). */
  public String text() {
    return HtmlBody.plainText(introText, parts(false).subList(1, 1 + 2 * sections.size()));
  }

  /**
   * The body as plain text without the titles that references show ({@link #referenceTitles}): what
   * the article itself says, for finding the error codes it mentions.
   */
  public String ownText() {
    List<String> parts = parts(true);
    return HtmlBody.plainText(parts.get(0), parts.subList(1, parts.size()));
  }

  /**
   * The intro's text and each section's text without the titles that references show ({@link
   * #referenceTitles}), in that order: what the search indexes of this article.
   */
  public List<String> ownTexts() {
    List<String> parts = parts(true);
    List<String> out = new ArrayList<>(1 + sections.size());
    out.add(parts.get(0));
    for (int i = 0; i < sections.size(); i++) {
      out.add(parts.get(2 + 2 * i));
    }
    return out;
  }

  /**
   * The intro's text, then each section's heading and text; with {@code own}, each reference title
   * is taken out where it was written (the next place it reads after the previous one, else its
   * first), replaced by a space.
   */
  private List<String> parts(boolean own) {
    List<String> parts = new ArrayList<>(1 + 2 * sections.size());
    parts.add(introText);
    for (Section s : sections) {
      parts.add(s.heading());
      parts.add(s.text());
    }
    if (!own) {
      return parts;
    }
    int part = 0;
    int at = 0;
    for (String title : referenceTitles) {
      if (title.isEmpty()) {
        continue;
      }
      int[] found = find(parts, title, part, at);
      if (found == null) {
        found = find(parts, title, 0, 0);
      }
      if (found != null) {
        String p = parts.get(found[0]);
        parts.set(
            found[0], p.substring(0, found[1]) + " " + p.substring(found[1] + title.length()));
        part = found[0];
        at = found[1] + 1;
      }
    }
    return parts;
  }

  /** Where {@code text} first reads in {@code parts}, from part {@code part} at {@code at}. */
  private static int[] find(List<String> parts, String text, int part, int at) {
    for (int i = part; i < parts.size(); i++) {
      int k = parts.get(i).indexOf(text, i == part ? at : 0);
      if (k >= 0) {
        return new int[] {i, k};
      }
    }
    return null;
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
