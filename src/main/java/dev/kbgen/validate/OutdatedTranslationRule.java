package dev.kbgen.validate;

import dev.kbgen.i18n.TranslationStatus;
import dev.kbgen.problem.Problems;
import dev.kbgen.problem.Severity;
import dev.kbgen.yaml.Mark;

/** A translation whose source changed after it was made ({@code translated_from} is older). */
final class OutdatedTranslationRule implements Rule {
  @Override
  public void check(ValidationInput input, Problems problems) {
    for (TranslationStatus s : input.statuses()) {
      for (TranslationStatus.Outdated o : s.outdated()) {
        Mark m = o.translation().meta().mark("translated_from@key");
        problems.add(
            o.translation()
                .source()
                .problem(
                    Severity.WARNING,
                    m.line(),
                    m.column(),
                    "outdated translation: the "
                        + o.source().lang()
                        + " article changed in "
                        + String.join(", ", o.changed()),
                    "source: " + o.source().source().file(),
                    "update the translation, then run 'kbgen translations --mark " + s.id() + "'"));
      }
    }
  }
}
