package dev.kbgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.kbgen.problem.Problem;
import dev.kbgen.problem.Severity;
import dev.kbgen.testing.SiteFixture;
import dev.kbgen.testing.SiteFixture.Built;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * One small site per check under {@code src/test/resources/sites/check/<kind>/}, run through the
 * check path ({@code Pipeline.check}, as {@code kbgen check}) on {@link SiteFixture#TODAY}.
 *
 * <p>Each folder holds {@code content/}, optionally {@code templates/} (laid over the theme, as in
 * {@link InvalidSitesTest}) and {@code args.txt} ({@code --require-translations}), and {@code
 * expected.txt}: every problem, infos included, as a {@code location: severity: title} line
 * followed by its detail ({@code " text"}) and hint ({@code " hint: text"}) lines.
 */
class CheckSitesTest {
  private static final Path SITES = Path.of("src/test/resources/sites");

  @TestFactory
  Stream<DynamicTest> checkSitesReportTheExpectedProblems() throws IOException {
    return fixtures("check").map(dir -> dynamicTest(name(dir), () -> check(dir)));
  }

  /** Check must find at least every error and warning the build finds, at the same place. */
  @TestFactory
  Stream<DynamicTest> checkFindsWhatTheBuildFinds() throws IOException {
    return Stream.concat(fixtures("invalid"), fixtures("warnings"))
        .map(
            dir ->
                dynamicTest(
                    name(dir),
                    () -> {
                      try (Run run = Run.of(dir)) {
                        Built build = SiteFixture.build(run.content, run.templates, run.wd);
                        Built check = SiteFixture.check(run.content, run.templates, run.wd, false);
                        assertThat(lines(check.problems(), false))
                            .as(check.report())
                            .containsAll(lines(build.problems(), false));
                      }
                    }));
  }

  @Test
  void theBuildListsLinkAndSectionProblemsWithTheFrontMatterOnesAndCheckGoesOn()
      throws IOException {
    try (Run run = Run.of(SITES.resolve("check/continues-after-errors"))) {
      Built build = SiteFixture.build(run.content, run.templates, run.wd);
      Built check = SiteFixture.check(run.content, run.templates, run.wd, false);
      assertThat(lines(build.problems(), false))
          .containsExactly(
              "content/en/sync/broken-yaml.md:3:8: error: front matter is not valid YAML: the '['"
                  + " opened here is not closed on this line",
              "content/en/sync/sync-stops.md:4:17: warning: tag 'proxy' is not declared in"
                  + " site.yaml",
              "content/en/sync/sync-stops.md:7: error: troubleshooting article has no 'Symptom'"
                  + " section",
              "content/en/sync/sync-stops.md:7: warning: troubleshooting article has no"
                  + " 'Prevention' section",
              "content/en/sync/sync-stops.md:10:79: error: link to 'setup.md': no such article",
              "content/en/sync/sync-stops.md:14:6: warning: anchor '#causes' does not exist in"
                  + " this article");
      // check goes on to the stages after the links (near-duplicates, infos, the templates).
      assertThat(check.problems()).containsAll(build.problems());
      assertThat(build.files()).isEmpty();
    }
  }

  private static void check(Path dir) throws IOException {
    try (Run run = Run.of(dir)) {
      check(dir, run);
    }
  }

  private static void check(Path dir, Run run) throws IOException {
    Path args = dir.resolve("args.txt");
    boolean requireTranslations =
        Files.exists(args)
            && Files.readString(args, StandardCharsets.UTF_8).contains("--require-translations");
    Built built = SiteFixture.check(run.content, run.templates, run.wd, requireTranslations);
    if (Boolean.getBoolean("kbgen.updateExpected")) {
      Files.write(
          dir.resolve("expected.txt"), lines(built.problems(), true), StandardCharsets.UTF_8);
    }
    List<String> expected =
        Files.readAllLines(dir.resolve("expected.txt"), StandardCharsets.UTF_8).stream()
            .filter(line -> !line.isBlank())
            .toList();
    assertThat(lines(built.problems(), true))
        .as("problems of %s:%n%s", name(dir), built.report())
        .isEqualTo(expected);
    assertThat(built.files()).as("check writes nothing").isEmpty();
  }

  /** The problems as expected.txt writes them; with {@code full}, detail and hint lines too. */
  private static List<String> lines(List<Problem> problems, boolean full) {
    List<String> out = new ArrayList<>();
    for (Problem p : problems) {
      if (!full && p.severity() == Severity.INFO) {
        continue;
      }
      out.add(p.location() + ": " + p.severity().label() + ": " + p.title());
      if (full && !p.detail().isEmpty()) {
        out.add("  " + p.detail());
      }
      if (full && !p.hint().isEmpty()) {
        out.add("  hint: " + p.hint());
      }
    }
    return out;
  }

  /** Where a fixture's content and theme are, and what its file names are relative to. */
  private record Run(Path content, Path templates, Path wd, Path work) implements AutoCloseable {
    static Run of(Path dir) throws IOException {
      Path work = Files.createTempDirectory("kbgen-check-");
      Path templates = InvalidSitesTest.theme(dir, work);
      if (!templates.startsWith(work)) {
        return new Run(dir.resolve("content"), templates, dir, work);
      }
      SiteFixture.copyTree(dir.resolve("content"), work.resolve("content"));
      return new Run(work.resolve("content"), templates, work, work);
    }

    @Override
    public void close() throws IOException {
      SiteFixture.deleteTree(work);
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
}
