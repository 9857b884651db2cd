package dev.kbgen.markdown;

/**
 * A link to a place in an article ({@code other.md#cause}, {@code [[KB-1#cause]]}, {@code #cause}),
 * checked once every article is rendered.
 *
 * @param targetPath the content path of the article linked to
 * @param anchor the fragment after {@code #}, as written
 * @param line the file line the link is on
 * @param column the 1-based column the link starts at
 */
public record AnchorLink(String targetPath, String anchor, int line, int column) {}
