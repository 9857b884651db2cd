package dev.kbgen.content;

import java.util.Arrays;
import java.util.List;

/** The kinds of article. Only troubleshooting articles must follow Symptom/Cause/Resolution. */
public enum ArticleType {
  TROUBLESHOOTING("troubleshooting"),
  HOW_TO("how-to"),
  FAQ("faq"),
  REFERENCE("reference");

  private final String key;

  ArticleType(String key) {
    this.key = key;
  }

  /** The word written in front matter. */
  public String key() {
    return key;
  }

  public static List<String> keys() {
    return Arrays.stream(values()).map(ArticleType::key).toList();
  }

  public static ArticleType of(String key) {
    return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst().orElseThrow();
  }
}
