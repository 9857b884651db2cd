package dev.kbgen.search;

/**
 * The documents a term occurs in, with its impact in each (the sum over fields of the field's boost
 * times its BM25 score), by ascending document number.
 *
 * @param docs document numbers, ascending
 * @param impacts impact per document
 */
public record Postings(int[] docs, float[] impacts) {
  public int df() {
    return docs.length;
  }
}
