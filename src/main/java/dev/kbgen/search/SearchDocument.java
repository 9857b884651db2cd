package dev.kbgen.search;

import java.util.List;
import java.util.Map;

/**
 * An article as the search sees it.
 *
 * @param key a unique key (the article's content path); documents are numbered in key order
 * @param id the article id
 * @param lang its language
 * @param title the title
 * @param url the page, from the site root
 * @param summary the summary, or empty
 * @param product the product key, or empty
 * @param type the type key
 * @param tags tag keys
 * @param excerpt plain text shown under a result
 * @param fields the text of each field
 * @param curated error codes and aliases, verbatim
 */
public record SearchDocument(
    String key,
    String id,
    String lang,
    String title,
    String url,
    String summary,
    String product,
    String type,
    List<String> tags,
    String excerpt,
    Map<SearchField, String> fields,
    List<String> curated) {
  public SearchDocument {
    tags = List.copyOf(tags);
    fields = Map.copyOf(fields);
    curated = List.copyOf(curated);
  }
}
