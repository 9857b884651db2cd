package dev.kbgen.content;

/**
 * The code-like tokens of a text: runs of letters and digits joined by the separators that codes
 * use, as the pattern {@code [\p{L}\p{N}]+(?:[._:/\\-]+[\p{L}\p{N}]+)*} finds them one after the
 * other ({@code E-STOR-2358}, {@code 0x80070005}, {@code ERR_TOO_MANY_REDIRECTS}, and every plain
 * word). Scanned by hand: the search's identifiers and the error-code pages' mentions read every
 * article's text this way, and a regular expression took several times as long.
 */
public final class CodeTokens {
  /** Receives each token as a range of the text. */
  @FunctionalInterface
  public interface Sink {
    /**
     * @param start the token's first char
     * @param end after its last char
     */
    void token(int start, int end);
  }

  private static final int LETTER_OR_NUMBER =
      1 << Character.UPPERCASE_LETTER
          | 1 << Character.LOWERCASE_LETTER
          | 1 << Character.TITLECASE_LETTER
          | 1 << Character.MODIFIER_LETTER
          | 1 << Character.OTHER_LETTER
          | 1 << Character.DECIMAL_DIGIT_NUMBER
          | 1 << Character.LETTER_NUMBER
          | 1 << Character.OTHER_NUMBER;

  private CodeTokens() {}

  /** Calls {@code sink} with each token of {@code text}, in order. */
  public static void forEach(String text, Sink sink) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      int word = wordEnd(text, i);
      if (word == i) {
        i += Character.charCount(text.codePointAt(i));
        continue;
      }
      int end = word;
      while (true) {
        int next = end;
        while (next < n && isSeparator(text.charAt(next))) {
          next++;
        }
        int after = next == end ? next : wordEnd(text, next);
        if (after == next) {
          break; // no separator, or separators not followed by a letter or digit
        }
        end = after;
      }
      sink.token(i, end);
      i = end;
    }
  }

  /** The end of the run of letters and digits at {@code from} ({@code from} itself if none). */
  private static int wordEnd(String text, int from) {
    int i = from;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c < 0x80) {
        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z' || c >= '0' && c <= '9') {
          i++;
          continue;
        }
        return i;
      }
      int cp = text.codePointAt(i);
      if ((LETTER_OR_NUMBER >> Character.getType(cp) & 1) == 0) {
        return i;
      }
      i += Character.charCount(cp);
    }
    return i;
  }

  /** Whether a char is one of the separators {@code . _ : / \ -}. */
  private static boolean isSeparator(char c) {
    return c == '.' || c == '_' || c == ':' || c == '/' || c == '\\' || c == '-';
  }
}
