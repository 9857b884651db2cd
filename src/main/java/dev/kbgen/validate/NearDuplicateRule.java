package dev.kbgen.validate;

import dev.kbgen.content.Article;
import dev.kbgen.problem.Problems;
import dev.kbgen.yaml.Mark;
import java.util.Locale;

/**
 * Two articles in one language that say nearly the same thing: a warning on the second, naming the
 * first, so that writers merge them instead of adding a third copy.
 */
public final class NearDuplicateRule {
  private NearDuplicateRule() {}

  /**
   * Reports a pair found by the search.
   *
   * @param first the article whose path sorts first
   * @param second the other article, where the warning is reported
   * @param similarity 0 to 1
   * @param threshold the configured {@code duplicate_threshold}
   */
  public static void report(
      Article first, Article second, double similarity, double threshold, Problems problems) {
    Mark m = second.meta().mark("title");
    problems.add(
        second
            .source()
            .warning(
                m.line(),
                m.column(),
                "nearly the same as "
                    + first.source().file()
                    + String.format(Locale.ROOT, " (similarity %.2f)", similarity),
                "merge the two articles, or make clear in the title and symptom how they differ"
                    + String.format(
                        Locale.ROOT, " (duplicate_threshold in site.yaml: %.2f)", threshold)));
  }
}
