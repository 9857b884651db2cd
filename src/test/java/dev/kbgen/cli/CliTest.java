package dev.kbgen.cli;

import static dev.kbgen.testing.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kbgen.testing.Cli;
import dev.kbgen.testing.Cli.Run;
import dev.kbgen.testing.SiteFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
  @TempDir Path tmp;

  @Test
  void helpListsTheCommandsAndExitCodes() {
    Run r = run("--help");
    assertThat(r.code()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).contains("build", "Exit codes");
    Run b = run("build", "--help");
    assertThat(b.code()).isZero();
    assertThat(b.out()).contains("--content", "--templates", "--out", "--drafts");
  }

  @Test
  void versionIsPrinted() {
    Run r = run("--version");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("kbgen ");
  }

  @Test
  void usageErrorsExitWithTwo() {
    Run unknownOption = run("build", "--no-such-option");
    assertThat(unknownOption.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknownOption.err()).contains("Unknown option");
    assertThat(unknownOption.err())
        .contains("Try 'kbgen build --help' for the options.")
        .doesNotContain("Usage:");
    Run typo = run("bild");
    assertThat(typo.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(typo.err()).contains("Did you mean: kbgen build?");
  }

  @Test
  void aDateOptionThatIsNoDateSaysHowToWriteIt() {
    Run r = run("check", "--today", "2027-13-01");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .contains("'2027-13-01' is not a date: write YYYY-MM-DD")
        .doesNotContain("java.time");
  }

  @Test
  void buildsTheSampleSiteAndReportsCounts() {
    Path out = tmp.resolve("site");
    Run r =
        run(
            "build",
            "--content",
            SiteFixture.repoContent().toString(),
            "--templates",
            SiteFixture.repoTemplates().toString(),
            "--out",
            out.toString(),
            "--timings");
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out()).containsPattern("built \\d+ articles, \\d+ pages").contains("markdown");
    assertThat(out.resolve("index.html")).isRegularFile();
    assertThat(out.resolve("en/index.html")).isRegularFile();
    assertThat(out.resolve("zh/index.html")).isRegularFile();
  }

  @Test
  void replacesOnlyAnEarlierSiteOrAnEmptyFolder() throws IOException {
    Path notes = tmp.resolve("notes");
    Files.createDirectories(notes);
    Files.writeString(notes.resolve("todo.txt"), "mine", StandardCharsets.UTF_8);
    Run folder = sample(notes);
    assertThat(folder.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(folder.err()).contains("holds files that are not a kbgen site");
    assertThat(notes.resolve("todo.txt")).hasContent("mine");

    Path file = Files.writeString(tmp.resolve("file.txt"), "mine", StandardCharsets.UTF_8);
    Run onFile = sample(file);
    assertThat(onFile.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(onFile.err()).contains("is a file, not a folder");
    assertThat(file).hasContent("mine");

    Path site = Files.createDirectories(tmp.resolve("site"));
    assertThat(sample(site).code()).as("an empty folder").isZero();
    assertThat(sample(site).code()).as("an earlier site").isZero();
  }

  @Test
  void anOutputFolderThatCannotBeWrittenIsReportedWithoutAStackTrace() throws IOException {
    Path site = Files.createDirectories(tmp.resolve("site"));
    assertThat(sample(site).code()).isZero();
    // A file where the output's parent folder should be: the file system refuses the site.
    Path blocked = Files.writeString(tmp.resolve("blocked"), "x", StandardCharsets.UTF_8);
    Run r = sample(blocked.resolve("site"));
    assertThat(r.code()).isEqualTo(ExitCodes.INTERNAL);
    assertThat(r.err())
        .contains("kbgen: cannot write the site: ")
        .contains(blocked.toString())
        .contains("was not changed")
        .doesNotContain("internal error")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertThat(blocked).hasContent("x");
  }

  /** {@code kbgen build} of the sample site into {@code out}. */
  private static Run sample(Path out) {
    return Cli.build(SiteFixture.repoContent(), SiteFixture.repoTemplates(), out);
  }

  @Test
  void refusesAnOutputFolderThatWouldReplaceTheContent() throws IOException {
    SiteFixture f = SiteFixture.write(tmp, "");
    Files.writeString(f.content().resolve("keep.txt"), "x", StandardCharsets.UTF_8);
    Run r =
        run(
            "build",
            "--content",
            f.content().toString(),
            "--templates",
            f.templates().toString(),
            "--out",
            f.content().toString());
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("overlaps the content folder");
    assertThat(f.content().resolve("keep.txt")).exists();
    Run parent =
        run(
            "build",
            "--content",
            f.content().toString(),
            "--templates",
            f.templates().toString(),
            "--out",
            tmp.toString());
    assertThat(parent.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run("build", "--out", "/").code()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void missingContentFolderIsAClearErrorNotACrash() {
    Run r =
        run(
            "build",
            "--content",
            tmp.resolve("nope").toString(),
            "--templates",
            SiteFixture.repoTemplates().toString(),
            "--out",
            tmp.resolve("site").toString());
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .contains("content folder '" + tmp.resolve("nope") + "' does not exist")
        .contains("pass --content DIR")
        .doesNotContain("Exception");
    // The same usage error from every command that reads the content.
    for (String command :
        List.of("check", "search sync", "translations", "serve", "eval --queries q.tsv")) {
      List<String> args = new ArrayList<>(List.of(command.split(" ")));
      args.addAll(List.of("--content", tmp.resolve("nope").toString()));
      Run other = run(args.toArray(String[]::new));
      assertThat(other.code()).as(command).isEqualTo(ExitCodes.USAGE);
      assertThat(other.err()).as(command).contains("' does not exist");
    }
  }

  @Test
  void missingTemplatesFolderIsOneUsageErrorNotTheThemeFilesItLacks() throws IOException {
    Path site = Files.createDirectories(tmp.resolve("site"));
    assertThat(sample(site).code()).isZero();
    Path before = tmp.resolve("before.html");
    Files.copy(site.resolve("index.html"), before);
    String content = SiteFixture.repoContent().toString();
    String nope = tmp.resolve("nope").toString();
    for (List<String> args :
        List.of(
            List.of("build", "--content", content, "--templates", nope, "--out", site.toString()),
            List.of("check", "--content", content, "--templates", nope),
            List.of("serve", "--content", content, "--templates", nope))) {
      Run r = run(args.toArray(String[]::new));
      assertThat(r.code()).as(args.get(0)).isEqualTo(ExitCodes.USAGE);
      assertThat(r.err())
          .as(args.get(0))
          .isEqualTo(
              "kbgen: templates folder '"
                  + nope
                  + "' does not exist: run kbgen from the knowledge base's folder, or pass"
                  + " --templates DIR\n");
      assertThat(r.out()).as(args.get(0)).isEmpty();
    }
    assertThat(site.resolve("index.html")).hasSameBinaryContentAs(before);
  }

  @Test
  void refusesTheHomeFolderTheRootAndParentsOfTheContentHoweverTheyAreWritten() throws IOException {
    SiteFixture f = SiteFixture.write(tmp.resolve("project"), "");
    Path content = f.content();
    Path templates = f.templates();
    Path home = Path.of(System.getProperty("user.home"));
    // Checked on the guard itself: a regression must not get to replace the real home folder.
    assertThat(OutputGuard.refuse(home, content, templates)).get().asString().contains("home");
    assertThat(OutputGuard.refuse(home.resolve("x/.."), content, templates)).isPresent();
    assertThat(OutputGuard.refuse(Path.of("/"), content, templates))
        .get()
        .asString()
        .contains("root");
    assertThat(OutputGuard.refuse(content.resolve("en/.."), content, templates)).isPresent();
    assertThat(OutputGuard.refuse(content.resolve("../.."), content, templates)).isPresent();
    assertThat(OutputGuard.refuse(tmp, content, templates)).isPresent();
    assertThat(OutputGuard.refuse(content.resolve("en/site"), content, templates)).isPresent();
    // Through a symbolic link to the project: the same folders, so refused as well.
    Path link = Files.createSymbolicLink(tmp.resolve("link"), f.root());
    assertThat(OutputGuard.refuse(link, content, templates)).isPresent();
    assertThat(OutputGuard.refuse(link.resolve("content/en/site"), content, templates)).isPresent();
    assertThat(OutputGuard.refuse(tmp.resolve("site"), content, templates)).isEmpty();
  }

  @Test
  void theBuildWritesOnlyInsideOut() throws IOException {
    SiteFixture f =
        SiteFixture.write(
            tmp.resolve("project"),
            """
            -- content/en/sync/sync-stops.md --
            ---
            id: KB-1001
            title: Sync stops
            type: reference
            updated: 2026-02-01
            ---

            Text.
            """);
    Files.writeString(tmp.resolve("beside.txt"), "x", StandardCharsets.UTF_8);
    Path out = tmp.resolve("out/site");
    Files.createDirectories(out.getParent());
    java.util.Map<String, String> before = snapshot(tmp, out);
    for (int i = 0; i < 2; i++) {
      Run r =
          run(
              "build",
              "--content",
              f.content().toString(),
              "--templates",
              f.templates().toString(),
              "--out",
              out.toString());
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(snapshot(tmp, out)).isEqualTo(before);
      try (var siblings = Files.list(out.getParent())) {
        assertThat(siblings.map(p -> p.getFileName().toString()).toList()).containsExactly("site");
      }
    }
    assertThat(out.resolve("en/sync/sync-stops/index.html")).isRegularFile();
  }

  /** Every path below {@code root} outside {@code out}, with its size and modification time. */
  private static java.util.Map<String, String> snapshot(Path root, Path out) throws IOException {
    java.util.Map<String, String> m = new java.util.TreeMap<>();
    try (var walk = Files.walk(root)) {
      for (Path p : walk.toList()) {
        if (p.startsWith(out.getParent())) {
          continue;
        }
        m.put(
            root.relativize(p).toString(),
            Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis());
      }
    }
    return m;
  }
}
