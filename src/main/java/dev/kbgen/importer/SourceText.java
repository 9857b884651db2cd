package dev.kbgen.importer;

/** A source file's front matter and body. */
final class SourceText {
  private SourceText() {}

  /**
   * A file split into front matter and body.
   *
   * @param frontMatter the YAML between the {@code ---} lines, or null when there is none
   * @param body the rest
   * @param bodyLine the file line the body starts on
   */
  record Split(String frontMatter, String body, int bodyLine) {}

  /** Front matter between a first {@code ---} line and the next {@code ---} (or end of file). */
  static Split split(String text) {
    String[] lines = text.split("\n", -1);
    if (lines.length == 0 || !lines[0].strip().equals("---")) {
      return new Split(null, text, 1);
    }
    for (int i = 1; i < lines.length; i++) {
      String l = lines[i].stripTrailing();
      if (l.equals("---") || l.equals("...")) {
        StringBuilder fm = new StringBuilder();
        for (int j = 1; j < i; j++) {
          fm.append(lines[j]).append('\n');
        }
        StringBuilder body = new StringBuilder();
        for (int j = i + 1; j < lines.length; j++) {
          body.append(lines[j]);
          if (j < lines.length - 1) {
            body.append('\n');
          }
        }
        return new Split(fm.toString(), body.toString(), i + 2);
      }
    }
    return new Split(null, text, 1);
  }
}
