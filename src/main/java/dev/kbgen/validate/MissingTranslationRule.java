package dev.kbgen.validate;

import dev.kbgen.content.Article;
import dev.kbgen.i18n.TranslationStatus;
import dev.kbgen.problem.Problems;
import dev.kbgen.problem.Severity;
import dev.kbgen.yaml.Mark;

/**
 * An article that some language does not have: an info, or a warning when translations are required
 * ({@code check --require-translations}).
 */
final class MissingTranslationRule implements Rule {
  @Override
  public void check(ValidationInput input, Problems problems) {
    Severity severity = input.requireTranslations() ? Severity.WARNING : Severity.INFO;
    for (TranslationStatus s : input.statuses()) {
      if (s.missing().isEmpty()) {
        continue;
      }
      Article a = s.versions().get(s.sourceLanguage(input.config().defaultLanguage()));
      Mark m = a.meta().mark("id");
      for (String lang : s.missing()) {
        if (input.unbuilt(lang, s.id())) {
          continue; // a draft, or a file whose own error is reported: not missing
        }
        problems.add(
            a.source()
                .problem(
                    severity,
                    m.line(),
                    m.column(),
                    "'" + s.id() + "' has no " + lang + " translation",
                    "",
                    "start one with 'kbgen new --translate " + s.id() + " --lang " + lang + "'"));
      }
    }
  }
}
