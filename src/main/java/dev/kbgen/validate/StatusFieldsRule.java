package dev.kbgen.validate;

import dev.kbgen.content.Article;
import dev.kbgen.problem.Problems;
import dev.kbgen.yaml.Mark;

/**
 * {@code workaround} and {@code fix_eta} belong to known issues, {@code fixed_in} to fixed ones.
 */
final class StatusFieldsRule implements Rule {
  @Override
  public void check(ValidationInput input, Problems problems) {
    for (Article a : input.articles()) {
      String status = a.meta().status();
      if (!status.equals("known-issue")) {
        if (a.meta().workaround() != null) {
          warn(problems, a, "workaround", status);
        }
        if (a.meta().fixEta() != null) {
          warn(problems, a, "fix_eta", status);
        }
      }
      if (!status.equals("fixed") && a.meta().fixedIn() != null) {
        warn(problems, a, "fixed_in", status);
      }
    }
  }

  private static void warn(Problems problems, Article a, String key, String status) {
    Mark m = a.meta().mark(key + "@key");
    String wanted = key.equals("fixed_in") ? "fixed" : "known-issue";
    problems.add(
        a.source()
            .warning(
                m.line(),
                m.column(),
                "'" + key + "' is ignored because status is '" + status + "'",
                "set 'status: " + wanted + "' or remove '" + key + "'"));
  }
}
