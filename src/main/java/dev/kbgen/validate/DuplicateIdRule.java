package dev.kbgen.validate;

import dev.kbgen.content.Article;
import dev.kbgen.problem.Problems;
import dev.kbgen.yaml.Mark;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An id may appear once per language. Each article that shares one is reported, naming the others:
 * which of them is the new one, the writer knows, not the order of the files.
 */
final class DuplicateIdRule implements Rule {
  @Override
  public void check(ValidationInput input, Problems problems) {
    Map<String, List<Article>> byId = new LinkedHashMap<>();
    for (Article a : input.articles()) {
      byId.computeIfAbsent(a.lang() + "\u0000" + a.id(), k -> new ArrayList<>()).add(a);
    }
    for (List<Article> same : byId.values()) {
      if (same.size() < 2) {
        continue;
      }
      for (Article a : same) {
        List<String> others =
            same.stream().filter(o -> o != a).map(o -> o.source().file()).toList();
        Mark m = a.meta().mark("id");
        problems.add(
            a.source()
                .error(
                    m.line(),
                    m.column(),
                    "id '" + a.id() + "' is also used by " + String.join(", ", others),
                    "an id is unique in a language: keep it on the article that links and"
                        + " translations already use, and give the other a new id"));
      }
    }
  }
}
