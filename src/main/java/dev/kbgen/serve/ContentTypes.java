package dev.kbgen.serve;

import java.util.Locale;
import java.util.Map;

/** The {@code Content-Type} of a site file, from its extension. */
final class ContentTypes {
  private static final String UTF8 = "; charset=utf-8";

  private static final Map<String, String> BY_EXTENSION =
      Map.ofEntries(
          Map.entry("html", "text/html" + UTF8),
          Map.entry("htm", "text/html" + UTF8),
          Map.entry("css", "text/css" + UTF8),
          Map.entry("js", "text/javascript" + UTF8),
          Map.entry("mjs", "text/javascript" + UTF8),
          Map.entry("json", "application/json" + UTF8),
          Map.entry("svg", "image/svg+xml" + UTF8),
          Map.entry("xml", "application/xml" + UTF8),
          Map.entry("txt", "text/plain" + UTF8),
          Map.entry("png", "image/png"),
          Map.entry("jpg", "image/jpeg"),
          Map.entry("jpeg", "image/jpeg"),
          Map.entry("gif", "image/gif"),
          Map.entry("webp", "image/webp"),
          Map.entry("ico", "image/x-icon"),
          Map.entry("pdf", "application/pdf"),
          Map.entry("woff2", "font/woff2"));

  private ContentTypes() {}

  /** The type for a path; unknown extensions are {@code application/octet-stream}. */
  static String of(String path) {
    int slash = path.lastIndexOf('/');
    int dot = path.lastIndexOf('.');
    if (dot <= slash || dot == path.length() - 1) {
      return "application/octet-stream";
    }
    String ext = path.substring(dot + 1).toLowerCase(Locale.ROOT);
    return BY_EXTENSION.getOrDefault(ext, "application/octet-stream");
  }

  static boolean isHtml(String path) {
    return of(path).startsWith("text/html");
  }
}
