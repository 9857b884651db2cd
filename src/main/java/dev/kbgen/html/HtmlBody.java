package dev.kbgen.html;

import java.util.List;

/**
 * A rendered article body taken apart.
 *
 * @param html the whole body
 * @param intro content before the first level-2 heading (may be empty)
 * @param introText the intro as plain text
 * @param sections the level-2 sections in document order
 * @param headings every heading with an id
 * @param text the whole body as plain text
 */
public record HtmlBody(
    String html,
    String intro,
    String introText,
    List<HtmlSection> sections,
    List<HtmlHeading> headings,
    String text) {
  public HtmlBody {
    sections = List.copyOf(sections);
    headings = List.copyOf(headings);
  }
}
