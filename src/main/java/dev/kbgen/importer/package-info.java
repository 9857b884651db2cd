/**
 * {@code kbgen import}: converts an existing knowledge base (DocFX, Hugo or plain Markdown) into
 * kbgen's content model. {@link dev.kbgen.importer.Importer} walks the source tree in sorted order,
 * {@link dev.kbgen.importer.MarkdownConverter} converts each body (alerts, includes, shortcodes,
 * JSX-like tags, comments, links) outside code, {@link dev.kbgen.importer.FrontMatterMapper} maps
 * the front matter, and {@link dev.kbgen.importer.ImportReport} says what was converted, warned
 * about and skipped. Writing goes into {@code <into>/<lang>/<prefix>/} only.
 */
package dev.kbgen.importer;
