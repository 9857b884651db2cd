package dev.kbgen.build;

import dev.kbgen.problem.Problem;
import dev.kbgen.publish.OutputFile;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a build.
 *
 * @param problems every problem found, sorted
 * @param files the site's files when the publisher keeps them in memory (tests, the preview
 *     server); empty when the build failed or wrote the files out as they were made
 * @param timings milliseconds per stage, in execution order
 * @param articles how many articles were built
 * @param pages how many HTML pages were rendered
 * @param fileCount how many files were published
 */
public record BuildResult(
    List<Problem> problems,
    List<OutputFile> files,
    Map<String, Long> timings,
    int articles,
    int pages,
    int fileCount) {

  /** A result whose files are all listed. */
  public BuildResult(
      List<Problem> problems,
      List<OutputFile> files,
      Map<String, Long> timings,
      int articles,
      int pages) {
    this(problems, files, timings, articles, pages, files.size());
  }

  public BuildResult {
    problems = List.copyOf(problems);
    files = List.copyOf(files);
    timings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(timings));
  }

  public boolean failed() {
    return problems.stream().anyMatch(Problem::isError);
  }
}
