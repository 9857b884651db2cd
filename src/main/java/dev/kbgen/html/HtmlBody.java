package dev.kbgen.html;

import java.util.List;
import java.util.StringJoiner;
import org.jsoup.nodes.Element;

/**
 * A rendered article body taken apart.
 *
 * @param html the whole body
 * @param intro content before the first level-2 heading (may be empty)
 * @param introText the intro as plain text
 * @param sections the level-2 sections in document order
 * @param headings every heading with an id
 */
public record HtmlBody(
    String html,
    String intro,
    String introText,
    List<HtmlSection> sections,
    List<HtmlHeading> headings) {
  public HtmlBody {
    sections = List.copyOf(sections);
    headings = List.copyOf(headings);
  }

  /**
   * A body's plain text from its parts (the intro's text, then each section's heading and text),
   * one space between two of them, as jsoup puts between blocks.
   */
  public static String plainText(String introText, List<String> parts) {
    StringJoiner text = new StringJoiner(" ");
    if (!introText.isEmpty()) {
      text.add(introText);
    }
    for (String part : parts) {
      if (!part.isEmpty()) {
        text.add(part);
      }
    }
    return text.toString();
  }

  /** A text as it reads in a body's plain text: whitespace collapsed and trimmed, as jsoup does. */
  public static String asText(String text) {
    return new Element("span").appendText(text).text();
  }
}
