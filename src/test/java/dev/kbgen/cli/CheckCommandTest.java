package dev.kbgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbgen.testing.Cli;
import dev.kbgen.testing.Cli.Run;
import dev.kbgen.testing.SiteFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kbgen check}: formats, exit codes, strictness, terminal output. */
class CheckCommandTest {
  private static final String SITES = "src/test/resources/sites/check/";
  private static final String TODAY = SiteFixture.TODAY.toString();

  static Run check(Terminal terminal, String fixture, String... options) {
    List<String> args = new ArrayList<>();
    args.add("check");
    args.add("--content");
    args.add(fixture.startsWith("/") ? fixture : SITES + fixture + "/content");
    args.add("--templates");
    args.add(SiteFixture.repoTemplates().toString());
    if (!List.of(options).contains("--today")) {
      args.add("--today");
      args.add(TODAY);
    }
    args.addAll(List.of(options));
    return Cli.run(terminal, args.toArray(String[]::new));
  }

  static Run check(String fixture, String... options) {
    return check(Terminal.PLAIN, fixture, options);
  }

  @Test
  void textReportsEveryProblemCompilerStyleWithASummary() {
    Run r = check("broken-anchors");
    String file = SITES + "broken-anchors/content/en/sync/sync-stops.md";
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .isEqualTo(
            file
                + ":15:1: warning: anchor '#nope' does not exist in "
                + SITES
                + "broken-anchors/content/en/sync/proxy-settings.md\n"
                + "    [the cause](proxy-settings.md#nope) and [[KB-1002#causes]].\n"
                + "    ^\n"
                + "  hint: link to one of its headings: #symptom, #cause, #resolution,"
                + " #prevention\n"
                + file
                + ":15:41: warning: anchor '#causes' does not exist in "
                + SITES
                + "broken-anchors/content/en/sync/proxy-settings.md\n"
                + "    [the cause](proxy-settings.md#nope) and [[KB-1002#causes]].\n"
                + "                                            ^\n"
                + "  hint: did you mean '#cause'?\n"
                + file
                + ":19:34: warning: anchor '#resolutoin' does not exist in this article\n"
                + "    Follow [[KB-1002#symptom]], then [resolve it](#resolutoin) as in [the"
                + " cause](#cause).\n"
                + "                                     ^\n"
                + "  hint: did you mean '#resolution'?\n"
                + "check passed: 2 articles, 3 warnings\n");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void errorsExitWithOneAndEveryStageStillRuns() {
    Run r = check("continues-after-errors");
    assertThat(r.code()).isEqualTo(ExitCodes.CONTENT);
    assertThat(r.out())
        .contains("broken-yaml.md:3:8: error: front matter is not valid YAML")
        .contains("sync-stops.md:10:79: error: link to 'setup.md': no such article")
        .contains("sync-stops.md:14:6: warning: anchor '#causes' does not exist in this article")
        .as("links to the article that does not parse are not reported again")
        .doesNotContain("no article has id")
        .doesNotContain("link to 'broken-yaml.md'")
        .endsWith("check failed: 1 articles, 3 errors, 3 warnings\n");
  }

  @Test
  void strictFailsOnWarnings() {
    assertThat(check("near-duplicate").code()).isZero();
    Run strict = check("near-duplicate", "--strict");
    assertThat(strict.code()).isEqualTo(ExitCodes.CONTENT);
    assertThat(strict.out())
        .endsWith("check failed: 4 articles, 2 warnings (--strict fails on warnings)\n");
    assertThat(check("missing-translation", "--strict").code()).as("infos pass").isZero();
  }

  @Test
  void requireTranslationsMakesAMissingTranslationAWarning() {
    assertThat(check("missing-translation").out())
        .contains("sync-stops.md:2:5: info: 'KB-1001' has no zh translation");
    Run r = check("missing-translation", "--require-translations", "--strict");
    assertThat(r.out()).contains("sync-stops.md:2:5: warning: 'KB-1001' has no zh translation");
    assertThat(r.code()).isEqualTo(ExitCodes.CONTENT);
  }

  @Test
  void todayMovesReviewDates() {
    assertThat(check("review-by-passed").out()).contains("review date 2026-10-01 has passed");
    Run before = check("review-by-passed", "--today", "2026-09-30");
    assertThat(before.out()).doesNotContain("review date").endsWith("no problems\n");
  }

  @Test
  void jsonIsAnArrayWithOneObjectPerProblem() {
    Run r = check("outdated-translation", "--format", "json");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "[\n"
                + "{\"severity\":\"warning\",\"file\":\""
                + SITES
                + "outdated-translation/content/zh/sync/sync-stops.md\",\"line\":6,\"column\":1,"
                + "\"title\":\"outdated translation: the en article changed in title, cause\","
                + "\"detail\":\"source: "
                + SITES
                + "outdated-translation/content/en/sync/sync-stops.md\",\"hint\":\"update the"
                + " translation, then run 'kbgen translations --mark KB-1001'\",\"excerpt\":"
                + "\"translated_from:\"}\n"
                + "]\n");
    assertThat(check("broken-anchors", "--format", "json").out().lines())
        .hasSize(5)
        .first()
        .isEqualTo("[");
  }

