package dev.kbgen.config;

import java.util.Locale;

/** The sections of a troubleshooting article, in the order they must appear. */
public enum SectionKind {
  SYMPTOM,
  CAUSE,
  RESOLUTION,
  PREVENTION,
  /** Any other level-2 section. */
  OTHER;

  /** The key used in templates, config and CSS: {@code symptom}, ... */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
