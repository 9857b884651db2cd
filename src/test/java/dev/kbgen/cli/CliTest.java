package dev.kbgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbgen.testing.SiteFixture;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
  @TempDir Path tmp;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

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
    assertThat(run("no-such-command").code()).isEqualTo(ExitCodes.USAGE);
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
    assertThat(r.code()).isEqualTo(ExitCodes.CONTENT);
    assertThat(r.err()).contains("does not exist").doesNotContain("Exception");
  }
}
