package dev.kbgen.validate;

import dev.kbgen.problem.Problems;

/** One check over the whole set of articles. */
@FunctionalInterface
public interface Rule {
  void check(ValidationInput input, Problems problems);
}
