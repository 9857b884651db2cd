package dev.kbgen.cli;

import dev.kbgen.build.BuildOptions;
import dev.kbgen.build.BuildResult;
import dev.kbgen.build.Pipeline;
import dev.kbgen.problem.GithubAnnotations;
import dev.kbgen.problem.Problem;
import dev.kbgen.problem.ProblemFormatter;
import dev.kbgen.problem.ProblemJson;
import dev.kbgen.problem.Severity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code kbgen check}: every validation of a build, nothing rendered or written. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Checks the content as a build would, without writing the site, and reports every"
          + " problem at once: front matter, ids, structure, links and anchors, images, tags and"
          + " products, translations, review dates, near-duplicate articles and the templates.",
      "Exit code 0 when there is no error (with --strict: no warning either), 1 otherwise."
    })
public final class CheckCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format {
    text,
    json,
    github
  }

  @Mixin ContentOptions contentOptions;
  @Mixin ThemeOptions themeOptions;
  @Mixin LinkOptions linkOptions;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description =
          "text (compiler style; coloured on a terminal), json (an array, one object per"
              + " problem) or github (workflow annotations). Default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(names = "--strict", description = "Fail on warnings too.")
  boolean strict;

  @Option(
      names = "--require-translations",
      description = "Report a missing translation as a warning instead of an info.")
  boolean requireTranslations;

  @Option(names = "--drafts", description = "Check articles with 'status: draft' too.")
  boolean drafts;

  @Option(
      names = "--today",
      paramLabel = "YYYY-MM-DD",
      description =
          "Compare review dates with this date instead of today (UTC), e.g. to see what expires"
              + " next month.")
  LocalDate today;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print only the problems, not the progress and summary.")
  boolean quiet;

  @Spec CommandSpec spec;

  @ParentCommand KbgenCommand parent;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (contentOptions.missing(err) || ThemeOptions.missing(themeOptions.templates, err)) {
      return ExitCodes.USAGE;
    }
    Terminal terminal = parent.terminal();
    BuildOptions options =
        new BuildOptions(
            contentOptions.content,
            themeOptions.templates,
            drafts,
            Path.of("").toAbsolutePath(),
            today == null ? BuildOptions.todayUtc() : today,
            requireTranslations,
            linkOptions.warn());
    boolean showProgress = format == Format.text && !quiet;
    BuildResult result =
        new Pipeline(options, StageProgress.on(terminal, !showProgress, err)).check();
    List<Problem> problems = result.problems();
    switch (format) {
      case json -> out.print(ProblemJson.format(problems));
      case github -> {
        UnaryOperator<String> file =
            GithubAnnotations.relativeTo(
                Path.of("").toAbsolutePath(), System.getenv("GITHUB_WORKSPACE"));
        problems.forEach(p -> out.print(GithubAnnotations.format(p, file)));
      }
      case text -> problems.forEach(p -> out.print(ProblemFormatter.format(p, terminal.colour())));
    }
    boolean failed =
        result.failed()
            || strict && problems.stream().anyMatch(p -> p.severity() == Severity.WARNING);
    if (format != Format.json && !quiet) {
      String counts = ProblemFormatter.summary(problems);
      (format == Format.text ? out : err)
          .printf(
              Locale.ROOT,
              "check %s: %d articles, %s%s%n",
              failed ? "failed" : "passed",
              result.articles(),
              counts.isEmpty() ? "no problems" : counts,
              failed && !result.failed() ? " (--strict fails on warnings)" : "");
    }
    out.flush();
    return failed ? ExitCodes.CONTENT : ExitCodes.OK;
  }
}
