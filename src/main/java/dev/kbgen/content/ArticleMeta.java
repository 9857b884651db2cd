package dev.kbgen.content;

import dev.kbgen.yaml.Mark;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An article's front matter, typed. Optional text is {@code null} when absent; lists are empty.
 *
 * @param id stable identifier shared by translations, e.g. {@code KB-1042}
 * @param title the title
 * @param summary one sentence for results and the meta description, or null
 * @param type the article type
 * @param product product area key, or null when neither given nor implied by the folder
 * @param tags tag keys
 * @param errorCodes verbatim error strings customers see
 * @param aliases other words customers use for the problem
 * @param severity blocked, degraded, question, or null
 * @param status published, draft, known-issue or fixed
 * @param workaround for a known issue, or null
 * @param fixEta for a known issue, or null
 * @param fixedIn for a fixed issue, or null
 * @param appliesTo versions or plans
 * @param updated when the article last changed
 * @param reviewed when it was last reviewed, or null
 * @param reviewBy when it must be reviewed again, or null
 * @param related ids of related articles
 * @param apiDocs URLs of API documentation
 * @param translatedFrom what this translation was made from, or null
 * @param marks where each key is written in the file
 */
public record ArticleMeta(
    String id,
    String title,
    String summary,
    ArticleType type,
    String product,
    List<String> tags,
    List<String> errorCodes,
    List<String> aliases,
    String severity,
    String status,
    String workaround,
    String fixEta,
    String fixedIn,
    List<String> appliesTo,
    LocalDate updated,
    LocalDate reviewed,
    LocalDate reviewBy,
    List<String> related,
    List<String> apiDocs,
    TranslatedFrom translatedFrom,
    Map<String, Mark> marks) {

  /** The keys front matter may have. */
  public static final List<String> KEYS =
      List.of(
          "id",
          "title",
          "summary",
          "type",
          "product",
          "tags",
          "error_codes",
          "aliases",
          "severity",
          "status",
          "workaround",
          "fix_eta",
          "fixed_in",
          "applies_to",
          "updated",
          "reviewed",
          "review_by",
          "related",
          "api_docs",
          "translated_from",
          "extra");

  /** The keys front matter must have. */
  public static final List<String> REQUIRED = List.of("id", "title", "updated");

  public static final List<String> SEVERITIES = List.of("blocked", "degraded", "question");
  public static final List<String> STATUSES = List.of("published", "draft", "known-issue", "fixed");

  public ArticleMeta {
    tags = List.copyOf(tags);
    errorCodes = List.copyOf(errorCodes);
    aliases = List.copyOf(aliases);
    appliesTo = List.copyOf(appliesTo);
    related = List.copyOf(related);
    apiDocs = List.copyOf(apiDocs);
    marks = Map.copyOf(marks);
  }

  public boolean isDraft() {
    return status.equals("draft");
  }

  /** Where a key is written, or line 1 when it is absent. */
  public Mark mark(String key) {
    return marks.getOrDefault(key, new Mark(1, 1));
  }
}
