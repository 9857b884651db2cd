package dev.kbgen.cli;

import dev.kbgen.build.Pipeline;
import dev.kbgen.config.SiteConfig;
import dev.kbgen.config.Term;
import dev.kbgen.content.ArticleType;
import dev.kbgen.json.Json;
import dev.kbgen.problem.Suggestions;
import dev.kbgen.search.Hit;
import dev.kbgen.search.SearchEngine;
import java.io.PrintWriter;
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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kbgen search}: the reference ranking, for support engineers and for debugging. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Searches the knowledge base as the site's search does and prints title, id and URL.",
      "The language is the query's (Chinese when it has Chinese characters or full-width ones)"
          + " unless --lang is given."
    })
public final class SearchCommand implements Callable<Integer> {
  @Mixin ContentOptions contentOptions;

  @Mixin ThemeOptions themeOptions;
  @Mixin LinkOptions linkOptions;

  @Option(names = "--lang", paramLabel = "LANG", description = "Language to search: en, zh, ...")
  String lang;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "10",
      description = "Results (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--product", paramLabel = "KEY", description = "Only articles of this product.")
  String product;

  @Option(names = "--tag", paramLabel = "KEY", description = "Only articles with this tag.")
  String tag;

  @Option(names = "--type", paramLabel = "TYPE", description = "Only articles of this type.")
  String type;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Parameters(arity = "1..*", paramLabel = "QUERY", description = "The query.")
  List<String> words;

  @Spec CommandSpec spec;

  /** A filter's value that the site does not declare, which would find nothing: a usage error. */
  private static void unknown(String option, String value, List<String> keys, List<String> out) {
    if (value != null && !keys.contains(value)) {
      out.add(
          "kbgen: "
              + option
              + " "
              + value
              + " is not declared: "
              + Suggestions.didYouMean(value, keys, "use one of " + String.join(", ", keys)));
    }
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (contentOptions.missing(err)) {
      return ExitCodes.USAGE;
    }
    if (limit < 1 || limit > 1000) {
      err.println("kbgen: --limit must be between 1 and 1000");
      return ExitCodes.USAGE;
    }
    Optional<Pipeline.Reference> ref =
        ReferenceLoader.load(
            contentOptions.content, themeOptions.templates, linkOptions.warn(), err);
    if (ref.isEmpty()) {
      return ExitCodes.CONTENT;
    }
    SiteConfig config = ref.get().config();
    List<String> unknown = new ArrayList<>();
    unknown("--product", product, config.products().stream().map(Term::key).toList(), unknown);
    unknown("--tag", tag, config.tags().stream().map(Term::key).toList(), unknown);
    unknown("--type", type, ArticleType.keys(), unknown);
    if (!unknown.isEmpty()) {
      unknown.forEach(err::println);
      return ExitCodes.USAGE;
    }
    String query = String.join(" ", words);
    String language = lang != null ? lang : guessLanguage(query, ref.get());
    try (SearchEngine engine = ref.get().engine()) {
      if (!engine.indexes().containsKey(language)) {
        err.println("kbgen: no articles in language '" + language + "'");
        return ExitCodes.USAGE;
      }
      SearchEngine.Result result =
          engine.search(query, language, limit, new SearchEngine.Filters(product, tag, type), true);
      String base = ref.get().config().baseUrl();
      if (json) {
        List<Object> hits = new ArrayList<>();
        for (Hit h : result.hits()) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("id", h.document().id());
          m.put("title", h.document().title());
          m.put("path", h.document().key());
          m.put("url", base + h.document().url().replaceFirst("index\\.html$", ""));
          m.put("score", (double) h.score());
          hits.add(m);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("query", query);
        doc.put("lang", language);
        doc.put("corrected", result.corrected());
        doc.put("suggested", result.suggested());
        doc.put("results", hits);
        out.println(Json.write(doc));
        return ExitCodes.OK;
      }
      result
          .suggested()
          .forEach(
              (from, to) -> out.println("(searched for '" + to + "' instead of '" + from + "')"));
      if (result.hits().isEmpty()) {
        out.println("no results for: " + query);
        return ExitCodes.OK;
      }
      int n = 1;
      for (Hit h : result.hits()) {
        out.printf(
            Locale.ROOT,
            "%2d. %s  [%s]%n    %s%n",
            n++,
            h.document().title(),
            h.document().id(),
            base + h.document().url().replaceFirst("index\\.html$", ""));
      }
      return ExitCodes.OK;
    }
  }

  private static String guessLanguage(String query, Pipeline.Reference ref) {
    // Full-width letters and digits (０ｘ８００７０００５) and CJK punctuation come from a Chinese
    // input method: the writer reads the Chinese site.
    boolean han =
        query
            .codePoints()
            .anyMatch(
                c ->
                    Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                        || (c >= 0xFF01 && c <= 0xFF5E)
                        || (c >= 0x3000 && c <= 0x303F));
    if (han && ref.engine().indexes().containsKey("zh")) {
      return "zh";
    }
    return ref.config().defaultLanguage();
  }
}
