package dev.kbgen.validate;

import dev.kbgen.content.Article;
import dev.kbgen.content.ArticleParser;
import dev.kbgen.content.CodeFences;
import dev.kbgen.problem.Problems;
import java.util.List;
import java.util.stream.Stream;

/**
 * A {@code TODO:} left in an article (the placeholders {@code kbgen new} writes, or a writer's
 * note): a warning, so that {@code check --strict} keeps it from being published. Code blocks are
 * not looked at. Articles not built for an error in their front matter are looked at too.
 */
final class TodoRule implements Rule {
  private static final String TODO = "TODO:";

  @Override
  public void check(ValidationInput input, Problems problems) {
    for (Article a :
        Stream.concat(
                input.articles().stream(),
                input.faulty().stream().map(ArticleParser.Parsed::article))
            .toList()) {
      List<String> lines = a.source().lines();
      CodeFences fences = new CodeFences();
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        int lineNo = i + 1;
        if (lineNo >= a.bodyLine() && fences.code(line)) {
          continue;
        }
        int at = line.indexOf(TODO);
        if (at >= 0) {
          problems.add(
              a.source()
                  .warning(
                      lineNo,
                      at + 1,
                      "placeholder 'TODO:' left in the article",
                      "replace it with the real text before publishing"));
        }
      }
    }
  }
}
