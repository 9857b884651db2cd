package dev.kbgen.cli;

import dev.kbgen.build.BuildOptions;
import dev.kbgen.build.BuildResult;
import dev.kbgen.build.OutputException;
import dev.kbgen.build.Pipeline;
import dev.kbgen.problem.Problem;
import dev.kbgen.problem.ProblemFormatter;
import dev.kbgen.problem.Severity;
import dev.kbgen.publish.DiskPublisher;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code kbgen build}: content in, site out, atomically. */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description = {
      "Builds the site from the content folder into the output folder.",
      "All content problems are reported at once; on any error the previous site is left as it was."
    })
public final class BuildCommand implements Callable<Integer> {
  @Mixin ContentOptions contentOptions;
  @Mixin SiteOptions siteOptions;
  @Mixin LinkOptions linkOptions;

  @Option(names = "--drafts", description = "Include articles with 'status: draft'.")
  boolean drafts;

  @Option(names = "--timings", description = "Print how long each stage took.")
  boolean timings;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print only problems and errors, not the summary.")
  boolean quiet;

  @Spec CommandSpec spec;

  @ParentCommand KbgenCommand parent;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path content = contentOptions.content;
    Path outDir = siteOptions.out;
    if (contentOptions.missing(err) || ThemeOptions.missing(siteOptions.templates, err)) {
      return ExitCodes.USAGE;
    }
    Optional<String> refused = OutputGuard.refuse(outDir, content, siteOptions.templates);
    if (refused.isPresent()) {
      err.println("kbgen: " + refused.get());
      return ExitCodes.USAGE;
    }
    long start = System.nanoTime();
    BuildOptions options =
        new BuildOptions(content, siteOptions.templates, drafts, Path.of("").toAbsolutePath())
            .withLinksWarn(linkOptions.warn());
    Terminal terminal = parent.terminal();
    BuildResult result;
    try {
      result =
          new Pipeline(options, StageProgress.on(terminal, quiet, err))
              .run(new DiskPublisher(outDir));
    } catch (OutputException e) {
      // The file system refused (no space left, no permission): not a bug, so no stack trace.
      err.println("kbgen: " + e.getMessage());
      err.println("build failed: " + outDir + "/ was not changed");
      return ExitCodes.INTERNAL;
    }
    // Infos (a missing translation, an article due for review) are counted; check lists them.
    for (Problem p : result.problems()) {
      if (p.severity() != Severity.INFO) {
        err.print(ProblemFormatter.format(p, terminal.colour()));
      }
    }
    err.flush(); // the problems before the summary, which goes to the other stream
    String counts = ProblemFormatter.summary(result.problems());
    if (result.problems().stream().anyMatch(p -> p.severity() == Severity.INFO)) {
      counts += "; 'kbgen check' lists the infos";
    }
    if (result.failed()) {
      err.println("build failed: " + counts + "; " + outDir + "/ was not changed");
      return ExitCodes.CONTENT;
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    if (!quiet) {
      out.printf(
          Locale.ROOT,
          "built %d articles, %d pages, %d files into %s/ in %.2f s%s%n",
          result.articles(),
          result.pages(),
          result.fileCount(),
          outDir,
          ms / 1000.0,
          counts.isEmpty() ? "" : " (" + counts + ")");
    }
    if (timings) {
      result.timings().forEach((stage, t) -> out.printf(Locale.ROOT, "  %-10s %6d ms%n", stage, t));
    }
    return ExitCodes.OK;
  }
}
