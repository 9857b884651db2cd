package dev.kbgen.html;

import java.util.Locale;
import java.util.Optional;

/** What raw HTML written in an article may do ({@code raw_html} in {@code site.yaml}). */
public enum RawHtml {
  /** Kept only as far as the allow-list of {@link Sanitizer} permits (the default). */
  SANITIZE,
  /** Kept as written: for sites whose every author is trusted. */
  TRUSTED;

  /** The value as written in {@code site.yaml}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code sanitize} or {@code trusted}. */
  public static Optional<RawHtml> of(String text) {
    for (RawHtml r : values()) {
      if (r.key().equals(text)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
