package dev.kbgen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbgen.testing.Cli;
import dev.kbgen.testing.SiteFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Articles that exist but are not built, a draft or a file whose front matter has an error: links
 * to them say so, and their translations are not reported missing.
 */
class UnbuiltArticlesTest {
  private static String article(String path, String id, String extra, String body) {
    return SiteFixture.article(
        path, id, "title: Title of " + id + "\ntags: [network]\n" + extra, body);
  }

  private static String check(Path tmp, String site) {
    SiteFixture fixture = SiteFixture.write(tmp, site);
    Cli.Run run = Cli.check(fixture.content(), fixture.templates());
    return run.out() + run.err();
  }

  @Test
  void aLinkToADraftSaysItIsADraft(@TempDir Path tmp) {
    String out =
        check(
            tmp,
            article(
                    "en/sync/sync-stops.md",
                    "KB-1",
                    "related: [KB-2]\n",
                    "See [[KB-2]] and [the draft](sync-paused.md).")
                + article("en/sync/sync-paused.md", "KB-2", "status: draft\n", "Draft."));
    assertThat(out)
        .contains("error: reference [[KB-2]]: 'KB-2' is a draft")
        .contains("error: link to 'sync-paused.md': the article is a draft")
        .contains("hint: link it once it is published (remove 'status: draft'), or build with")
        .contains("warning: related article 'KB-2' is a draft")
        .doesNotContain("no article has id")
        .doesNotContain("does not exist");
  }

  @Test
  void aTranslationWhoseFrontMatterHasAnErrorIsNotMissing(@TempDir Path tmp) {
    String out =
        check(
            tmp,
            article("en/sync/sync-stops.md", "KB-1", "", "It stops.")
                + article("zh/sync/sync-stops.md", "KB-1", "summary: \"不闭合\n", "同步停止。"));
    assertThat(out).contains("zh/sync/sync-stops.md:").contains(": error: ");
    assertThat(out).doesNotContain("has no zh translation");
  }
}
