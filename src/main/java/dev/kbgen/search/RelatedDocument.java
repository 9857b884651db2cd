package dev.kbgen.search;

/**
 * What related-article search looks at.
 *
 * @param key a unique key (the article's path)
 * @param lang its language
 * @param title the title
 * @param text the body as plain text, with tags and error codes
 */
public record RelatedDocument(String key, String lang, String title, String text) {}
