package dev.kbgen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbgen.cli.ExitCodes;
import dev.kbgen.testing.Cli;
import dev.kbgen.testing.SiteFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed build lists its problems at once, compiler style: one article's front-matter error does
 * not hide another's broken link or missing section, and build finds what check finds.
 */
class AllProblemsAtOnceTest {
  private static final String SITE =
      SiteFixture.TWO_ARTICLES
              .replace(
                  "updated: 2026-02-10\n---\n\n## Symptom\n\nThe desktop",
                  "updated: 2026-02-30\n---\n\n## Symptom\n\nThe desktop")
              .replace("Expired password.", "Expired password; see [the guide](reset-guide.md).")
          + """
          -- content/en/account/no-cause.md --
          ---
          id: KB-1003
          title: Two-factor codes rejected
          tags: [login]
          updated: 2026-02-10
          ---

          ## Symptom

          Codes are rejected.

          ## Resolution

          Sync the phone's clock.
          """;

  @Test
  void frontMatterLinkAndSectionErrorsAreReportedTogether(@TempDir Path tmp) {
    SiteFixture site = SiteFixture.write(tmp, SITE);
    Cli.Run build = Cli.build(site.content(), site.templates(), tmp.resolve("site"));
    assertThat(build.code()).isEqualTo(ExitCodes.CONTENT);
    assertThat(build.err())
        .contains("content/en/sync/sync-stops.md:5:10: error: 'updated' is not a real date")
        .contains("content/en/account/login-fails.md:")
        .contains("error: link to 'reset-guide.md': no such article")
        .contains("content/en/account/no-cause.md:")
        .contains("'Cause'");
    Cli.Run check = Cli.check(site.content(), site.templates());
    assertThat(errorLines(build.err())).isEqualTo(errorLines(check.out() + check.err()));
  }

  @Test
  void anArticleWithAFrontMatterErrorHasItsBodyCheckedInTheSameRun(@TempDir Path tmp) {
    SiteFixture site =
        SiteFixture.write(
            tmp,
            SiteFixture.TWO_ARTICLES
                .replace(
                    "updated: 2026-02-10\n---\n\n## Symptom\n\nLogin",
                    "updated: 2026-2-10\n---\n\n## Symptom\n\nLogin")
                .replace(
                    "## Resolution\n\nReset it.",
                    "## Resolutoin\n\nReset it as [the guide](missing.md) says."));
    Cli.Run build = Cli.build(site.content(), site.templates(), tmp.resolve("site"));
    assertThat(build.code()).isEqualTo(ExitCodes.CONTENT);
    assertThat(build.err())
        .contains("login-fails.md:5:10: error: 'updated' is not a date: 2026-2-10")
        .contains("login-fails.md:16:1: error: troubleshooting article has no 'Resolution' section")
        .contains("login-fails.md:18:13: error: link to 'missing.md': no such article");
    assertThat(errorLines(build.err())).hasSize(3);
    Cli.Run check = Cli.check(site.content(), site.templates());
    assertThat(errorLines(check.out() + check.err())).isEqualTo(errorLines(build.err()));
  }

  private static java.util.List<String> errorLines(String output) {
    return output.lines().filter(l -> l.contains(": error: ")).sorted().toList();
  }
}
