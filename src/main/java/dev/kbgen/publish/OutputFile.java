package dev.kbgen.publish;

import java.nio.charset.StandardCharsets;

/**
 * A file of the built site.
 *
 * @param path where it goes, from the site root, with {@code /} separators
 * @param bytes its content
 */
public record OutputFile(String path, byte[] bytes) {

  public static OutputFile text(String path, String text) {
    return new OutputFile(path, text.getBytes(StandardCharsets.UTF_8));
  }

  public String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
