package dev.kbgen.cli;

import dev.kbgen.build.BuildOptions;
import dev.kbgen.build.Pipeline;
import dev.kbgen.problem.Problem;
import dev.kbgen.problem.ProblemFormatter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/** Builds the search reference for the query commands, reporting content errors. */
final class ReferenceLoader {
  private ReferenceLoader() {}

  /** The pipeline's reference, or empty (with problems printed) when the content has errors. */
  static Optional<Pipeline.Reference> load(
      Path content, Path templates, boolean linksWarn, PrintWriter err) {
    Pipeline pipeline =
        new Pipeline(
            new BuildOptions(content, templates, false, Path.of("").toAbsolutePath())
                .withLinksWarn(linksWarn));
    Pipeline.Reference ref = pipeline.reference();
    if (ref.engine() == null) {
      for (Problem p : ref.problems()) {
        err.print(ProblemFormatter.format(p));
      }
      err.println("cannot search: " + ProblemFormatter.summary(ref.problems()));
      return Optional.empty();
    }
    return Optional.of(ref);
  }
}
