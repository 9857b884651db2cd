package dev.kbgen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbgen.testing.Cli;
import dev.kbgen.testing.SiteFixture;
import dev.kbgen.testing.SiteFixture.Built;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The banner on a translation whose source changed after it was made. */
class OutdatedTranslationBannerTest {
  private static final Path FIXTURE =
      Path.of("src/test/resources/sites/check/outdated-translation");

  @Test
  void theOutdatedChineseTranslationLinksToTheNewerEnglishArticle() {
    Built built =
        SiteFixture.build(FIXTURE.resolve("content"), SiteFixture.repoTemplates(), FIXTURE);
    built.assertOk();
    built.assertFile(
        "zh/sync/sync-stops/index.html",
        "<div class=\"lang-notice lang-notice--outdated\" role=\"note\">",
        "英文原文在此译文之后有更新。",
        // the link's text is Chinese, like the page
        "<a href=\"../../../en/sync/sync-stops/index.html\" hreflang=\"en\">阅读英文原文</a>");
    built.assertFile("zh/sync/sync-slow/index.html", "! lang-notice--outdated");
    built.assertFile("en/sync/sync-stops/index.html", "! lang-notice--outdated");
  }

  @Test
  void anEnglishTranslationOfAChangedChineseArticleSaysSoInEnglish(@TempDir Path tmp)
      throws IOException {
    SiteFixture site =
        SiteFixture.write(
            tmp,
            """
            -- content/zh/sync/sync-stops.md --
            ---
            id: KB-1001
            title: 同步停止
            type: how-to
            updated: 2026-11-01
            ---

            ## 步骤

            重新启动客户端。
            -- content/en/sync/sync-stops.md --
            ---
            id: KB-1001
            title: Sync stops
            type: how-to
            updated: 2026-11-02
            translated_from: {lang: zh, hash: 000000000000}
            ---

            ## Steps

            Restart the client.
            """);
    Cli.Run mark =
        Cli.run("translations", "--content", site.content().toString(), "--mark", "KB-1001");
    assertThat(mark.code()).as(mark.out() + mark.err()).isZero();
    site.build().assertFile("en/sync/sync-stops/index.html", "! lang-notice--outdated");

    Path zh = site.content().resolve("zh/sync/sync-stops.md");
    Files.writeString(
        zh,
        Files.readString(zh, StandardCharsets.UTF_8).replace("重新启动客户端。", "退出后重新启动客户端。"),
        StandardCharsets.UTF_8);
    site.build()
        .assertOk()
        .assertFile(
            "en/sync/sync-stops/index.html",
            "The Chinese article was updated after this translation.",
            "<a href=\"../../../zh/sync/sync-stops/index.html\" hreflang=\"zh\">"
                + "Read the Chinese article</a>");
  }
}
