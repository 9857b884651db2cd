package dev.kbgen.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbgen.build.BuildOptions;
import dev.kbgen.build.BuildResult;
import dev.kbgen.build.Pipeline;
import dev.kbgen.json.Json;
import dev.kbgen.publish.DiskPublisher;
import dev.kbgen.search.SearchEngine.Filters;
import dev.kbgen.testing.Node;
import dev.kbgen.testing.SiteFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser runtime against the Lucene reference on the sample knowledge base: the same terms for
 * every title, code, query and a sample of body text (golden vectors written by Java), and the same
 * ranking for every evaluation query.
 */
class SearchParityTest {
  @TempDir static Path tmp;
  static SearchEngine engine;
  static Path site;
  static List<Evaluation.Query> queries;

  @BeforeAll
  static void build() throws IOException {
    site = tmp.resolve("site");
    BuildOptions options =
        new BuildOptions(
            SiteFixture.repoContent(), SiteFixture.repoTemplates(), false, Path.of(""));
    BuildResult result = new Pipeline(options).run(new DiskPublisher(site));
    assertThat(result.failed()).isFalse();
    engine = new Pipeline(options).reference().engine();
    queries =
        Evaluation.parse(Files.readString(Path.of("eval/sample.tsv"), StandardCharsets.UTF_8));
  }

  @AfterAll
  static void close() {
    if (engine != null) {
      engine.close();
    }
  }

