package dev.kbgen.content;

import java.util.Locale;

/**
 * How the Java runtime reads file names and command-line arguments: in the character set of the
 * locale it was started in. Outside a UTF-8 locale (LANG unset or C, as on many CI machines), a
 * name such as {@code 同步.md} reads as replacement characters, and would publish under the wrong URL
 * or not be found again.
 *
 * @param charset the locale's character set, e.g. {@code UTF-8} or {@code ANSI_X3.4-1968}
 */
public record FileNames(String charset) {
  private static final char REPLACEMENT = '\uFFFD';

  /** The running Java runtime's. */
  public static FileNames current() {
    return new FileNames(
        System.getProperty("sun.jnu.encoding", System.getProperty("native.encoding", "UTF-8")));
  }

  public boolean isUtf8() {
    String c = charset.toUpperCase(Locale.ROOT).replace("-", "");
    return c.equals("UTF8");
  }

  /** Whether a name as read holds bytes that this character set could not read. */
  public static boolean unreadable(String name) {
    return name.indexOf(REPLACEMENT) >= 0;
  }

  /** What is wrong with an unreadable file name. */
  public String problem() {
    return isUtf8()
        ? "the file name is not valid UTF-8"
        : "the file name cannot be read in this locale's character set (" + charset + ")";
  }

  /** What to do about an unreadable file name or argument. */
  public String hint() {
    return isUtf8()
        ? "rename the file with a name in UTF-8"
        : "run kbgen in a UTF-8 locale, such as LC_ALL=C.UTF-8 (bin/kbgen does so by itself)";
  }
}
