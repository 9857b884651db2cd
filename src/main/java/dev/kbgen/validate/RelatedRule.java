package dev.kbgen.validate;

import dev.kbgen.content.Article;
import dev.kbgen.problem.Problems;
import dev.kbgen.yaml.Mark;
import java.util.HashSet;
import java.util.Set;

/**
 * Every id in {@code related} must be an article's. A draft's is a warning: the page leaves it out
 * until the draft is published. The article's own id is a warning too: its page does not list
 * itself.
 */
final class RelatedRule implements Rule {
  @Override
  public void check(ValidationInput input, Problems problems) {
    Set<String> ids = new HashSet<>();
    input.articles().forEach(a -> ids.add(a.id()));
    for (Article a : input.articles()) {
      for (int i = 0; i < a.meta().related().size(); i++) {
        String id = a.meta().related().get(i);
        Mark m = a.meta().marks().getOrDefault("related#" + i, a.meta().mark("related"));
        if (id.equals(a.id())) {
          problems.add(
              a.source()
                  .warning(
                      m.line(),
                      m.column(),
                      "related article '" + id + "' is this article",
                      "remove it from 'related': list the ids of other articles"));
          continue;
        }
        if (ids.contains(id) || input.unbuilt().containsValue(id) && !input.draftOnly(id)) {
          continue; // an article's, or a file's whose own error is reported
        }
        if (input.draftOnly(id)) {
          problems.add(
              a.source()
                  .warning(
                      m.line(),
                      m.column(),
                      "related article '" + id + "' is a draft",
                      "it is left out until it is published, or built with --drafts"));
        } else {
          problems.add(
              a.source()
                  .error(
                      m.line(),
                      m.column(),
                      "related article '" + id + "' does not exist",
                      "check the id, or remove it from 'related'"));
        }
      }
    }
  }
}
