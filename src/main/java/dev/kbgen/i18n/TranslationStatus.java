package dev.kbgen.i18n;

import dev.kbgen.config.SiteConfig;
import dev.kbgen.content.Article;
import dev.kbgen.content.TranslatedFrom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the translations of one article stand.
 *
 * @param id the article id
 * @param versions the article in each language that has it, in the site's language order
 * @param missing the site's languages that do not have it, in order
 * @param state the overall state: missing, outdated, untracked or current (worst first)
 * @param outdated each translation whose source changed after it was made
 */
public record TranslationStatus(
    String id,
    Map<String, Article> versions,
    List<String> missing,
    State state,
    List<Outdated> outdated) {

  /** The states a set of translations can be in. */
  public enum State {
    /** A language has no version of the article. */
    MISSING,
    /** The source changed after a translation was made. */
    OUTDATED,
    /** A translation does not record what it was made from ({@code translated_from}). */
    UNTRACKED,
    /** Every translation was made from the source as it is now. */
    CURRENT;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A translation made from an older version of its source.
   *
   * @param translation the translated article
   * @param source the article it was translated from, as it is now
   * @param changed the keys of the source sections that changed since (see {@link
   *     SourceFingerprint})
   */
  public record Outdated(Article translation, Article source, List<String> changed) {
    public Outdated {
      changed = List.copyOf(changed);
    }
  }

  public TranslationStatus {
    versions = Collections.unmodifiableMap(new LinkedHashMap<>(versions));
    missing = List.copyOf(missing);
    outdated = List.copyOf(outdated);
  }

  /** The status of every id, sorted by id. */
  public static List<TranslationStatus> all(Translations translations, SiteConfig config) {
    List<TranslationStatus> out = new ArrayList<>();
    translations.byId().keySet().stream()
        .sorted()
        .forEach(id -> out.add(of(id, translations.byId().get(id), config)));
    return List.copyOf(out);
  }

  private static TranslationStatus of(String id, Map<String, Article> byLang, SiteConfig config) {
    Map<String, Article> versions = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (String lang : config.languageCodes()) {
      if (byLang.containsKey(lang)) {
        versions.put(lang, byLang.get(lang));
      } else {
        missing.add(lang);
      }
    }
    List<Outdated> outdated = new ArrayList<>();
    boolean untracked = false;
    for (Article a : versions.values()) {
      TranslatedFrom from = a.meta().translatedFrom();
      Article source = from == null ? null : versions.get(from.lang());
      if (source != null) {
        SourceFingerprint now = SourceFingerprint.of(source, config.sections());
        if (!now.hash().equals(from.hash())) {
          List<String> changed =
              now.changedSince(
                  from.hash(),
                  from.sections(),
                  SourceFingerprint.legacy(source, config.sections()));
          if (!changed.isEmpty()) {
            outdated.add(new Outdated(a, source, changed));
          }
        }
      } else if (from == null && !isSource(a, versions)) {
        untracked = true;
      }
    }
    State state =
        !missing.isEmpty()
            ? State.MISSING
            : !outdated.isEmpty() ? State.OUTDATED : untracked ? State.UNTRACKED : State.CURRENT;
    return new TranslationStatus(id, versions, missing, state, outdated);
  }

  /** Whether another version names this one's language as its source. */
  private static boolean isSource(Article a, Map<String, Article> versions) {
    return versions.values().stream()
        .map(v -> v.meta().translatedFrom())
        .anyMatch(tf -> tf != null && tf.lang().equals(a.lang()));
  }

  /**
   * The language a translation of this id is made from: the one its other versions name, else the
   * site's default language when it has a version, else the first language that has one.
   */
  public String sourceLanguage(String defaultLanguage) {
    for (Article a : versions.values()) {
      TranslatedFrom tf = a.meta().translatedFrom();
      if (tf != null && versions.containsKey(tf.lang())) {
        return tf.lang();
      }
    }
    if (versions.containsKey(defaultLanguage)) {
      return defaultLanguage;
    }
    return versions.keySet().iterator().next();
  }
}