  /**
   * A workflow step that runs in a subfolder ({@code working-directory: docs}) still names files
   * from the repository's root, where GitHub looks for them.
   */
  @Test
  void githubAnnotationsNameFilesFromTheWorkspace(@TempDir Path repo) throws Exception {
    Path docs = repo.resolve("docs");
    SiteFixture.copyTree(Path.of(SITES, "continues-after-errors", "content"), docs.resolve("kb"));
    List<String> args =
        List.of(
            "check",
            "--content",
            "kb",
            "--templates",
            SiteFixture.repoTemplates().toAbsolutePath().toString(),
            "--today",
            TODAY,
            "--format",
            "github");
    Run r = Cli.child(docs, Map.of("GITHUB_WORKSPACE", repo.toString()), args);
    assertThat(r.code()).as(r.out()).isEqualTo(ExitCodes.CONTENT);
    assertThat(r.out())
        .contains("::error file=docs/kb/en/sync/sync-stops.md,line=10,col=79,")
        .doesNotContain("file=kb/");
  }

  @Test
  void githubFormatWritesWorkflowAnnotations() {
    Run r = check("continues-after-errors", "--format", "github");
    String file = SITES + "continues-after-errors/content/en/sync/";
    assertThat(r.code()).isEqualTo(ExitCodes.CONTENT);
    assertThat(r.out().lines())
        .contains(
            "::error file="
                + file
                + "sync-stops.md,line=10,col=79,title=link to 'setup.md'%3A no such"
                + " article::hint: check the path; it is relative to en/sync/sync-stops.md",
            "::warning file="
                + file
                + "sync-stops.md,line=4,col=17,title=tag 'proxy' is not declared in"
                + " site.yaml::hint: declare it under 'tags' with a name per language",
            "::error file="
                + file
                + "sync-stops.md,line=7,title=troubleshooting article has no 'Symptom'"
                + " section::hint: add '## Symptom' (required; sections go Symptom → Cause →"
                + " Resolution → Prevention)%2C or set 'type' to how-to%2C faq or reference"
                    .replace("%2C", ","));
    assertThat(r.out()).doesNotContain("check failed");
    assertThat(r.err()).isEqualTo("check failed: 1 articles, 3 errors, 3 warnings\n");
    Run info = check("missing-translation", "--format", "github");
    assertThat(info.out()).startsWith("::notice file=");
  }

  @Test
  void theSampleKnowledgeBasePassesStrictCheck() {
    Run r = check(SiteFixture.repoContent().toString(), "--strict");
    assertThat(r.code()).as(r.out()).isZero();
    assertThat(r.out()).endsWith("check passed: 34 articles, 2 info\n").doesNotContain("warning");
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertThat(check("broken-anchors", "--format", "xml").code()).isEqualTo(ExitCodes.USAGE);
    assertThat(check("broken-anchors", "--today", "2026-02-30").code()).isEqualTo(ExitCodes.USAGE);
    assertThat(check("broken-anchors", "--out", "site").code()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void colourAndProgressOnlyOnAnInteractiveTerminal() {
    Run tty = check(new Terminal(true, true), "broken-anchors");
    assertThat(tty.out()).contains("\u001b[1;33mwarning:\u001b[0m");
    assertThat(tty.err()).contains("  markdown ").contains("2 articles").contains(" ms\n");
    Run noColour = check(new Terminal(true, false), "broken-anchors");
    assertThat(noColour.out()).doesNotContain("\u001b[");
    assertThat(noColour.err()).contains("  markdown ");
    Run plain = check(Terminal.PLAIN, "broken-anchors");
    assertThat(plain.out()).doesNotContain("\u001b[");
    assertThat(plain.err()).isEmpty();
    assertThat(check(new Terminal(true, true), "broken-anchors", "--format", "json").err())
        .as("machine formats stay clean")
        .isEmpty();
  }

  @Test
  void terminalIsDetectedFromTheConsoleAndTheEnvironment() {
    assertThat(Terminal.detect(Map.of(), true)).isEqualTo(new Terminal(true, true));
    assertThat(Terminal.detect(Map.of("NO_COLOR", "1"), true)).isEqualTo(new Terminal(true, false));
    assertThat(Terminal.detect(Map.of("CI", "true"), true)).isEqualTo(Terminal.PLAIN);
    assertThat(Terminal.detect(Map.of("CI", "false"), true)).isEqualTo(new Terminal(true, true));
    assertThat(Terminal.detect(Map.of(), false)).isEqualTo(Terminal.PLAIN);
  }

  @Test
  void buildShowsProgressOnATerminalOnly(@org.junit.jupiter.api.io.TempDir Path tmp) {
    String[] args = {
      "build",
      "--content",
      SITES + "review-overdue/content",
      "--templates",
      SiteFixture.repoTemplates().toString(),
      "--out",
      tmp.resolve("site").toString()
    };
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            args,
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            new Terminal(true, false));
    assertThat(code).isZero();
    assertThat(err.toString()).contains("  templates ").contains(" pages").contains("  publish ");
    assertThat(out.toString())
        .as("infos are counted, not listed")
        .contains("(2 info; 'kbgen check' lists the infos)")
        .doesNotContain("not updated");
    StringWriter ciErr = new StringWriter();
    Main.run(args, new PrintWriter(new StringWriter(), true), new PrintWriter(ciErr, true));
    assertThat(ciErr.toString()).isEmpty();
  }
}
