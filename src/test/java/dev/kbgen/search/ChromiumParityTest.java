package dev.kbgen.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbgen.build.BuildOptions;
import dev.kbgen.build.Pipeline;
import dev.kbgen.json.Json;
import dev.kbgen.testing.Browser;
import dev.kbgen.testing.SampleSite;
import dev.kbgen.testing.SampleSite.Origin;
import dev.kbgen.testing.SiteFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link SearchParityTest} in Chromium instead of Node: the runtime as the built sample site loads
 * it (from disk), with the browser's own Intl, against the Lucene reference — the same golden
 * analysis vectors and the same ranking checks.
 */
class ChromiumParityTest {
  static Browser browser;
  static SearchEngine engine;
  static List<Evaluation.Query> queries;

  /** Runs every query and vector through window.kbgen; answers parity.js's output document. */
  private static final String HARNESS =
      """
      var input = JSON.parse(arguments[0]), done = arguments[arguments.length - 1];
      var out = { results: {}, analysis: {}, corrected: {}, suggested: {}, errors: {} };
      (async function () {
        for (const q of input.queries) {
          try {
            const r = await kbgen.search(q.query,
                { lang: q.lang, limit: 10, typos: true, prefix: false });
            out.results[q.id] = r.results.map(function (x) { return x.id; });
            out.corrected[q.id] = r.corrected;
            out.suggested[q.id] = r.suggested;
          } catch (e) {
            out.results[q.id] = [];
            out.errors[q.id] = String(e && e.message || e);
          }
        }
        for (const v of input.vectors) {
          for (const lang of Object.keys(kbgen.configure({}).manifests)) await kbgen.prepare(lang, v.text);
          out.analysis[v.id] = Array.from(kbgen.analyze(v.text, v.mode === 'query' ? 'query' : 'doc'));
        }
        return JSON.stringify(out, null, 1);
      })().then(done, function (e) { done('ERROR ' + e); });
      """;

  @BeforeAll
  static void start() throws IOException {
    browser = Browser.start();
    BuildOptions options =
        new BuildOptions(
            SiteFixture.repoContent(), SiteFixture.repoTemplates(), false, Path.of(""));
    engine = new Pipeline(options).reference().engine();
    queries =
        Evaluation.parse(Files.readString(Path.of("eval/sample.tsv"), StandardCharsets.UTF_8));
    browser.open(SampleSite.url(Origin.FILE, "en/search/index.html"));
    browser.waitFor(
        d -> Boolean.TRUE.equals(browser.js("return !!(window.kbgen && kbgen.search)")));
  }

  @AfterAll
  static void stop() {
    try {
      if (browser != null) {
        assertThat(browser.problems()).as("console errors and failed requests").isEmpty();
        browser.close();
      }
    } finally {
      if (engine != null) {
        engine.close();
      }
    }
  }

  private static String run(List<Object> vectors, List<Object> harnessQueries) {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("queries", harnessQueries);
    input.put("vectors", vectors);
    String output = (String) browser.jsAsync(HARNESS, Json.write(input));
    assertThat(output).doesNotStartWith("ERROR");
    assertThat(output).contains("\"errors\": {}");
    return output;
  }

  @Test
  void chromiumAnalysisReproducesTheJavaTerms() {
    List<Object> vectors = new ArrayList<>();
    Map<String, List<String>> expected = SearchParityTest.analysisVectors(engine, queries, vectors);
    SearchParityTest.assertAnalysisParity(run(vectors, List.of()), expected);
  }

  @Test
  void chromiumRankingMatchesLuceneOnEveryEvaluationQuery() throws IOException {
    String output = run(List.of(), SearchParityTest.rankingQueries(queries));
    SearchParityTest.assertRankingParity(
        output, engine, queries, Path.of("target", "search-parity-chromium.txt"));
  }
}