  /** Runs parity.js over the built site; returns its output document as text. */
  private static String runNode(List<Object> vectors, List<Object> nodeQueries) throws IOException {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("queries", nodeQueries);
    input.put("vectors", vectors);
    Path in = tmp.resolve("input.json");
    Path out = tmp.resolve("output.json");
    Files.writeString(in, Json.write(input), StandardCharsets.UTF_8);
    Node.Run run =
        Node.run(List.of("src/test/js/parity.js", site.toString(), in.toString(), out.toString()));
    assertThat(run.code()).as(run.output()).isZero();
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  @Test
  void browserAnalysisReproducesTheJavaTerms() throws IOException {
    Node.require();
    List<Object> vectors = new ArrayList<>();
    Map<String, List<String>> expected = analysisVectors(engine, queries, vectors);
    assertAnalysisParity(runNode(vectors, List.of()), expected);
  }

  @Test
  void browserRankingMatchesLuceneOnEveryEvaluationQuery() throws IOException {
    Node.require();
    String output = runNode(List.of(), rankingQueries(queries));
    assertRankingParity(output, engine, queries, Path.of("target", "search-parity.txt"));
  }

  @Test
  void contractionsTypedWithoutTheirApostropheAreNoTyposOnEitherSide() throws IOException {
    Node.require();
    List<String> typed =
        List.of(
            "my files wont sync",
            "cant log in",
            "App DOESNT open behind the proxy",
            "webhook wasnt delivered",
            "my files won’t sync");
    List<Object> vectors = new ArrayList<>();
    List<Object> nodeQueries = new ArrayList<>();
    Map<String, List<String>> expected = new LinkedHashMap<>();
    for (int i = 0; i < typed.size(); i++) {
      vectors.add(Map.of("id", "q" + i, "text", typed.get(i), "mode", "query"));
      nodeQueries.add(Map.of("id", "q" + i, "lang", "en", "query", typed.get(i)));
      expected.put("q" + i, engine.analysis().analyzeQuery(typed.get(i)));
    }
    assertThat(expected.get("q0")).startsWith("file", "won't", "sync");
    assertThat(expected.get("q1")).startsWith("can't", "log");
    assertThat(expected.get("q2")).startsWith("app", "doesn't", "open");
    assertThat(expected.get("q3")).startsWith("webhook", "wasn't");
    assertThat(expected.get("q4")).startsWith("file", "won't", "sync");
    // Every contraction of the table, typed bare: the runtime's table must hold the same words.
    String bare = String.join(" ", Contractions.WORDS).replace("'", "");
    vectors.add(Map.of("id", "all", "text", bare, "mode", "query"));
    expected.put("all", engine.analysis().analyzeQuery(bare));
    assertThat(expected.get("all")).startsWith(Contractions.WORDS.toArray(String[]::new));
    String output = runNode(vectors, nodeQueries);
    assertAnalysisParity(output, expected);
    for (int i = 0; i < typed.size(); i++) {
      SearchEngine.Result reference = engine.search(typed.get(i), "en", 10, Filters.NONE, true);
      assertThat(reference.corrected()).as(typed.get(i)).isEmpty();
      assertThat(corrections(output, "corrected", "q" + i)).as(typed.get(i)).isEmpty();
      assertThat(terms(output, "results", "q" + i))
          .as(typed.get(i))
          .first()
          .isEqualTo(reference.hits().get(0).document().id());
    }
  }

  /**
   * The golden analysis vectors: every title, curated phrase and a sample of body text (doc mode)
   * and every evaluation query (query mode). Adds {@code {id, text, mode}} to {@code vectors} and
   * returns the Java terms by id.
   */
  static Map<String, List<String>> analysisVectors(
      SearchEngine engine, List<Evaluation.Query> queries, List<Object> vectors) {
    Analysis analysis = engine.analysis();
    Map<String, List<String>> expected = new LinkedHashMap<>();
    int n = 0;
    List<String> texts = new ArrayList<>();
    for (LanguageIndex index : engine.indexes().values()) {
      for (SearchDocument d : index.documents()) {
        texts.add(d.title());
        texts.addAll(d.curated());
        String body = d.fields().get(SearchField.SYMPTOM) + " " + d.fields().get(SearchField.BODY);
        texts.add(body.substring(0, Math.min(600, body.length())));
      }
    }
    for (String text : texts) {
      String id = "d" + n++;
      vectors.add(Map.of("id", id, "text", text, "mode", "doc"));
      expected.put(id, analysis.analyze(text, Analysis.Mode.DOC).stream().sorted().toList());
    }
    for (Evaluation.Query q : queries) {
      String id = "q" + q.id();
      vectors.add(Map.of("id", id, "text", q.query(), "mode", "query"));
      expected.put(id, analysis.analyzeQuery(q.query()));
    }
    return expected;
  }

  /** The runtime's terms ({@code analysis} in the harness output) against the Java terms. */
  static void assertAnalysisParity(String output, Map<String, List<String>> expected) {
    int exact = 0;
    int chineseWordMismatches = 0;
    List<String> mismatches = new ArrayList<>();
    for (var e : expected.entrySet()) {
      List<String> actual = terms(output, "analysis", e.getKey());
      if (e.getKey().startsWith("d")) {
        actual = actual.stream().sorted().toList();
      }
      if (actual.equals(e.getValue())) {
        exact++;
        continue;
      }
      // Tolerance only for Chinese words (ICU versions differ); every other class must agree.
      List<String> a = actual.stream().filter(t -> !t.startsWith("~")).toList();
      List<String> b = e.getValue().stream().filter(t -> !t.startsWith("~")).toList();
      if (a.equals(b)) {
        chineseWordMismatches++;
      } else {
        mismatches.add(e.getKey() + ": java " + e.getValue() + "\n    browser " + actual);
      }
    }
    assertThat(mismatches).as("terms that differ outside Chinese words").isEmpty();
    assertThat(chineseWordMismatches)
        .as("vectors whose Chinese words differ")
        .isLessThanOrEqualTo(expected.size() / 50);
    assertThat(exact).isGreaterThan(expected.size() * 9 / 10);
  }

  /** The evaluation queries as the harness takes them: {@code {id, lang, query}}. */
  static List<Object> rankingQueries(List<Evaluation.Query> queries) {
    List<Object> out = new ArrayList<>();
    for (Evaluation.Query q : queries) {
      out.add(Map.of("id", q.id(), "lang", q.lang(), "query", q.query()));
    }
    return out;
  }

  /** The runtime's rankings and corrections against Lucene's; a summary goes to {@code report}. */
  static void assertRankingParity(
      String output, SearchEngine engine, List<Evaluation.Query> queries, Path report)
      throws IOException {
    int top1 = 0;
    double overlap = 0;
    List<String> disagreements = new ArrayList<>();
    List<String> correctionDisagreements = new ArrayList<>();
    int corrections = 0;
    for (Evaluation.Query q : queries) {
      SearchEngine.Result reference = engine.search(q.query(), q.lang(), 10, Filters.NONE, true);
      List<String> lucene = reference.hits().stream().map(h -> h.document().id()).toList();
      Map<String, String> browserCorrected = corrections(output, "corrected", q.id());
      Map<String, String> browserSuggested = corrections(output, "suggested", q.id());
      if (!browserCorrected.equals(reference.corrected())
          || !browserSuggested.equals(reference.suggested())) {
        correctionDisagreements.add(
            q.id()
                + " "
                + q.query()
                + ": lucene "
                + reference.corrected()
                + " "
                + reference.suggested()
                + " browser "
                + browserCorrected
                + " "
                + browserSuggested);
      }
      corrections += reference.corrected().size();
      List<String> browser = terms(output, "results", q.id());
      if (!lucene.isEmpty() && !browser.isEmpty() && lucene.get(0).equals(browser.get(0))) {
        top1++;
      } else {
        disagreements.add(q.id() + " " + q.query() + ": lucene " + lucene + " browser " + browser);
      }
      Set<String> common = new HashSet<>(lucene);
      common.retainAll(browser);
      overlap +=
          lucene.isEmpty() ? 1 : (double) common.size() / Math.max(lucene.size(), browser.size());
    }
    double meanOverlap = overlap / queries.size();
    Files.writeString(
        report,
        "queries "
            + queries.size()
            + "\ntop1 "
            + top1
            + "\nmean top10 overlap "
            + meanOverlap
            + "\n",
        StandardCharsets.UTF_8);
    assertThat(correctionDisagreements).as("typo corrections that differ").isEmpty();
    assertThat(corrections).as("typos corrected by the reference").isGreaterThan(10);
    assertThat(disagreements).as("top-1 disagreements").isEmpty();
    assertThat(meanOverlap).isGreaterThanOrEqualTo(0.95);
  }

  private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

  /** The string list under {@code key -> id} in the harness's output (a flat JSON document). */
  static List<String> terms(String json, String key, String id) {
    int section = json.indexOf("\"" + key + "\"");
    assertThat(section).as("output has " + key).isGreaterThanOrEqualTo(0);
    int at = json.indexOf("\"" + jsonEscape(id) + "\":", section);
    assertThat(at).as(key + " has " + id).isGreaterThanOrEqualTo(0);
    int open = json.indexOf('[', at);
    int close = open;
    boolean inString = false;
    for (int i = open + 1; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        inString = !inString;
      } else if (c == ']' && !inString) {
        close = i;
        break;
      }
    }
    List<String> out = new ArrayList<>();
    Matcher m = STRING.matcher(json.substring(open + 1, close));
    while (m.find()) {
      out.add(unescape(m.group(1)));
    }
    return out;
  }

  /**
   * The corrections under {@code key -> id} in the harness's output ({@code corrected}: typed word
   * to term, {@code suggested}: typed word to the spelling shown; null: none).
   */
  static Map<String, String> corrections(String json, String key, String id) {
    int section = json.indexOf("\"" + key + "\"");
    assertThat(section).as("output has " + key).isGreaterThanOrEqualTo(0);
    int at = json.indexOf("\"" + jsonEscape(id) + "\":", section);
    assertThat(at).as(key + " has " + id).isGreaterThanOrEqualTo(0);
    String rest = json.substring(at + id.length() + 3).stripLeading();
    Map<String, String> out = new LinkedHashMap<>();
    if (rest.startsWith("{")) {
      Matcher m = STRING.matcher(rest.substring(1, rest.indexOf('}')));
      while (m.find()) {
        String from = unescape(m.group(1));
        assertThat(m.find()).isTrue();
        out.put(from, unescape(m.group(1)));
      }
    }
    return out;
  }

  private static String jsonEscape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static String unescape(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char n = s.charAt(++i);
      switch (n) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'u' -> {
          out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> out.append(n);
      }
    }
    return out.toString();
  }
}
