package dev.kbgen.config;

import java.util.Map;

/**
 * A declared key (product area or tag) with its display name per language.
 *
 * @param key the key written in front matter
 * @param names display name per language code
 */
public record Term(String key, Map<String, String> names) {
  public Term {
    names = Map.copyOf(names);
  }

  /** The name in {@code lang}, falling back to the key. */
  public String name(String lang) {
    return names.getOrDefault(lang, key);
  }
}
