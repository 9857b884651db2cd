package dev.kbgen.markdown;

/**
 * How a link resolved.
 *
 * @param url the URL to write, relative to the page, or null when the link is broken
 * @param title the target article's title (for references), or null
 * @param fallbackLang the language of the target when it is not the article's own, or null
 * @param targetId the id of the article linked to, or null
 * @param problem why the link is broken, or null
 * @param hint what to do about it, or null
 * @param targetPath the content path of the article linked to (the article itself for {@code
 *     #anchor}), or null
 * @param anchor the fragment after {@code #}, as written, or null when there is none
 */
public record LinkResolution(
    String url,
    String title,
    String fallbackLang,
    String targetId,
    String problem,
    String hint,
    String targetPath,
    String anchor) {

  /** A link left as written (external, in-page anchor). */
  public static LinkResolution unchanged(String url) {
    return new LinkResolution(url, null, null, null, null, null, null, null);
  }

  public static LinkResolution broken(String problem, String hint) {
    return new LinkResolution(null, null, null, null, problem, hint, null, null);
  }

  public boolean isBroken() {
    return problem != null;
  }
}
