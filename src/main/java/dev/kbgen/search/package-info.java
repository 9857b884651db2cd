/**
 * Search with Lucene, the only package that imports it: for now, related articles by MoreLikeThis
 * over each language's articles.
 */
package dev.kbgen.search;
