package dev.kbgen.content;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a translation was made from: front matter {@code translated_from}, written by {@code kbgen
 * translations --mark} and {@code kbgen new --translate}.
 *
 * @param lang the language of the source article (same id)
 * @param hash the source's fingerprint when the translation was made (12 hex digits)
 * @param sections the fingerprint of each source section (8 hex digits), by section key, in the
 *     source's order
 */
public record TranslatedFrom(String lang, String hash, Map<String, String> sections) {
  /** The shape of {@link #hash}. */
  public static final Pattern HASH = Pattern.compile("[0-9a-f]{12}");

  /** The shape of a section hash. */
  public static final Pattern SECTION_HASH = Pattern.compile("[0-9a-f]{8}");

  public TranslatedFrom {
    sections = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sections));
  }
}
