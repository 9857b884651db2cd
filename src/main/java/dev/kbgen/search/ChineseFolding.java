package dev.kbgen.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Traditional Chinese characters read as their simplified forms, so that a customer who types
 * "同步暫停" finds the article that says "同步暂停": ICU's Traditional-Simplified transliteration, one
 * character for one, in U+3400-U+9FFF ({@code traditional-simplified.txt}: pairs of traditional
 * then simplified; {@code ChineseFoldingTest} holds it to ICU). Pages and queries are folded alike;
 * the browser gets the same pairs in a file it loads only for a query with one of these characters.
 */
public final class ChineseFolding {
  /** The first code point of the folded range. */
  static final int FIRST = 0x3400;

  /** The last code point of the folded range. */
  static final int LAST = 0x9FFF;

  private static final String PAIRS = load();

  /** The simplified form of each code point of the range, or 0 where it is its own. */
  private static final char[] SIMPLIFIED = table(PAIRS);

  private ChineseFolding() {}

  private static String load() {
    try (InputStream in = ChineseFolding.class.getResourceAsStream("traditional-simplified.txt")) {
      if (in == null) {
        throw new IllegalStateException("traditional-simplified.txt is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static char[] table(String pairs) {
    char[] out = new char[LAST - FIRST + 1];
    for (int i = 0; i + 1 < pairs.length(); i += 2) {
      out[pairs.charAt(i) - FIRST] = pairs.charAt(i + 1);
    }
    return out;
  }

  /** A Han run with each traditional character replaced by its simplified form. */
  static String fold(String run) {
    char[] chars = null;
    for (int i = 0; i < run.length(); i++) {
      char c = run.charAt(i);
      char s = c >= FIRST && c <= LAST ? SIMPLIFIED[c - FIRST] : 0;
      if (s != 0) {
        if (chars == null) {
          chars = run.toCharArray();
        }
        chars[i] = s;
      }
    }
    return chars == null ? run : new String(chars);
  }

  /** The pairs, traditional then simplified, as the browser's file carries them. */
  static String pairs() {
    return PAIRS;
  }

  /**
   * Which code points of the range have a simplified form: one bit each, from {@link #FIRST}, the
   * lowest bit of each byte first, in Base64 (the browser's test before it loads the pairs).
   */
  static String bits() {
    byte[] bits = new byte[(LAST - FIRST + 1 + 7) / 8];
    for (int i = 0; i < SIMPLIFIED.length; i++) {
      if (SIMPLIFIED[i] != 0) {
        bits[i >> 3] |= (byte) (1 << (i & 7));
      }
    }
    return Base64.getEncoder().encodeToString(bits);
  }
}
