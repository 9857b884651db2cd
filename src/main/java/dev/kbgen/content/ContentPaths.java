package dev.kbgen.content;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.regex.Pattern;

/** Paths inside a content folder ({@code /}-separated, relative) and link targets to them. */
public final class ContentPaths {
  /** Vim's swap files: {@code .x.md.swp}, then {@code .swo}, {@code .swn}, ... */
  private static final Pattern SWAP = Pattern.compile("\\.sw[a-p]$");

  private ContentPaths() {}

  /**
   * Whether a file or folder of the content folder is left out of the site, as if it were not
   * there: a hidden name ({@code .git}), or an editor's or the system's leftover ({@link
   * #leftover}).
   */
  public static boolean ignored(String name) {
    return name.startsWith(".") || leftover(name);
  }

  /**
   * Whether a name is one that editors leave beside the file they save ({@code x.md~}, Emacs's
   * {@code #x.md#}, vim's write test {@code 4913} and swap files {@code .x.md.swp}, JetBrains's
   * {@code x.md___jb_tmp___} and {@code x.md___jb_old___}) or macOS's {@code .DS_Store}: never part
   * of a site, also where other hidden files are (a theme's {@code static/.well-known/}).
   */
  public static boolean leftover(String name) {
    return name.endsWith("~")
        || (name.length() > 1 && name.startsWith("#") && name.endsWith("#"))
        || name.equals("4913")
        || name.endsWith("___jb_tmp___")
        || name.endsWith("___jb_old___")
        || name.equals(".DS_Store")
        || (name.startsWith(".") && SWAP.matcher(name).find());
  }

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
