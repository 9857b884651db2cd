package dev.kbgen.search;

/**
 * A search result.
 *
 * @param doc the document number in its language
 * @param score the score
 * @param document the document
 */
public record Hit(int doc, float score, SearchDocument document) {}
