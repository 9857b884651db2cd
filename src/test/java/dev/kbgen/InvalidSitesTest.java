package dev.kbgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.kbgen.problem.Problem;
import dev.kbgen.problem.Severity;
import dev.kbgen.testing.Cli;
import dev.kbgen.testing.SiteFixture;
import dev.kbgen.testing.SiteFixture.Built;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * One small site per kind of content problem (like Zola's {@code test_sites_invalid/}).
 *
 * <p>Each folder under {@code src/test/resources/sites/invalid/} (the build must fail) or {@code
 * sites/warnings/} (the build must succeed) holds {@code content/}, optionally a {@code templates/}
 * folder with only the theme files it changes (laid over the repository's theme; a {@code
 * templates/REMOVE} file lists theme files to delete), and {@code expected.txt}: the errors and
 * warnings the build reports, one {@code location: severity: title} line each, in the order
 * reported. Infos (a missing translation, an article due for review) are left out here: the
 * fixtures under {@code sites/check/} ({@link CheckSitesTest}) list every problem, infos included.
 */
class InvalidSitesTest {
  private static final Path SITES = Path.of("src/test/resources/sites");

  @TestFactory
  Stream<DynamicTest> invalidSitesFailWithTheExpectedProblems() throws IOException {
    return fixtures("invalid").map(dir -> dynamicTest(name(dir), () -> check(dir, true)));
  }

  @TestFactory
  Stream<DynamicTest> warningSitesBuildWithTheExpectedWarnings() throws IOException {
    return fixtures("warnings").map(dir -> dynamicTest(name(dir), () -> check(dir, false)));
  }

  @Test
  void everyFixtureHasContentAndExpectations() throws IOException {
    List<Path> all = Stream.concat(fixtures("invalid"), fixtures("warnings")).toList();
    assertThat(all).hasSizeGreaterThan(40);
    for (Path dir : all) {
      assertThat(dir.resolve("content")).as(name(dir)).isDirectory();
      assertThat(dir.resolve("expected.txt")).as(name(dir)).isRegularFile();
    }
  }

  @Test
  void cliReportsTheProblemAndLeavesThePreviousSiteUntouched(@TempDir Path tmp) throws IOException {
    Path fixture = SITES.resolve("invalid/updated-impossible-date").toAbsolutePath();
    Path out = tmp.resolve("site");
    Path marker = SiteFixture.previousSite(out);
    List<String> before = listing(out);

    Cli.Run run = Cli.build(fixture.resolve("content"), SiteFixture.repoTemplates(), out);
    String err = run.err();
    assertThat(run.code()).as(err).isEqualTo(1);
    assertThat(err)
        .contains("content/en/sync/sync-stops.md:5:10: error: 'updated' is not a real date:")
        .contains("    updated: 2026-02-30\n             ^\n")
        .contains("hint: check the month and the day")
        .contains("was not changed")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertThat(run.out()).isEmpty();
    assertThat(listing(out)).isEqualTo(before);
    assertThat(marker).hasContent("previous site");
    try (Stream<Path> siblings = Files.list(tmp)) {
      assertThat(siblings.map(p -> p.getFileName().toString()).toList())
          .as("no staging or backup folder is left behind")
          .containsExactly("site");
    }
  }

  /**
   * Every invalid fixture through the real command line: exit code 1, each expected problem printed
   * as {@code file:line:col: severity: title}, no stack trace, and an existing site left exactly as
   * it was with no staging or backup folder beside it.
   */
  @TestFactory
  Stream<DynamicTest> cliFailsEveryInvalidSiteAndLeavesThePreviousSiteUntouched()
      throws IOException {
    return fixtures("invalid").map(dir -> dynamicTest(name(dir), () -> checkCli(dir)));
  }

  private static void checkCli(Path dir) throws IOException {
    Path work = Files.createTempDirectory("kbgen-cli-fixture-");
    try {
      checkCli(dir, work);
    } finally {
      SiteFixture.deleteTree(work);
    }
  }

