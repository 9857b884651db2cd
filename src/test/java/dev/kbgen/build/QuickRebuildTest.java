package dev.kbgen.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbgen.publish.MemoryPublisher;
import dev.kbgen.publish.OutputFile;
import dev.kbgen.testing.SiteFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preview's quick page after a body edit shows what a full build shows for that article. */
class QuickRebuildTest {
  @TempDir Path tmp;

  private SiteFixture site;
  private Pipeline built;
  private Path file;

  @BeforeEach
  void build() {
    site = SiteFixture.write(tmp, BuildCacheTest.SITE);
    built = new Pipeline(options(), new BuildCache());
    assertThat(built.run(new MemoryPublisher()).failed()).isFalse();
    file = site.content().resolve("en/sync/sync-stops.md");
  }

  private BuildOptions options() {
    return new BuildOptions(site.content(), site.templates(), false, site.root());
  }

  private void edit(String from, String to) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
  }

  private String fullBuildPage(String path) {
    MemoryPublisher publisher = new MemoryPublisher();
    assertThat(new Pipeline(options()).run(publisher).failed()).isFalse();
    return publisher.files().get(path).text();
  }

  @Test
  void aBodyEditGivesTheArticleAFullBuildWouldGive() throws IOException {
    edit("Reconnect.", "Reconnect, then **restart** the client.");
    Optional<Pipeline.QuickPage> quick = built.rebuildBody(file);
    assertThat(quick).isPresent();
    OutputFile page = quick.get().file();
    assertThat(page.path()).isEqualTo("en/sync/sync-stops/index.html");
    String full = fullBuildPage(page.path());
    var quickArticle = Jsoup.parse(page.text()).selectFirst("article");
    var fullArticle = Jsoup.parse(full).selectFirst("article");
    assertThat(quickArticle).isNotNull();
    assertThat(quickArticle.html()).contains("<strong>restart</strong>");
    assertThat(quickArticle.outerHtml()).isEqualTo(fullArticle.outerHtml());
  }

  @Test
  void eachEditAfterTheBuildShowsItsOwnBody() throws IOException {
    edit("Reconnect.", "Reconnect, then **restart** the client.");
    String first = built.rebuildBody(file).orElseThrow().file().text();
    edit("Reconnect, then **restart** the client.", "Reconnect, then *sign in* again.");
    String second = built.rebuildBody(file).orElseThrow().file().text();
    assertThat(first).contains("<strong>restart</strong>").doesNotContain("sign in");
    assertThat(second).contains("<em>sign in</em>").doesNotContain("restart");
    assertThat(Jsoup.parse(second).selectFirst("article").outerHtml())
        .isEqualTo(
            Jsoup.parse(fullBuildPage("en/sync/sync-stops/index.html"))
                .selectFirst("article")
                .outerHtml());
  }

  @Test
  void frontMatterEditsNewErrorsAndOtherFilesNeedTheFullBuild() throws IOException {
    assertThat(built.rebuildBody(site.content().resolve("site.yaml"))).isEmpty();
    assertThat(built.rebuildBody(site.content().resolve("en/sync/new.md"))).isEmpty();
    edit("title: Sync stops", "title: Sync stops often");
    assertThat(built.rebuildBody(file)).isEmpty();
    edit("title: Sync stops often", "title: Sync stops");
    edit("Reconnect.", "Reconnect, see [this](missing.md).");
    assertThat(built.rebuildBody(file)).isEmpty();
    edit("Reconnect, see [this](missing.md).", "Reconnect.");
    assertThat(built.rebuildBody(file)).isPresent();
  }
}
