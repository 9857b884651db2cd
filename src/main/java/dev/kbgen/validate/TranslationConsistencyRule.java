package dev.kbgen.validate;

import dev.kbgen.content.Article;
import dev.kbgen.problem.Problems;
import dev.kbgen.yaml.Mark;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Translations of one article agree on its type and product. */
final class TranslationConsistencyRule implements Rule {
  @Override
  public void check(ValidationInput input, Problems problems) {
    for (Map<String, Article> versions : input.translations().byId().values()) {
      var list = new ArrayList<>(versions.values());
      // The map's order is unspecified: compare with the site's first language, every build.
      List<String> languages = input.config().languageCodes();
      list.sort(Comparator.comparingInt(a -> languages.indexOf(a.lang())));
      if (list.size() < 2) {
        continue;
      }
      Article first = list.get(0);
      for (Article other : list.subList(1, list.size())) {
        if (first.meta().type() != other.meta().type()) {
          report(problems, other, "type", first.meta().type().key(), first);
        }
        if (!Objects.equals(first.meta().product(), other.meta().product())) {
          report(problems, other, "product", String.valueOf(first.meta().product()), first);
        }
      }
    }
  }

  private static void report(
      Problems problems, Article a, String key, String expected, Article first) {
    Mark m = a.meta().mark(key);
    problems.add(
        a.source()
            .error(
                m.line(),
                m.column(),
                "'"
                    + key
                    + "' differs from its translation "
                    + first.source().file()
                    + " ('"
                    + expected
                    + "')",
                "translations of one article share its " + key));
  }
}