  private static void checkCli(Path dir, Path work) throws IOException {
    Path templates = theme(dir, work).toAbsolutePath();
    Path content = dir.resolve("content").toAbsolutePath();
    if (templates.startsWith(work)) {
      SiteFixture.copyTree(content, work.resolve("content"));
      content = work.resolve("content");
    }
    Path out = work.resolve("out/site");
    Path marker = SiteFixture.previousSite(out);
    List<String> before = listing(out);

    Cli.Run run = Cli.build(content, templates, out);

    // The command line shows paths as given (relative to the working folder); the fixtures list
    // them relative to the fixture.
    Path cwd = Path.of("").toAbsolutePath();
    Path root = content.getParent();
    String err =
        run.err()
            .replace(root + "/", "")
            .replace(root.startsWith(cwd) ? cwd.relativize(root) + "/" : root + "/", "");
    assertThat(run.code()).as(name(dir) + "\n" + err).isEqualTo(1);
    for (String line : Files.readAllLines(dir.resolve("expected.txt"), StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        assertThat(err).as(name(dir)).contains(line);
      }
    }
    assertThat(err).as(name(dir)).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(listing(out)).as(name(dir)).isEqualTo(before);
    assertThat(marker).hasContent("previous site");
    try (Stream<Path> siblings = Files.list(out.getParent())) {
      assertThat(siblings.map(p -> p.getFileName().toString()).toList())
          .as("no staging or backup folder is left behind")
          .containsExactly("site");
    }
  }

  /**
   * The theme a fixture builds with: the repository's, or for a fixture with {@code templates/}, a
   * copy of it in {@code work/templates} with the fixture's files laid over it.
   */
  static Path theme(Path dir, Path work) throws IOException {
    Path overlay = dir.resolve("templates");
    if (!Files.isDirectory(overlay)) {
      return SiteFixture.repoTemplates();
    }
    Path merged = work.resolve("templates");
    SiteFixture.copyTree(SiteFixture.repoTemplates(), merged);
    SiteFixture.copyTree(overlay, merged);
    Path remove = merged.resolve("REMOVE");
    if (Files.exists(remove)) {
      for (String line : Files.readAllLines(remove, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          Files.delete(merged.resolve(line.strip()));
        }
      }
      Files.delete(remove);
    }
    return merged;
  }

  private static void check(Path dir, boolean invalid) throws IOException {
    Path work = Files.createTempDirectory("kbgen-fixture-");
    try {
      check(dir, invalid, work);
    } finally {
      SiteFixture.deleteTree(work);
    }
  }

  private static void check(Path dir, boolean invalid, Path work) throws IOException {
    Path templates = theme(dir, work);
    Path wd = templates.startsWith(work) ? work : dir;
    Path content = dir.resolve("content");
    if (wd == work) {
      SiteFixture.copyTree(content, work.resolve("content"));
      content = work.resolve("content");
    }
    Built built = SiteFixture.build(content, templates, wd);
    List<String> actual =
        built.problems().stream()
            .filter(p -> p.severity() != Severity.INFO)
            .map(p -> p.location() + ": " + p.severity().label() + ": " + p.title())
            .toList();
    List<String> expected =
        Files.readAllLines(dir.resolve("expected.txt"), StandardCharsets.UTF_8).stream()
            .filter(line -> !line.isBlank())
            .toList();

    assertThat(actual).as("problems of %s:%n%s", name(dir), built.report()).isEqualTo(expected);
    assertThat(built.result().failed()).as("build failed").isEqualTo(invalid);
    if (invalid) {
      assertThat(built.files()).as("nothing is published").isEmpty();
    }
    for (Problem p : built.problems()) {
      if (p.isError()) {
        assertThat(p.hint()).as("hint of " + p.location() + ": " + p.title()).isNotBlank();
      }
    }
  }

  private static Stream<Path> fixtures(String group) throws IOException {
    try (Stream<Path> list = Files.list(SITES.resolve(group))) {
      return list.filter(Files::isDirectory).sorted().toList().stream();
    }
  }

  private static String name(Path dir) {
    return dir.getParent().getFileName() + "/" + dir.getFileName();
  }

  private static List<String> listing(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList();
    }
  }
}
