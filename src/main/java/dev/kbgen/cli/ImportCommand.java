package dev.kbgen.cli;

import dev.kbgen.importer.Flavour;
import dev.kbgen.importer.ImportOptions;
import dev.kbgen.importer.ImportReport;
import dev.kbgen.importer.Importer;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kbgen import}: an existing knowledge base into the content folder. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Imports every Markdown article below SOURCE_DIR into <into>/<lang>/<prefix>/, at the same"
          + " relative path, converted to kbgen's content model, and adds the products and tags"
          + " it uses to site.yaml (writing a minimal site.yaml into an empty folder).",
      "Files written by an earlier import are replaced; any other existing file is left alone"
          + " and reported (exit 1) unless --force is given."
    })
public final class ImportCommand implements Callable<Integer> {
  @Option(
      names = "--from",
      required = true,
      paramLabel = "docfx|hugo|markdown",
      description = "The kind of source: docfx, hugo or markdown.")
  String from;

  @Option(
      names = "--lang",
      required = true,
      paramLabel = "LANG",
      description = "The language of the source articles, e.g. en or zh.")
  String lang;

  @Option(
      names = "--prefix",
      required = true,
      paramLabel = "P",
      description = "The folder below the language to import into; also the articles' product.")
  String prefix;

  @Option(
      names = {"--into", "--content"},
      paramLabel = "DIR",
      defaultValue = "content",
      description =
          "The content folder (default: ${DEFAULT-VALUE}); --content, as in the other commands,"
              + " is the same.")
  Path into;

  @Option(
      names = "--include-dir",
      paramLabel = "DIR",
      description = "Another folder to look for include files in (repeatable).")
  List<Path> includeDirs = new ArrayList<>();

  @Option(
      names = "--var",
      paramLabel = "NAME=VALUE",
      description =
          "A value for {{{ .NAME }}} and Hugo's {{< param \"NAME\" >}} and {{< skew NAME >}}"
              + " (repeatable; variables.json in SOURCE_DIR is read too).")
  Map<String, String> variables = new LinkedHashMap<>();

  @Option(
      names = "--force",
      description = "Overwrite existing files even when they were not written by an import.")
  boolean force;

  @Parameters(paramLabel = "SOURCE_DIR", description = "The folder of the knowledge base.")
  Path source;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Flavour flavour;
    try {
      flavour = Flavour.valueOf(from.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      err.println("kbgen: --from '" + from + "' is not one of docfx, hugo, markdown");
      return ExitCodes.USAGE;
    }
    ImportOptions options =
        new ImportOptions(flavour, lang, prefix, source, into, includeDirs, variables, force);
    List<String> usage = Importer.usageErrors(options);
    if (!usage.isEmpty()) {
      usage.forEach(u -> err.println("kbgen: " + u));
      return ExitCodes.USAGE;
    }
    ImportReport report;
    try {
      report = Importer.run(options);
    } catch (IllegalStateException e) {
      err.println("kbgen: " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (UncheckedIOException e) {
      err.println("kbgen: cannot write " + into + ": " + e.getCause().getMessage());
      return ExitCodes.USAGE;
    }
    out.print(report.format());
    out.flush();
    if (!report.ok()) {
      err.println(
          "import incomplete: "
              + report.failed().size()
              + " article"
              + (report.failed().size() == 1 ? "" : "s")
              + " could not be imported");
      return ExitCodes.CONTENT;
    }
    return ExitCodes.OK;
  }
}
