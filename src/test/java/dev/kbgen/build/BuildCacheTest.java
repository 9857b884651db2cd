package dev.kbgen.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbgen.publish.MemoryPublisher;
import dev.kbgen.publish.OutputFile;
import dev.kbgen.testing.SiteFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A build that reuses a {@link BuildCache} gives exactly what a fresh build gives. */
class BuildCacheTest {
  @TempDir Path tmp;

  static final String SITE =
      """
      -- content/en/sync/sync-stops.md --
      ---
      id: KB-1
      title: Sync stops
      tags: [network]
      updated: 2026-01-10
      ---

      ## Symptom

      Sync stops. See [[KB-2]] and [the login page](../account/login-fails.md).

      ## Cause

      The network dropped.

      ## Resolution

      Reconnect.

      ## Prevention

      Keep the client up to date.
      -- content/en/account/login-fails.md --
      ---
      id: KB-2
      title: Login fails
      tags: [login]
      updated: 2026-01-10
      ---

      ## Symptom

      Login fails.

      ## Cause

      Expired password.

      ## Resolution

      Reset it.

      ## Prevention

      Use a password manager.
      -- content/en/account/unrelated.md --
      ---
      id: KB-3
      title: Unrelated article
      tags: [windows]
      updated: 2026-01-10
      ---

      ## Symptom

      Something else.

      ## Cause

      Another cause.

      ## Resolution

      Another fix.

      ## Prevention

      Nothing.
      """;

  record Build(BuildResult result, Map<String, OutputFile> files) {}

  private SiteFixture site;
  private final BuildCache cache = new BuildCache();

  private Build build(BuildCache with) {
    MemoryPublisher publisher = new MemoryPublisher();
    BuildResult result =
        new Pipeline(new BuildOptions(site.content(), site.templates(), false, site.root()), with)
            .run(publisher);
    return new Build(result, publisher.files());
  }

  /** Builds with the shared cache and fresh, asserts they agree; the number of renders. */
  private long cachedBuildMatchesFresh() {
    long before = cache.markdownRenders();
    Build cached = build(cache);
    Build fresh = build(new BuildCache());
    assertThat(cached.result().problems()).isEqualTo(fresh.result().problems());
    assertThat(cached.files().keySet()).containsExactlyElementsOf(fresh.files().keySet());
    fresh
        .files()
        .forEach(
            (path, file) ->
                assertThat(cached.files().get(path).text()).as(path).isEqualTo(file.text()));
    return cache.markdownRenders() - before;
  }

  private void edit(String path, String from, String to) throws IOException {
    Path file = site.root().resolve(path);
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
  }

  @Test
  void rendersOnlyWhatChangedAndGivesTheSameSiteAsAFreshBuild() throws IOException {
    site = SiteFixture.write(tmp, SITE);
    assertThat(cachedBuildMatchesFresh()).isEqualTo(3);
    assertThat(cachedBuildMatchesFresh()).as("nothing changed").isZero();

    edit("content/en/account/unrelated.md", "Another fix.", "Another, better fix.");
    assertThat(cachedBuildMatchesFresh()).as("one body changed").isEqualTo(1);

    // A retitled target changes the text of the [[KB-2]] link in the article that links to it;
    // the retitled article's own body is the same.
    edit("content/en/account/login-fails.md", "title: Login fails", "title: Sign-in fails");
    assertThat(cachedBuildMatchesFresh()).as("only the linker").isEqualTo(1);
    assertThat(build(cache).files().get("en/sync/sync-stops/index.html").text())
        .contains("Sign-in fails");

    // Front matter that moves the body down re-renders (problem lines depend on it).
    edit("content/en/account/unrelated.md", "tags: [windows]", "tags:\n  - windows");
    assertThat(cachedBuildMatchesFresh()).as("body moved").isEqualTo(1);
  }

  @Test
  void aDeletedTargetBreaksTheCachedLinkerAndComesBack() throws IOException {
    site = SiteFixture.write(tmp, SITE);
    cachedBuildMatchesFresh();
    Path target = site.content().resolve("en/account/login-fails.md");
    String text = Files.readString(target, StandardCharsets.UTF_8);
    Files.delete(target);
    cachedBuildMatchesFresh();
    assertThat(build(cache).result().failed()).isTrue();
    assertThat(build(cache).result().problems())
        .anyMatch(p -> p.file().equals("content/en/sync/sync-stops.md") && p.line() == 10);
    Files.writeString(target, text, StandardCharsets.UTF_8);
    cachedBuildMatchesFresh();
    assertThat(build(cache).result().failed()).isFalse();
  }

  @Test
  void aTemplateEditIsPickedUpByTheKeptEngine() throws IOException {
    site = SiteFixture.write(tmp, SITE);
    cachedBuildMatchesFresh();
    Path article = site.templates().resolve("article.peb");
    Files.writeString(
        article,
        Files.readString(article, StandardCharsets.UTF_8)
            .replace("{% block content %}", "{% block content %}<p>EDITED-TEMPLATE</p>"),
        StandardCharsets.UTF_8);
    assertThat(cachedBuildMatchesFresh()).as("no body re-rendered for a template").isZero();
    assertThat(build(cache).files().get("en/sync/sync-stops/index.html").text())
        .contains("EDITED-TEMPLATE");
  }

  @Test
  void theSampleSiteIsTheSameWithAWarmCache() {
    BuildOptions options =
        new BuildOptions(
            SiteFixture.repoContent(), SiteFixture.repoTemplates(), false, Path.of(""));
    MemoryPublisher first = new MemoryPublisher();
    MemoryPublisher second = new MemoryPublisher();
    BuildCache warm = new BuildCache();
    new Pipeline(options, warm).run(first);
    long renders = warm.markdownRenders();
    assertThat(new Pipeline(options, warm).run(second).failed()).isFalse();
    assertThat(warm.markdownRenders()).isEqualTo(renders);
    assertThat(second.files().keySet()).containsExactlyElementsOf(first.files().keySet());
    first
        .files()
        .forEach((p, f) -> assertThat(second.files().get(p).bytes()).as(p).isEqualTo(f.bytes()));
  }
}
