package dev.kbgen.content;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

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

  /**
   * A path as its bytes spell it in UTF-8, absolute: {@code /kb/content/zh/同步.md} where this
   * runtime reads {@code /kb/content/zh/������.md}. The runtime's file system keeps a name's bytes
   * and writes them, not its reading of them, into the path's URI, so the name can be told even
   * where it cannot be read. Empty when the bytes are not UTF-8 either, or the path's file system
   * has no such URI.
   */
  public static Optional<String> asUtf8(Path path) {
    String raw;
    try {
      raw = path.toAbsolutePath().normalize().toUri().getRawPath();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    if (raw == null) {
      return Optional.empty();
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); ) {
      int c = raw.codePointAt(i);
      if (c == '%') {
        int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
        int low = high >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
        if (low < 0) {
          return Optional.empty();
        }
        bytes.write(high * 16 + low);
        i += 3;
      } else {
        bytes.writeBytes(Character.toString(c).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(c);
      }
    }
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes.toByteArray()))
              .toString();
      // A folder's URI ends in '/'.
      return Optional.of(
          text.length() > 1 && text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
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
