package dev.kbgen.validate;

import dev.kbgen.content.Article;
import dev.kbgen.content.ArticleMeta;
import dev.kbgen.content.ArticleParser;
import dev.kbgen.problem.Problems;
import dev.kbgen.problem.Severity;
import dev.kbgen.yaml.Mark;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Answers expire: {@code review_by} in the past is a warning; without {@code review_by}, an article
 * neither updated nor reviewed for {@code review_after_days} (site.yaml) is an info. An {@code
 * updated} or {@code reviewed} date in the future is a warning.
 */
final class ReviewDatesRule implements Rule {
  @Override
  public void check(ValidationInput input, Problems problems) {
    LocalDate today = input.today();
    int maxAge = input.config().reviewAfterDays();
    // A file not built for an error in its front matter: the dates that were read (a wrong one is
    // read as none), but not its age, which a wrong 'updated' would make up.
    for (ArticleParser.Parsed p : input.faulty()) {
      dates(p.article(), today, problems);
    }
    for (Article a : input.articles()) {
      ArticleMeta meta = a.meta();
      dates(a, today, problems);
      if (meta.reviewBy() != null) {
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

  /** Dates in the future, and a {@code review_by} that has passed. */
  private static void dates(Article a, LocalDate today, Problems problems) {
    ArticleMeta meta = a.meta();
    future(a, "updated", meta.updated(), today, problems);
    future(a, "reviewed", meta.reviewed(), today, problems);
    if (meta.reviewBy() != null && meta.reviewBy().isBefore(today)) {
      Mark m = meta.mark("review_by");
      problems.add(
          a.source()
              .warning(
                  m.line(),
                  m.column(),
                  "review date "
                      + meta.reviewBy()
                      + " has passed ("
                      + days(meta.reviewBy(), today)
                      + " ago)",
                  "check that the article is still right, then set 'reviewed: "
                      + today
                      + "' and a new 'review_by'"));
    }
  }

  /**
   * A change or review dated after tomorrow (a writer east of UTC may already be in tomorrow): a
   * typo, which would list the article first among the recent ones and keep it from review.
   */
  private static void future(
      Article a, String key, LocalDate date, LocalDate today, Problems problems) {
    if (date == null || !date.isAfter(today.plusDays(1))) {
      return;
    }
    Mark m = a.meta().mark(key);
    problems.add(
        a.source()
            .warning(
                m.line(),
                m.column(),
                "'" + key + "' " + date + " is in the future",
                "write the day of the change, as YYYY-MM-DD (today is " + today + ")"));
  }

  private static String days(LocalDate from, LocalDate to) {
    long d = ChronoUnit.DAYS.between(from, to);
    return d == 1 ? "1 day" : d + " days";
  }
}
