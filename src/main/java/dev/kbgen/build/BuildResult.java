package dev.kbgen.build;

import dev.kbgen.problem.Problem;
import dev.kbgen.publish.OutputFile;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a build.
 *
 * @param problems every problem found, sorted
 * @param files the site's files (empty when the build failed)
 * @param timings milliseconds per stage, in execution order
 * @param articles how many articles were built
 * @param pages how many HTML pages were rendered
 */
public record BuildResult(
    List<Problem> problems,
    List<OutputFile> files,
    Map<String, Long> timings,
    int articles,
    int pages) {

  public BuildResult {
    problems = List.copyOf(problems);
    files = List.copyOf(files);
    timings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(timings));
  }

  public boolean failed() {
    return problems.stream().anyMatch(Problem::isError);
  }
}
