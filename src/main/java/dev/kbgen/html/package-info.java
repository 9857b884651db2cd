/**
 * HTML post-processing: sections, admonitions, headings and plain text, through jsoup for raw HTML
 * and the sanitizer, and without a parser for the renderer's own markup ({@link
 * dev.kbgen.html.OwnMarkup}).
 */
package dev.kbgen.html;
