package dev.kbgen.content;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** Paths inside a content folder ({@code /}-separated, relative) and link targets to them. */
public final class ContentPaths {
  private ContentPaths() {}

  /** The folder of a path: {@code ""} at the top. */
  public static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  /**
   * {@code relative} seen from the folder {@code base}, with {@code .} and {@code ..} resolved (a
   * trailing slash is kept); empty when it leaves the top.
   */
  public static Optional<String> normalise(String base, String relative) {
    Deque<String> parts = new ArrayDeque<>();
    for (String p : (base + "/" + relative).split("/")) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        if (parts.isEmpty()) {
          return Optional.empty();
        }
        parts.removeLast();
      } else {
        parts.addLast(p);
      }
    }
    String joined = String.join("/", parts);
    return relative.endsWith("/") ? Optional.of(joined + "/") : Optional.of(joined);
  }

  /**
   * A link target split at its fragment, without its query.
   *
   * @param path the path, {@code ""} for a link to the same page
   * @param fragment {@code #} and the fragment, or {@code ""}
   */
  public record Target(String path, String fragment) {
    public static Target of(String url) {
      int hash = url.indexOf('#');
      String path = hash >= 0 ? url.substring(0, hash) : url;
      int query = path.indexOf('?');
      return new Target(
          query >= 0 ? path.substring(0, query) : path, hash >= 0 ? url.substring(hash) : "");
    }
  }
}
