package dev.kbgen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbgen.cli.ExitCodes;
import dev.kbgen.testing.Cli;
import dev.kbgen.testing.SiteFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two articles with one id in a language: both are reported, each naming the other, and nothing is
 * paired or linked through the id, which would report differences from the wrong translation.
 */
class DuplicateIdTest {
  private static String article(String path, String id, String title, String tag, String body) {
    return SiteFixture.article(path, id, "title: " + title + "\ntags: [" + tag + "]\n", body);
  }

  @Test
  void bothArticlesAreReportedAndNothingElse(@TempDir Path tmp) {
    String site =
        article("en/sync/sync-stops.md", "KB-1", "Sync stops", "network", "It stops.")
            + article("zh/sync/sync-stops.md", "KB-1", "同步停止", "network", "同步停止了。")
            + article("en/account/login-fails.md", "KB-1", "Login fails", "login", "It fails.")
            + article("en/account/reset.md", "KB-2", "Reset", "login", "See [[KB-1#cause]].");
    SiteFixture fixture = SiteFixture.write(tmp, site);
    Cli.Run run = Cli.check(fixture.content(), fixture.templates());
    assertThat(run.code()).isEqualTo(ExitCodes.CONTENT);
    String out = run.out() + run.err();
    assertThat(out)
        .contains(
            "en/account/login-fails.md:2:5: error: id 'KB-1' is also used by "
                + fixture.content().resolve("en/sync/sync-stops.md"))
        .contains(
            "en/sync/sync-stops.md:2:5: error: id 'KB-1' is also used by "
                + fixture.content().resolve("en/account/login-fails.md"));
    assertThat(out.lines().filter(l -> l.contains(": error: ") || l.contains(": warning: ")))
        .as("no problem follows from the duplicate")
        .hasSize(2);
  }
}
