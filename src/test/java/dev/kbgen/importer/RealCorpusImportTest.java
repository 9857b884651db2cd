package dev.kbgen.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kbgen.build.BuildOptions;
import dev.kbgen.build.BuildResult;
import dev.kbgen.build.Pipeline;
import dev.kbgen.problem.Problem;
import dev.kbgen.publish.MemoryPublisher;
import dev.kbgen.publish.OutputFile;
import dev.kbgen.testing.SiteFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seven imports of the real corpus ({@code ../shared/corpus}, or {@code -Dkbgen.corpus=DIR}),
 * which is never part of this repository: every manifest article is imported, the pairs are
 * translation pairs, no source construct is left in the text, and a deterministic sample builds.
 * Skipped when the corpus is absent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealCorpusImportTest {
  /** Constructs that must not be left in the text outside code. */
  static final List<String> LEFTOVERS =
      List.of(
          "{{<",
          "{{%",
          "{{{",
          ":::",
          "[!INCLUDE",
          "[!NOTE",
          "[!TIP",
          "[!IMPORTANT",
          "[!WARNING",
          "[!CAUTION",
          "<CustomContent",
          "<SimpleTab");

  private static final Pattern FENCE = Pattern.compile("^\\s*(?:>\\s*)*(`{3,}|~{3,}).*$");
  private static final Pattern INLINE_CODE = Pattern.compile("(`+)(?!`).+?(?<!`)\\1(?!`)");

  /** An admonition's first line, also in a list item: {@code 3. > [!NOTE]}. */
  private static final Pattern ALERT_LINE =
      Pattern.compile("^[ \\t]*(?:(?:[-*+]|\\d+[.)])[ \\t]+)?(?:>[ \\t]*)+\\[![A-Z]+][ \\t]*$");

  private static final Pattern ID = Pattern.compile("(?m)^id: \"([^\"]+)\"$");

  private Path tmp;
  private Path corpus;
  private Path content;
  private final Map<String, ImportReport> reports = new LinkedHashMap<>();

  static Optional<Path> corpus() {
    Path p = Path.of(System.getProperty("kbgen.corpus", "../shared/corpus")).toAbsolutePath();
    return Files.isDirectory(p.resolve("support-en")) && Files.isDirectory(p.resolve("kb-en-zh"))
        ? Optional.of(p.normalize())
        : Optional.empty();
  }

  @BeforeAll
  void importAll(@TempDir Path dir) {
    tmp = dir;
    Optional<Path> found = corpus();
    assumeTrue(
        found.isPresent(),
        "real corpus not found at ../shared/corpus (pass -Dkbgen.corpus=DIR): import tests skipped");
    corpus = found.get();
    content = tmp.resolve("content");
    Path k = corpus.resolve("kb-en-zh");
    Map<String, String> vars =
        Map.of("version", "v1.28", "currentVersion", "1.28", "currentPatchVersion", "1.28.1");
    record Job(Flavour f, String lang, String prefix, Path src) {}
    List<Job> jobs =
        List.of(
            new Job(Flavour.DOCFX, "en", "support", corpus.resolve("support-en/support")),
            new Job(Flavour.HUGO, "en", "k8s", k.resolve("kubernetes-website/content/en/docs")),
            new Job(Flavour.HUGO, "zh", "k8s", k.resolve("kubernetes-website/content/zh-cn/docs")),
            new Job(Flavour.MARKDOWN, "en", "tidb", k.resolve("pingcap-docs")),
            new Job(Flavour.MARKDOWN, "zh", "tidb", k.resolve("pingcap-docs-cn")),
            new Job(
                Flavour.MARKDOWN,
                "en",
                "tidb-operator",
                k.resolve("pingcap-docs-tidb-operator/en")),
            new Job(
                Flavour.MARKDOWN,
                "zh",
                "tidb-operator",
                k.resolve("pingcap-docs-tidb-operator/zh")));
    for (Job j : jobs) {
      ImportReport r =
          Importer.run(
              new ImportOptions(
                  j.f(), j.lang(), j.prefix(), j.src(), content, List.of(), vars, false));
      reports.put(j.lang() + "/" + j.prefix(), r);
    }
  }

  @Test
  void everyManifestArticleIsImported() throws IOException {
    reports.forEach(
        (k, r) -> {
          System.out.println("import " + k + ": " + r.imported() + " articles");
          assertThat(r.failed()).as(k).isEmpty();
        });
    int total = reports.values().stream().mapToInt(ImportReport::imported).sum();
    List<String> support = manifest(corpus.resolve("support-en/MANIFEST.tsv"));
    List<String> pairs = manifest(corpus.resolve("kb-en-zh/MANIFEST.tsv"));
    assertThat(total).isEqualTo(support.size() + 2 * pairs.size()).isEqualTo(3359 + 2 * 1416);
    for (String line : support) {
      String path = line.split("\t")[0];
      assertThat(content.resolve("en").resolve(path)).as(path).isRegularFile();
    }
  }

  @Test
  void manifestPairsAreTranslationPairs() throws IOException {
    int pairs = 0;
    for (String line : manifest(corpus.resolve("kb-en-zh/MANIFEST.tsv"))) {
      String[] cols = line.split("\t");
      Path en = content.resolve(target(cols[0]));
      Path zh = content.resolve(target(cols[1]));
      assertThat(id(en)).as(cols[0]).isNotEmpty().isEqualTo(id(zh));
      pairs++;
    }
    System.out.println("translation pairs: " + pairs);
    assertThat(pairs).isEqualTo(1416);
  }

  @Test
  void noSourceConstructIsLeftInTheMarkdownOutsideCode() throws IOException {
    Map<String, Integer> counts = new TreeMap<>();
    List<String> examples = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(content)) {
      for (Path p : walk.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
        String text = Files.readString(p, StandardCharsets.UTF_8);
        String body = text.substring(text.indexOf("\n---\n", 4) + 5);
        boolean fence = false;
        for (String line : body.split("\n")) {
          if (FENCE.matcher(line).matches()) {
            fence = !fence;
            continue;
          }
          if (fence) {
            continue;
          }
          String prose = INLINE_CODE.matcher(line).replaceAll("");
          for (String construct : LEFTOVERS) {
            if (prose.contains(construct)
                && !(construct.startsWith("[!") && ALERT_LINE.matcher(prose).matches())) {
              counts.merge(construct, 1, Integer::sum);
              if (examples.size() < 10) {
                examples.add(content.relativize(p) + ": " + line.strip());
              }
            }
          }
        }
      }
    }
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    System.out.println(
        "leftover constructs in imported Markdown outside code: " + total + " " + counts);
    assertThat(total).as(String.join("\n", examples)).isZero();
  }

  @Test
  void theWholeImportBuildsAndItsPagesHaveNoLeftovers() throws IOException {
    BuildOptions options =
        new BuildOptions(content, SiteFixture.repoTemplates(), false, tmp, SiteFixture.TODAY, false)
            .withLinksWarn(true);
    MemoryPublisher out = new MemoryPublisher();
    BuildResult result = new Pipeline(options).run(out);
    List<Problem> errors = result.problems().stream().filter(Problem::isError).toList();
    System.out.println(
        "build of the whole import: "
            + result.articles()
            + " articles, "
            + result.pages()
            + " pages, "
            + result.problems().stream().filter(p -> !p.isError()).count()
            + " warnings and infos");
    assertThat(errors).isEmpty();
    assertThat(result.failed()).isFalse();

    Map<String, Integer> counts = new TreeMap<>();
    List<String> examples = new ArrayList<>();
    for (OutputFile f : out.files().values()) {
      if (!f.path().endsWith(".html")) {
        continue;
      }
      Document doc = Jsoup.parse(new String(f.bytes(), StandardCharsets.UTF_8));
      doc.select("pre, code, script, style").remove();
      String text = doc.body() == null ? "" : doc.body().text();
      for (String construct : LEFTOVERS) {
        int at = text.indexOf(construct);
        while (at >= 0) {
          counts.merge(construct, 1, Integer::sum);
          if (examples.size() < 10) {
            examples.add(
                f.path()
                    + ": "
                    + text.substring(Math.max(0, at - 40), Math.min(text.length(), at + 40)));
          }
          at = text.indexOf(construct, at + 1);
        }
      }
    }
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    System.out.println(
        "leftover constructs in the HTML text of every page: " + total + " " + counts);
    assertThat(total).as(String.join("\n", examples)).isZero();
  }

  /** The content path of a manifest path. */
  static String target(String manifestPath) {
    String[][] map = {
      {"pingcap-docs-tidb-operator/en/", "en/tidb-operator/"},
      {"pingcap-docs-tidb-operator/zh/", "zh/tidb-operator/"},
      {"pingcap-docs-cn/", "zh/tidb/"},
      {"pingcap-docs/", "en/tidb/"},
      {"kubernetes-website/content/en/docs/", "en/k8s/"},
      {"kubernetes-website/content/zh-cn/docs/", "zh/k8s/"},
    };
    for (String[] m : map) {
      if (manifestPath.startsWith(m[0])) {
        return m[1] + manifestPath.substring(m[0].length());
      }
    }
    throw new AssertionError("unknown manifest path " + manifestPath);
  }

  private static String id(Path file) throws IOException {
    Matcher m = ID.matcher(Files.readString(file, StandardCharsets.UTF_8));
    return m.find() ? m.group(1) : "";
  }

  private static List<String> manifest(Path tsv) throws IOException {
    List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
    return lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).toList();
  }
}
