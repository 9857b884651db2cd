package dev.kbgen.serve;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A request path checked and mapped to a file of the built site. Anything that could name a file
 * outside the site is refused rather than normalised: {@code .} and {@code ..} segments (also
 * percent-encoded), encoded slashes, backslashes, empty segments ({@code //etc}), drive letters,
 * NUL and other control characters, malformed escapes and invalid UTF-8.
 */
final class RequestPath {
  /** Longest request target accepted, in characters (path and query). */
  static final int MAX_LENGTH = 2048;

  private static final Pattern DRIVE = Pattern.compile("[A-Za-z]:");

  private RequestPath() {}

  /** The outcome: a site file to look up, or a refusal with its HTTP status. */
  sealed interface Result permits Site, Refused {}

  /**
   * A path of the built site.
   *
   * @param file the file, from the site root, e.g. {@code en/index.html}
   * @param folder whether the URL named a folder (ended with {@code /})
   */
  record Site(String file, boolean folder) implements Result {}

  /**
   * A request that is not served.
   *
   * @param status 400 or 414
   * @param reason why, for the response body
   */
  record Refused(int status, String reason) implements Result {}

  /** Checks the raw (still percent-encoded) path of a request. */
  static Result parse(String rawPath) {
    if (rawPath == null || !rawPath.startsWith("/")) {
      return bad("the path must start with /");
    }
    if (rawPath.length() > MAX_LENGTH) {
      return new Refused(414, "the URL is too long");
    }
    if (rawPath.indexOf('\\') >= 0) {
      return bad("backslashes are not allowed in paths");
    }
    String path = decode(rawPath);
    if (path == null) {
      return bad("malformed percent-encoding or invalid UTF-8");
    }
    if (path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      return bad("control characters are not allowed in paths");
    }
    String[] segments = path.substring(1).split("/", -1);
    StringBuilder file = new StringBuilder();
    for (int i = 0; i < segments.length; i++) {
      String s = segments[i];
      boolean last = i == segments.length - 1;
      if (s.equals(".") || s.equals("..")) {
        return bad("'.' and '..' are not allowed in paths");
      }
      if (s.isEmpty() && !last) {
        return bad("empty path segments are not allowed");
      }
      if (DRIVE.matcher(s).matches()) {
        return bad("absolute paths are not allowed");
      }
      file.append(s);
      if (!last) {
        file.append('/');
      }
    }
    boolean folder = path.endsWith("/");
    return new Site(folder ? file + "index.html" : file.toString(), folder);
  }

  /**
   * Percent-decodes a path strictly; {@code null} when an escape is malformed, the bytes are not
   * UTF-8, or an escape encodes a separator ({@code %2F}, {@code %5C}), which would change how the
   * path splits into segments.
   */
  static String decode(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 4);
    int i = 0;
    while (i < raw.length()) {
      int next = raw.indexOf('%', i);
      if (next != i) {
        int end = next < 0 ? raw.length() : next;
        bytes.put(raw.substring(i, end).getBytes(StandardCharsets.UTF_8));
        i = end;
        continue;
      }
      if (i + 2 >= raw.length()) {
        return null;
      }
      int hi = Character.digit(raw.charAt(i + 1), 16);
      int lo = Character.digit(raw.charAt(i + 2), 16);
      if (hi < 0 || lo < 0) {
        return null;
      }
      int b = hi * 16 + lo;
      if (b == '/' || b == '\\') {
        return null;
      }
      bytes.put((byte) b);
      i += 3;
    }
    bytes.flip();
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes)
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static Refused bad(String reason) {
    return new Refused(400, reason);
  }
}
