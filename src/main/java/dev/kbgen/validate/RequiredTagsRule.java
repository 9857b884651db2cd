package dev.kbgen.validate;

import dev.kbgen.content.Article;
import dev.kbgen.content.ArticleType;
import dev.kbgen.problem.Problems;
import dev.kbgen.yaml.Mark;

/** A troubleshooting article needs at least one tag, so customers can browse to it. */
final class RequiredTagsRule implements Rule {
  @Override
  public void check(ValidationInput input, Problems problems) {
    for (Article a : input.articles()) {
      if (a.meta().type() == ArticleType.TROUBLESHOOTING && a.meta().tags().isEmpty()) {
        Mark m = a.meta().marks().getOrDefault("tags@key", a.meta().mark("id@key"));
        problems.add(
            a.source()
                .error(
                    m.line(),
                    m.column(),
                    "a troubleshooting article needs at least one tag",
                    "add e.g. 'tags: [sync]' with tags declared in site.yaml"));
      }
    }
  }
}
