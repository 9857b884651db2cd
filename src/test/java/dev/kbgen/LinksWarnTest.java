package dev.kbgen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbgen.testing.Cli;
import dev.kbgen.testing.SiteFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --links warn}: imported content links to pages that were not imported; those links and
 * missing images are warnings, and the other articles' structure rules still apply by type.
 */
class LinksWarnTest {
  private static final String SITE =
      """
      -- content/en/sync/setup.md --
      ---
      id: KB-1
      title: Set up sync
      type: how-to
      updated: 2026-11-01
      extra:
        ms.author: someone
        weight: 10
      ---

      ## Steps

      Read [the overview](/docs/overview/) and [the guide](guide.md), see ![a screen](media/x.png)
      and [this](javascript:alert(1)).
      """;

  private static Cli.Run build(SiteSetup s, String... more) {
    java.util.List<String> args =
        new java.util.ArrayList<>(
            java.util.List.of(
                "build",
                "--content",
                s.site.content().toString(),
                "--templates",
                s.site.templates().toString(),
                "--out",
                s.out.toString()));
    args.addAll(java.util.List.of(more));
    return Cli.run(args);
  }

  private record SiteSetup(SiteFixture site, Path out) {}

  @Test
  void brokenLinksAreErrorsByDefaultAndWarningsWithLinksWarn(@TempDir Path tmp) throws IOException {
    SiteSetup s = new SiteSetup(SiteFixture.write(tmp, SITE), tmp.resolve("site"));
    Cli.Run strict = build(s);
    assertThat(strict.code()).isEqualTo(1);
    assertThat(strict.err())
        .contains("content/en/sync/setup.md:13:6: error: link '/docs/overview/' starts at the")
        .contains("error: link to 'guide.md': no such article");

    Cli.Run lenient = build(s, "--links", "warn");
    assertThat(lenient.code()).as(lenient.err()).isZero();
    assertThat(lenient.err())
        .contains("content/en/sync/setup.md:13:6: warning: link '/docs/overview/' starts at the")
        .contains("warning: link to 'guide.md': no such article")
        .contains("warning: image 'media/x.png' does not exist")
        .contains("warning: link with 'javascript:' is not allowed")
        .doesNotContain("error:");
    // a broken link is never written, whatever its severity
    assertThat(Files.readString(s.out().resolve("en/sync/setup/index.html")))
        .contains("href=\"#broken-link\"")
        .doesNotContain("javascript:alert");
  }

  @Test
  void aHowToWithoutTroubleshootingSectionsBuildsClean(@TempDir Path tmp) {
    SiteFixture site =
        SiteFixture.write(
            tmp,
            """
            -- content/en/sync/install.md --
            ---
            id: KB-2
            title: Install the desktop client
            type: how-to
            updated: 2026-11-01
            ---

            ## Download

            Get the installer.

            ## Install

            Run it.
            -- content/en/sync/install-notes.md --
            ---
            id: KB-3
            title: Release notes
            type: reference
            updated: 2026-11-01
            ---

            Nothing about symptoms here.
            """);
    assertThat(site.build().problems())
        .allMatch(p -> p.severity() == dev.kbgen.problem.Severity.INFO, "only infos");
  }
}
