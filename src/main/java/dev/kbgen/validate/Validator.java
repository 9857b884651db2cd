package dev.kbgen.validate;

import dev.kbgen.problem.Problems;
import java.util.List;

/** Runs the content rules. */
public final class Validator {
  private final List<Rule> rules;

  public Validator(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** The rules every build applies. */
  public static Validator standard() {
    return new Validator(
        List.of(
            new DuplicateIdRule(),
            new OutputPathRule(),
            new DeclaredTermsRule(),
            new ErrorCodeListRule(),
            new RequiredTagsRule(),
            new StatusFieldsRule(),
            new RelatedRule(),
            new TranslationConsistencyRule(),
            new MissingTranslationRule(),
            new OutdatedTranslationRule(),
            new ReviewDatesRule(),
            new TodoRule()));
  }

  public void validate(ValidationInput input, Problems problems) {
    for (Rule rule : rules) {
      rule.check(input, problems);
    }
  }
}
