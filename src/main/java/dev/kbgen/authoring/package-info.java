/**
 * Writing into the content folder for writers: new articles from a template per type and language
 * ({@code kbgen new}), translations started from their source ({@code kbgen new --translate}) and
 * {@code translated_from} marks ({@code kbgen translations --mark}), edited in place.
 */
package dev.kbgen.authoring;
