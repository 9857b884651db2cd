package dev.kbgen.cli;

import dev.kbgen.build.Pipeline;
import dev.kbgen.json.Json;
import dev.kbgen.search.Evaluation;
import dev.kbgen.search.Hit;
import dev.kbgen.search.SearchEngine;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kbgen eval}: search quality on labelled queries. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Runs labelled queries against the knowledge base and prints MRR@10, Success@1, Success@3"
          + " and nDCG@10, overall and per query kind and language.",
      "The TSV has a header and the columns id, kind, lang, query, expected (content paths such as",
      "en/sync/x.md or article ids, separated by ';')."
    })
public final class EvalCommand implements Callable<Integer> {
  @Mixin ContentOptions contentOptions;

  @Mixin ThemeOptions themeOptions;
  @Mixin LinkOptions linkOptions;

  @Option(
      names = "--queries",
      paramLabel = "FILE",
      required = true,
      description = "The labelled queries (TSV).")
  Path queries;

  @Option(names = "--json", description = "Print JSON: metrics and the top 10 of every query.")
  boolean json;

  @Option(
      names = "--verbose",
      description = "List the queries whose first relevant result is not first.")
  boolean verbose;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (contentOptions.missing(err)) {
      return ExitCodes.USAGE;
    }
    List<Evaluation.Query> list;
    try {
      list = Evaluation.parse(Files.readString(queries, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      err.println("kbgen: --queries " + queries + ": no such file");
      return ExitCodes.USAGE;
    } catch (IOException e) {
      err.println("kbgen: cannot read " + queries + ": " + e);
      return ExitCodes.USAGE;
    } catch (IllegalArgumentException e) {
      err.println("kbgen: " + queries + ": " + e.getMessage());
      return ExitCodes.USAGE;
    }
    if (list.isEmpty()) {
      err.println(
          "kbgen: "
              + queries
              + " has no queries: after a header line, one per line, tab-separated: id, kind,"
              + " lang, query, expected ids or paths (';' between them)");
      return ExitCodes.USAGE;
    }
    Optional<Pipeline.Reference> ref =
        ReferenceLoader.load(
            contentOptions.content, themeOptions.templates, linkOptions.warn(), err);
    if (ref.isEmpty()) {
      return ExitCodes.CONTENT;
    }
    try (SearchEngine engine = ref.get().engine()) {
      List<String> mistakes = Evaluation.mistakes(engine, list);
      if (!mistakes.isEmpty()) {
        mistakes.forEach(m -> err.println("kbgen: " + queries + ": " + m));
        return ExitCodes.USAGE;
      }
      Evaluation.Report report = Evaluation.run(engine, list);
      if (json) {
        out.println(Json.write(toJson(report, ref.get().config().baseUrl())));
        return ExitCodes.OK;
      }
      out.printf(
          Locale.ROOT, "%-22s %5s %7s %7s %7s %8s%n", "", "n", "MRR@10", "S@1", "S@3", "nDCG@10");
      print(out, "all", report.overall());
      report.byLang().forEach((k, m) -> print(out, "lang " + k, m));
      report.byKind().forEach((k, m) -> print(out, k, m));
      if (verbose) {
        for (Evaluation.Outcome o : report.outcomes()) {
          if (o.rank() != 1) {
            out.printf(
                Locale.ROOT,
                "%s [%s/%s] rank %s: %s -> %s%n",
                o.query().id(),
                o.query().kind(),
                o.query().lang(),
                o.rank() == 0 ? "-" : o.rank(),
                o.query().query(),
                o.hits().isEmpty() ? "(nothing)" : o.hits().get(0).document().key());
          }
        }
      }
      return ExitCodes.OK;
    }
  }

  private static void print(PrintWriter out, String label, Evaluation.Metrics m) {
    out.printf(
        Locale.ROOT,
        "%-22s %5d %7.3f %7.3f %7.3f %8.3f%n",
        label,
        m.count(),
        m.mrr10(),
        m.success1(),
        m.success3(),
        m.ndcg10());
  }

  private static Map<String, Object> metrics(Evaluation.Metrics m) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("count", m.count());
    out.put("mrr@10", m.mrr10());
    out.put("success@1", m.success1());
    out.put("success@3", m.success3());
    out.put("ndcg@10", m.ndcg10());
    return out;
  }

  private static Map<String, Object> toJson(Evaluation.Report report, String base) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.putAll(metrics(report.overall()));
    Map<String, Object> kinds = new LinkedHashMap<>();
    report.byKind().forEach((k, v) -> kinds.put(k, metrics(v)));
    Map<String, Object> langs = new LinkedHashMap<>();
    report.byLang().forEach((k, v) -> langs.put(k, metrics(v)));
    m.put("kinds", kinds);
    m.put("langs", langs);
    List<Object> queries = new ArrayList<>();
    for (Evaluation.Outcome o : report.outcomes()) {
      Map<String, Object> q = new LinkedHashMap<>();
      q.put("id", o.query().id());
      q.put("lang", o.query().lang());
      q.put("rank", o.rank());
      List<Object> results = new ArrayList<>();
      for (Hit h : o.hits()) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("path", h.document().key());
        r.put("id", h.document().id());
        r.put("url", base + h.document().url().replaceFirst("index\\.html$", ""));
        r.put("score", (double) h.score());
        results.add(r);
      }
      q.put("results", results);
      queries.add(q);
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("metrics", m);
    doc.put("queries", queries);
    return doc;
  }
}
