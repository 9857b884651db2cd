package dev.kbgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbgen.config.SiteConfig;
import dev.kbgen.config.SiteConfigLoader;
import dev.kbgen.content.Article;
import dev.kbgen.content.ArticleParser;
import dev.kbgen.content.TextFile;
import dev.kbgen.i18n.SourceFingerprint;
import dev.kbgen.problem.Problems;
import dev.kbgen.problem.Source;
import dev.kbgen.testing.Cli;
import dev.kbgen.testing.Cli.Run;
import dev.kbgen.testing.SiteFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kbgen translations} on the fixture where the English article changed after its translation
 * ({@code sites/check/outdated-translation}), copied so that {@code --mark} can edit it.
 */
class TranslationsCommandTest {
  private static final Path FIXTURE =
      Path.of("src/test/resources/sites/check/outdated-translation");

  @TempDir Path tmp;
  Path content;

  Run run(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "translations";
    all[1] = "--content";
    all[2] = content.toString();
    System.arraycopy(args, 0, all, 3, args.length);
    return Cli.run(all);
  }

  @BeforeEach
  void copyFixture() throws IOException {
    SiteFixture.copyTree(FIXTURE.resolve("content"), tmp.resolve("content"));
    content = tmp.resolve("content");
  }

  @Test
  void aSiteConfigErrorIsPrintedWithItsLine() throws IOException {
    Files.writeString(
        content.resolve("site.yaml"),
        "tgas: 1\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    Run r = run();
    assertThat(r.code()).isEqualTo(ExitCodes.CONTENT);
    assertThat(r.err()).contains("site.yaml:").contains("error: ").contains("tgas");
  }

  @Test
  void tableShowsEachIdWithItsFilesAndStatus() {
    Run r = run();
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .isEqualTo(
            """
            id       en                     zh                     status
            KB-1001  en/sync/sync-stops.md  zh/sync/sync-stops.md  outdated (title, cause)
            KB-1002  en/sync/sync-slow.md   zh/sync/sync-slow.md   current
            2 ids: 1 outdated, 1 current
            """);
  }

  @Test
  void missingAndUntrackedTranslations() throws IOException {
    Path zh = content.resolve("zh/sync/sync-slow.md");
    Files.writeString(
        zh,
        Files.readString(zh, StandardCharsets.UTF_8).replaceAll("translated_from:\n(  .*\n)+", ""),
        StandardCharsets.UTF_8);
    Files.delete(content.resolve("zh/sync/sync-stops.md"));
    assertThat(run().out())
        .isEqualTo(
            """
            id       en                     zh                    status
            KB-1001  en/sync/sync-stops.md  -                     missing
            KB-1002  en/sync/sync-slow.md   zh/sync/sync-slow.md  untracked
            2 ids: 1 missing, 1 untracked
            """);
    Run mark = run("--mark");
    assertThat(mark.out())
        .isEqualTo(
            """
            marked   zh/sync/sync-slow.md as translated from en/sync/sync-slow.md
            1 translation marked
            """);
    assertThat(run().out())
        .contains("KB-1002  en/sync/sync-slow.md   zh/sync/sync-slow.md  current");
  }

  @Test
  void markWithoutIdsLeavesOutdatedTranslationsAlone() throws IOException {
    Path zh = content.resolve("zh/sync/sync-stops.md");
    byte[] before = Files.readAllBytes(zh);
    Run r = run("--mark");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "0 translations marked\n"
                + "1 outdated translation not marked: update the text, then 'kbgen translations"
                + " --mark ID'\n");
    assertThat(Files.readAllBytes(zh)).isEqualTo(before);
  }

