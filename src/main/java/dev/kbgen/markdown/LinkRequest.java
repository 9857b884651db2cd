package dev.kbgen.markdown;

/**
 * A link written in an article, to be resolved by the site.
 *
 * @param kind what was written
 * @param target the raw target: an id for {@link Kind#REFERENCE}, otherwise the URL as written
 */
public record LinkRequest(Kind kind, String target) {
  /** The kinds of link. */
  public enum Kind {
    /** {@code [[KB-1042]]}. */
    REFERENCE,
    /** {@code [text](url)}. */
    LINK,
    /** {@code ![alt](url)}. */
    IMAGE
  }
}
