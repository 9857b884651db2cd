/**
 * Markdown to HTML with flexmark, built once per build: GitHub-style tables, task lists,
 * strikethrough, autolinks, footnotes, admonitions, stable heading anchors and article links.
 */
package dev.kbgen.markdown;
