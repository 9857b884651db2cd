package dev.kbgen.content;

import dev.kbgen.problem.Source;

/**
 * A content file decoded as text.
 *
 * @param path path below the content folder with {@code /} separators
 * @param display the file name as shown in problems
 * @param text the text, BOM removed and line ends normalised to {@code \n}
 */
public record TextFile(String path, String display, String text) {
  public Source source() {
    return Source.of(display, text);
  }
}
