package dev.kbgen.cli;

import dev.kbgen.authoring.ContentWriter;
import dev.kbgen.build.BuildOptions;
import dev.kbgen.build.ParsedContent;
import dev.kbgen.build.Pipeline;
import dev.kbgen.config.SiteConfig;
import dev.kbgen.content.Article;
import dev.kbgen.i18n.SourceFingerprint;
import dev.kbgen.i18n.TranslationStatus;
import dev.kbgen.i18n.TranslationStatus.State;
import dev.kbgen.problem.Problem;
import dev.kbgen.problem.ProblemFormatter;
import dev.kbgen.problem.Suggestions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code kbgen translations}: which articles are translated, and is each translation current. */
@Command(
    name = "translations",
    mixinStandardHelpOptions = true,
    description = {
      "Lists every article id with its file in each language and the state of its translation;"
          + " --mark records that translations are up to date.",
      "The states:",
      "  missing    a language has no version",
      "  outdated   the source changed after the translation was made",
      "  untracked  the translation does not record its source (no translated_from)",
      "  current    the translation was made from the source as it is now",
      "With --mark, records in each translation that it is up to date with its source (front"
          + " matter 'translated_from'; nothing else in the file changes)."
    })
public final class TranslationsCommand implements Callable<Integer> {
  @Mixin ContentOptions contentOptions;

  @Option(
      names = "--mark",
      description =
          "Mark the translations of the given ids as translated from their source as it is now;"
              + " without ids, mark the untracked ones (an outdated translation must be named).")
  boolean mark;

  @Parameters(paramLabel = "ID", arity = "0..*", description = "Article ids for --mark.")
  List<String> ids = new ArrayList<>();

  @Spec CommandSpec spec;

  @ParentCommand KbgenCommand parent;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (contentOptions.missing(err)) {
      return ExitCodes.USAGE;
    }
    if (!ids.isEmpty() && !mark) {
      err.println("kbgen: ids are for --mark: kbgen translations --mark " + String.join(" ", ids));
      return ExitCodes.USAGE;
    }
    ParsedContent content =
        new Pipeline(
                new BuildOptions(
                    contentOptions.content,
                    Path.of("templates"),
                    true,
                    Path.of("").toAbsolutePath()))
            .read();
    for (Problem p : content.problems()) {
      if (p.isError()) {
        err.print(ProblemFormatter.format(p, parent.terminal().colour()));
      }
    }
    if (content.config() == null) {
      return ExitCodes.CONTENT;
    }
    List<TranslationStatus> statuses =
        TranslationStatus.all(content.translations(), content.config());
    int code = mark ? mark(statuses, content.config(), out, err) : table(statuses, content, out);
    return content.hasErrors() && code == ExitCodes.OK ? ExitCodes.CONTENT : code;
  }

  private static int table(
      List<TranslationStatus> statuses, ParsedContent content, PrintWriter out) {
    List<String> languages = content.config().languageCodes();
    List<List<String>> rows = new ArrayList<>();
    List<String> header = new ArrayList<>();
    header.add("id");
    header.addAll(languages);
    header.add("status");
    rows.add(header);
    Map<State, Integer> counts = new EnumMap<>(State.class);
    for (TranslationStatus s : statuses) {
      List<String> row = new ArrayList<>();
      row.add(s.id());
      for (String lang : languages) {
        Article a = s.versions().get(lang);
        row.add(a == null ? "-" : a.path());
      }
      String status = s.state().label();
      if (s.state() == State.OUTDATED) {
        List<String> changed = new ArrayList<>();
        s.outdated()
            .forEach(
                o -> o.changed().stream().filter(c -> !changed.contains(c)).forEach(changed::add));
        status += " (" + String.join(", ", changed) + ")";
      }
      row.add(status);
      rows.add(row);
      counts.merge(s.state(), 1, Integer::sum);
    }
    int[] widths = new int[header.size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).codePointCount(0, row.get(i).length()));
      }
    }
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        String cell = row.get(i);
        line.append(cell);
        if (i + 1 < row.size()) {
          line.append(" ".repeat(widths[i] - cell.codePointCount(0, cell.length()) + 2));
        }
      }
      out.println(line);
    }
    List<String> summary = new ArrayList<>();
    for (State state : State.values()) {
      if (counts.containsKey(state)) {
        summary.add(counts.get(state) + " " + state.label());
      }
    }
    out.printf(
        Locale.ROOT,
        "%d ids: %s%n",
        statuses.size(),
        summary.isEmpty() ? "none" : String.join(", ", summary));
    return ExitCodes.OK;
  }

  private int mark(
      List<TranslationStatus> statuses, SiteConfig config, PrintWriter out, PrintWriter err) {
    List<String> unknown =
        ids.stream().filter(id -> statuses.stream().noneMatch(s -> s.id().equals(id))).toList();
    if (!unknown.isEmpty()) {
      List<String> known = statuses.stream().map(TranslationStatus::id).toList();
      for (String id : unknown) {
        err.println("kbgen: no article has id " + id);
        err.println(
            "  hint: " + Suggestions.didYouMean(id, known, "'kbgen translations' lists every id"));
      }
      return ExitCodes.USAGE;
    }
    ContentWriter writer = new ContentWriter(contentOptions.content);
    int marked = 0;
    int skipped = 0;
    for (TranslationStatus s : statuses) {
      boolean named = ids.contains(s.id());
      if (!ids.isEmpty() && !named) {
        continue;
      }
      String sourceLang = s.sourceLanguage(config.defaultLanguage());
      Article source = s.versions().get(sourceLang);
      for (Article t : s.versions().values()) {
        if (t == source) {
          continue;
        }
        boolean outdated = s.outdated().stream().anyMatch(o -> o.translation() == t);
        boolean untracked = t.meta().translatedFrom() == null;
        if (!named && !untracked) {
          skipped += outdated ? 1 : 0;
          continue;
        }
        // A current mark in an earlier form (see SourceFingerprint.legacy) is written again.
        if (!outdated
            && !untracked
            && t.meta().translatedFrom().lang().equals(sourceLang)
            && t.meta()
                .translatedFrom()
                .hash()
                .equals(SourceFingerprint.of(source, config.sections()).hash())) {
          out.println("current  " + t.path());
          continue;
        }
        try {
          if (!writer.markTranslation(t, source, config.sections())) {
            err.println("kbgen: " + t.path() + " has no front matter to mark");
            return ExitCodes.CONTENT;
          }
        } catch (IOException e) {
          err.println("kbgen: cannot write " + t.path() + ": " + e.getMessage());
          return ExitCodes.CONTENT;
        }
        out.println("marked   " + t.path() + " as translated from " + source.path());
        marked++;
      }
      if (named && s.versions().size() < 2) {
        err.println("kbgen: " + s.id() + " has no translation to mark");
      }
    }
    out.printf(Locale.ROOT, "%d translation%s marked%n", marked, marked == 1 ? "" : "s");
    if (skipped > 0) {
      out.printf(
          Locale.ROOT,
          "%d outdated translation%s not marked: update the text, then 'kbgen translations"
              + " --mark ID'%n",
          skipped,
          skipped == 1 ? "" : "s");
    }
    return ExitCodes.OK;
  }
}
