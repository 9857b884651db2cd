package dev.kbgen.search;

import java.util.Locale;

/** The fields an article is indexed in, with their boosts (tuned on the evaluation sets). */
public enum SearchField {
  TITLE(3.0f),
  SUMMARY(1.0f),
  SYMPTOM(2.5f),
  CODES(4.0f),
  HEADINGS(1.2f),
  BODY(1.0f);

  private final float boost;

  SearchField(float boost) {
    this.boost = boost;
  }

  public float boost() {
    return boost;
  }

  /** The Lucene field name. */
  public String field() {
    return name().toLowerCase(Locale.ROOT);
  }
}
