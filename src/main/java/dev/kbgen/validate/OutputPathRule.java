package dev.kbgen.validate;

import dev.kbgen.content.Article;
import dev.kbgen.problem.Problems;
import java.util.HashMap;
import java.util.Map;

/** Two articles must not publish to the same URL (e.g. {@code Foo.md} and {@code foo.md}). */
final class OutputPathRule implements Rule {
  @Override
  public void check(ValidationInput input, Problems problems) {
    Map<String, Article> seen = new HashMap<>();
    for (Article a : input.articles()) {
      Article first = seen.putIfAbsent(a.lang() + "/" + a.slugPath(), a);
      if (first != null) {
        problems.add(
            a.source()
                .error(
                    0,
                    0,
                    "publishes to the same page as "
                        + first.source().file()
                        + " ("
                        + a.lang()
                        + "/"
                        + a.slugPath()
                        + "/)",
                    "rename one of the two files"));
      }
    }
  }
}
