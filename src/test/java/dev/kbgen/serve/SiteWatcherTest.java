package dev.kbgen.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbgen.build.BuildOptions;
import dev.kbgen.testing.SiteFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SiteWatcherTest {
  @TempDir Path tmp;

  /**
   * The content folder replaced as a whole (deleted, then copied back): it is watched again, and an
   * edit after it is reported.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"deleted and copied back", "renamed into place"})
  void aRootFolderReplacedAsAWholeIsWatchedAgain(String how) throws Exception {
    SiteFixture site = SiteFixture.write(tmp, SiteFixture.TWO_ARTICLES);
    Path content = site.content().toAbsolutePath().normalize();
    Path copy = tmp.resolve("copy");
    SiteFixture.copyTree(content, copy);
    BlockingQueue<java.util.Set<Path>> handed = new LinkedBlockingQueue<>();
    try (SiteWatcher watcher =
        new SiteWatcher(List.of(content, site.templates()), Duration.ofMillis(50))) {
      watcher.start("test-watch", batch -> handed.add(batch.paths()));
      if (how.startsWith("deleted")) {
        SiteFixture.deleteTree(content);
        SiteFixture.copyTree(copy, content);
      } else {
        Files.move(content, tmp.resolve("old"));
        Files.move(copy, content);
      }
      // the deletion, then the folder back: each reports the content folder or what was in it
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      boolean back = false;
      while (!back && System.nanoTime() < deadline) {
        java.util.Set<Path> paths = handed.poll(1, TimeUnit.SECONDS);
        back = paths != null && paths.contains(content) && Files.isDirectory(content);
      }
      assertThat(back).as("the content folder reported once it is back").isTrue();
      Thread.sleep(1_000); // it is looked for every 250 ms: watched again by now
      Path article = content.resolve("en/sync/sync-stops.md");
      Files.writeString(article, Files.readString(article, StandardCharsets.UTF_8) + "\nMore.\n");
      // batches of the copy's last events may come first
      boolean edited = false;
      while (!edited && System.nanoTime() < deadline + TimeUnit.SECONDS.toNanos(10)) {
        java.util.Set<Path> paths = handed.poll(1, TimeUnit.SECONDS);
        edited = paths != null && paths.contains(article);
      }
      assertThat(edited).as("an edit in the new folder reported").isTrue();
    }
  }

  /**
   * An editor that empties a file and writes it again while a rebuild runs: the rebuild may have
   * read the empty file, so the save counts as a change although the bytes are the ones remembered.
   */
  @Test
  void aFileRewrittenWithItsBytesWhileABuildRanIsChanged() throws Exception {
    SiteFixture site = SiteFixture.write(tmp, SiteFixture.TWO_ARTICLES);
    Path article = site.content().resolve("en/sync/sync-stops.md").toAbsolutePath().normalize();
    byte[] edited =
        Files.readString(article, StandardCharsets.UTF_8)
            .replace("stops syncing.", "stops.")
            .getBytes(StandardCharsets.UTF_8);
    BuildOptions options = new BuildOptions(site.content(), site.templates(), false, site.root());
    BlockingQueue<List<Path>> handed = new LinkedBlockingQueue<>();
    try (SiteWatcher watcher =
        new SiteWatcher(List.of(site.content(), site.templates()), Duration.ofMillis(50))) {
      LiveSite live = new LiveSite(options, watcher::hidden);
      live.snapshot();
      watcher.start(
          "test-watch",
          batch -> {
            List<Path> changed = live.changed(batch.paths(), batch.meanwhile());
            if (handed.isEmpty()) {
              // The first batch's "build": the editor saves the same text again meanwhile.
              try {
                Files.write(article, new byte[0]);
                Thread.sleep(150);
                Files.write(article, edited);
                Thread.sleep(150);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            }
            handed.add(changed);
          });
      Files.write(article, edited);
      assertThat(handed.poll(10, TimeUnit.SECONDS)).containsExactly(article);
      // The file ends with the bytes remembered before the build, but the build may not have read
      // them: it is built again.
      assertThat(handed.poll(10, TimeUnit.SECONDS)).containsExactly(article);
    }
  }
}
