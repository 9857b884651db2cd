package dev.kbgen.validate;

import dev.kbgen.content.Article;
import dev.kbgen.content.ArticleMeta;
import dev.kbgen.problem.Problems;
import dev.kbgen.problem.Severity;
import dev.kbgen.yaml.Mark;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Answers expire: {@code review_by} in the past is a warning; without {@code review_by}, an article
 * neither updated nor reviewed for {@code review_after_days} (site.yaml) is an info.
 */
final class ReviewDatesRule implements Rule {
  @Override
  public void check(ValidationInput input, Problems problems) {
    LocalDate today = input.today();
    int maxAge = input.config().reviewAfterDays();
    for (Article a : input.articles()) {
      ArticleMeta meta = a.meta();
      if (meta.reviewBy() != null) {
        if (meta.reviewBy().isBefore(today)) {
          Mark m = meta.mark("review_by");
          problems.add(
              a.source()
                  .problem(
                      Severity.WARNING,
                      m.line(),
                      m.column(),
                      "review date "
                          + meta.reviewBy()
                          + " has passed ("
                          + days(meta.reviewBy(), today)
                          + " ago)",
                      "",
                      "check that the article is still right, then set 'reviewed: "
                          + today
                          + "' and a new 'review_by'"));
        }
        continue;
      }
      LocalDate last = meta.updated();
      if (meta.reviewed() != null && meta.reviewed().isAfter(last)) {
        last = meta.reviewed();
      }
      if (last != null && ChronoUnit.DAYS.between(last, today) > maxAge) {
        String key = last.equals(meta.updated()) ? "updated" : "reviewed";
        Mark m = meta.mark(key);
        problems.add(
            a.source()
                .problem(
                    Severity.INFO,
                    m.line(),
                    m.column(),
                    "not updated or reviewed for " + days(last, today),
                    "",
                    "check that the article is still right, then add 'reviewed: "
                        + today
                        + "' (articles are due after review_after_days: "
                        + maxAge
                        + " in site.yaml)"));
      }
    }
  }

  private static String days(LocalDate from, LocalDate to) {
    long d = ChronoUnit.DAYS.between(from, to);
    return d == 1 ? "1 day" : d + " days";
  }
}
