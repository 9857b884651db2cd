package dev.kbgen.html;

/**
 * A heading in a rendered body.
 *
 * @param level 1 to 6
 * @param text its text
 * @param anchor its id
 */
public record HtmlHeading(int level, String text, String anchor) {}
