package dev.kbgen.html;

/**
 * A part of a rendered body that starts with a level-2 heading.
 *
 * @param heading the heading text
 * @param anchor the heading's id
 * @param html the content after the heading, up to the next level-2 heading
 * @param text the content as plain text
 */
public record HtmlSection(String heading, String anchor, String html, String text) {}
