package dev.kbgen.validate;

import dev.kbgen.content.Article;
import dev.kbgen.problem.Problems;
import dev.kbgen.yaml.Mark;
import java.util.HashMap;
import java.util.Map;

/** An id may appear once per language. */
final class DuplicateIdRule implements Rule {
  @Override
  public void check(ValidationInput input, Problems problems) {
    Map<String, Article> seen = new HashMap<>();
    for (Article a : input.articles()) {
      Article first = seen.putIfAbsent(a.lang() + "\u0000" + a.id(), a);
      if (first != null) {
        Mark m = a.meta().mark("id");
        problems.add(
            a.source()
                .error(
                    m.line(),
                    m.column(),
                    "id '" + a.id() + "' is already used by " + first.source().file(),
                    "give this article a new id; the same id in another language marks a translation"));
      }
    }
  }
}
