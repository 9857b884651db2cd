package dev.kbgen.content;

import dev.kbgen.problem.Source;

/**
 * One article file, read and typed.
 *
 * @param path path below the content folder with {@code /} separators, e.g. {@code en/sync/x.md}
 * @param lang the language folder
 * @param area the first folder below the language (the product area)
 * @param slugPath the URL path below the language, without extension, e.g. {@code sync/x}
 * @param meta the front matter
 * @param body the Markdown body (line ends normalised to {@code \n})
 * @param bodyLine the file line number of the body's first line
 * @param source the whole file, for quoting lines in problems
 */
public record Article(
    String path,
    String lang,
    String area,
    String slugPath,
    ArticleMeta meta,
    String body,
    int bodyLine,
    Source source) {

  public String id() {
    return meta.id();
  }

  public String title() {
    return meta.title();
  }
}
