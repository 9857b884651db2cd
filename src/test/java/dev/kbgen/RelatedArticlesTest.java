package dev.kbgen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbgen.testing.SiteFixture;
import dev.kbgen.testing.SiteFixture.Built;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ids in {@code related} come first among an article's related articles. */
class RelatedArticlesTest {
  @Test
  void anArticleThatListsItsOwnIdIsNotRelatedToItself(@TempDir Path tmp) {
    Built built =
        SiteFixture.write(
                tmp,
                SiteFixture.article(
                        "en/sync/sync-stops.md",
                        "KB-1",
                        "title: Sync stops\ntags: [network]\nrelated: [KB-1, KB-2]\n",
                        "The client stops syncing.")
                    + SiteFixture.article(
                        "en/sync/proxy.md",
                        "KB-2",
                        "title: Proxy blocks sync\ntags: [network]\n",
                        "The proxy refuses the connection."))
            .build()
            .assertOk();
    assertThat(built.report())
        .contains("warning: related article 'KB-1' is this article")
        .contains("hint: remove it from 'related': list the ids of other articles");
    String page = built.text("en/sync/sync-stops/index.html");
    String related = page.substring(page.indexOf("id=\"related-title\""));
    assertThat(related).contains("proxy/index.html").doesNotContain("sync-stops/index.html");
  }
}
