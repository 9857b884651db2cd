package dev.kbgen.content;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells, line by line, which lines of a Markdown body are fenced code: a fence of three or more
 * backticks or tildes (indented at most three spaces) opens a block, and a line starting with the
 * same fence closes it. Rules that look for headings or markers skip those lines.
 */
public final class CodeFences {
  private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");

  private String open;

  /** Whether this line is code (a fence or inside a block); call it for every line, in order. */
  public boolean code(String line) {
    if (open == null) {
      Matcher f = FENCE.matcher(line);
      if (f.find()) {
        open = f.group(1);
        return true;
      }
      return false;
    }
    if (line.strip().startsWith(open)) {
      open = null;
    }
    return true;
  }
}
