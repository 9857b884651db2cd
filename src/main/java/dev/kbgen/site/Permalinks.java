package dev.kbgen.site;

import dev.kbgen.content.Article;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one URL rule. Every page is a path from the site root that ends in {@code index.html} (or a
 * file name), so the site works from disk as well as from any server or sub-path.
 */
public final class Permalinks {
  private static final Pattern NOT_SLUG = Pattern.compile("[^\\p{L}\\p{N}]+");

  private Permalinks() {}

  public static String root() {
    return "index.html";
  }

  public static String home(String lang) {
    return lang + "/index.html";
  }

  public static String article(Article a) {
    return a.lang() + "/" + a.slugPath() + "/index.html";
  }

  public static String tag(String lang, String key) {
    return lang + "/tags/" + key + "/index.html";
  }

  public static String tags(String lang) {
    return lang + "/tags/index.html";
  }

  public static String product(String lang, String key) {
    return lang + "/products/" + key + "/index.html";
  }

  public static String code(String lang, String code) {
    return lang + "/codes/" + codeSlug(code) + "/index.html";
  }

  public static String codes(String lang) {
    return lang + "/codes/index.html";
  }

  public static String articles(String lang) {
    return lang + "/articles/index.html";
  }

  public static String search(String lang) {
    return lang + "/search/index.html";
  }

  public static String feed(String lang) {
    return lang + "/atom.xml";
  }

  public static String notFound() {
    return "404.html";
  }

  /**
   * A language's page for addresses that lead nowhere under its folder: servers that look for the
   * nearest {@code 404.html} (Cloudflare Pages, {@code kbgen serve}) or are told to per folder
   * (nginx, Apache) show it there; others show {@link #notFound()}.
   */
  public static String notFound(String lang) {
    return lang + "/404.html";
  }

  /**
   * The URL slug of an error code: lower-case letters and digits joined by {@code -}, so {@code
   * HTTP 502} becomes {@code http-502} and {@code 0x80070005} stays as it is.
   */
  public static String codeSlug(String code) {
    String s = NOT_SLUG.matcher(code.toLowerCase(Locale.ROOT)).replaceAll("-");
    s = s.replaceAll("^-+|-+$", "");
    return s.isEmpty() ? "code-" + Integer.toHexString(code.hashCode()) : s;
  }

  /** The prefix that leads from a page back to the site root: {@code ../../} or empty. */
  public static String rootPrefix(String fromPage) {
    int depth = (int) fromPage.chars().filter(c -> c == '/').count();
    return "../".repeat(depth);
  }

  /** A link from one page to another, both given as paths from the site root. */
  public static String relative(String fromPage, String toPath) {
    return rootPrefix(fromPage) + toPath;
  }

  /** The public URL of a page: {@code index.html} is dropped so that servers show clean URLs. */
  public static String absolute(String baseUrl, String path) {
    String p = path.endsWith("index.html") ? path.substring(0, path.length() - 10) : path;
    return baseUrl + p;
  }
}
