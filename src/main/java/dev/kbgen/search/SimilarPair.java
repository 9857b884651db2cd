package dev.kbgen.search;

/**
 * Two documents in one language that say nearly the same thing.
 *
 * @param first the key that sorts first
 * @param second the other key
 * @param similarity from 0 to 1: how well each document's MoreLikeThis query matches the other,
 *     relative to how well it matches itself (the lower of the two directions)
 */
public record SimilarPair(String first, String second, double similarity) {}