  @Test
  void markRecordsTheSourceAndChangesNothingElse() throws IOException {
    Path zh = content.resolve("zh/sync/sync-stops.md");
    List<String> before = Files.readAllLines(zh, StandardCharsets.UTF_8);
    Run r = run("--mark", "KB-1001");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .isEqualTo(
            """
            marked   zh/sync/sync-stops.md as translated from en/sync/sync-stops.md
            1 translation marked
            """);
    List<String> after = Files.readAllLines(zh, StandardCharsets.UTF_8);
    assertThat(after).hasSameSizeAs(before);
    for (int i = 0; i < before.size(); i++) {
      if (i < 5 || i > 8) {
        assertThat(after.get(i)).as("line %d", i + 1).isEqualTo(before.get(i));
      }
    }
    assertThat(after.subList(5, 9))
        .containsExactly(
            "translated_from:",
            "  lang: en",
            "  hash: " + after.get(7).substring("  hash: ".length()),
            after.get(8))
        .doesNotContainAnyElementsOf(before.subList(7, 9));
    assertThat(after.get(8)).startsWith("  sections: {title: ").contains(", cause: ");
    assertThat(run().out())
        .contains("KB-1001  en/sync/sync-stops.md  zh/sync/sync-stops.md  current");
    Run again = run("--mark", "KB-1001");
    assertThat(again.out()).startsWith("current  zh/sync/sync-stops.md\n");
  }

  @Test
  void aCurrentMarkOfTheEarlierFormIsWrittenAgainWhenNamed() throws IOException {
    Path zh = content.resolve("zh/sync/sync-stops.md");
    Path enFile = content.resolve("en/sync/sync-stops.md");
    String wrapped =
        Files.readString(enFile, StandardCharsets.UTF_8)
            .replace("Quit and restart the client.", "Quit and restart\nthe client.");
    Files.writeString(enFile, wrapped, StandardCharsets.UTF_8);
    assertThat(run("--mark", "KB-1001").code()).isZero();
    List<String> marked = Files.readAllLines(zh, StandardCharsets.UTF_8);
    // the mark as kbgen wrote it before white space inside lines was normalised
    String yaml = Files.readString(content.resolve("site.yaml"), StandardCharsets.UTF_8);
    SiteConfig config =
        SiteConfigLoader.parse(Source.of("site.yaml", yaml), yaml, new Problems()).orElseThrow();
    Article source =
        ArticleParser.parse(
                new TextFile("en/sync/sync-stops.md", "en", wrapped), config, new Problems())
            .orElseThrow();
    SourceFingerprint legacy = SourceFingerprint.legacy(source, config.sections());
    assertThat(legacy.hash()).isNotEqualTo(marked.get(7).substring("  hash: ".length()));
    List<String> earlier = new ArrayList<>(marked);
    earlier.set(7, "  hash: " + legacy.hash());
    earlier.set(8, marked.get(8).replaceAll("\\{.*}", "") + "{" + sectionsOf(legacy) + "}");
    Files.write(zh, earlier, StandardCharsets.UTF_8);
    assertThat(run().out()).contains("zh/sync/sync-stops.md  current");
    Run again = run("--mark", "KB-1001");
    assertThat(again.out()).startsWith("marked   zh/sync/sync-stops.md");
    assertThat(Files.readAllLines(zh, StandardCharsets.UTF_8)).isEqualTo(marked);
  }

  private static String sectionsOf(SourceFingerprint f) {
    List<String> parts = new ArrayList<>();
    f.sections().forEach((k, v) -> parts.add(k + ": " + v));
    return String.join(", ", parts);
  }

  @Test
  void usageErrors() {
    assertThat(run("--mark", "KB-9999").code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run("--mark", "KB-9999").err())
        .contains("no article has id KB-9999\n  hint: 'kbgen translations' lists every id");
    // an id typed in lower case, or with a digit wrong, is named
    assertThat(run("--mark", "kb-1001").err())
        .contains("no article has id kb-1001\n  hint: did you mean 'KB-1001'?");
    assertThat(run("KB-1001").code()).isEqualTo(ExitCodes.USAGE);
  }
}
