package dev.kbgen.validate;

import dev.kbgen.content.Article;
import dev.kbgen.problem.Problems;
import dev.kbgen.yaml.Mark;

/** Every id in {@code related} must exist. */
final class RelatedRule implements Rule {
  @Override
  public void check(ValidationInput input, Problems problems) {
    for (Article a : input.articles()) {
      for (int i = 0; i < a.meta().related().size(); i++) {
        String id = a.meta().related().get(i);
        if (!input.translations().byId().containsKey(id)) {
          Mark m = a.meta().marks().getOrDefault("related#" + i, a.meta().mark("related"));
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
