package dev.kbgen.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbgen.build.BuildOptions;
import dev.kbgen.serve.PreviewServer;
import dev.kbgen.serve.ServeSettings;
import dev.kbgen.testing.Browser;
import dev.kbgen.testing.SiteFixture;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kbgen serve} as a writer uses it, in headless Chromium: two tabs open, one article edited.
 * A tab that was reloaded loses the mark the test put on its window.
 */
class LivePreviewBrowserTest {
  static final Duration DEADLINE = Duration.ofSeconds(30);

  static final String ARTICLE = "content/en/sync/sync-stops.md";

  @TempDir Path tmp;
  final StringWriter out = new StringWriter();
  PreviewServer server;
  Browser browser;

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void anEditReloadsTheEditedArticleOnceAndLeavesOtherPagesAndTheirSearchAlone() throws Exception {
    SiteFixture site = SiteFixture.write(tmp, SiteFixture.TWO_ARTICLES);
    server =
        PreviewServer.start(
            new ServeSettings(
                new BuildOptions(site.content(), site.templates(), false, site.root()),
                "127.0.0.1",
                0,
                Duration.ofMillis(50),
                Duration.ofMillis(100)),
            new PrintWriter(out, true),
            new PrintWriter(new StringWriter(), true));
    browser = Browser.start();
    String other = server.url().resolve("/en/account/login-fails/").toString();
    String edited = server.url().resolve("/en/sync/sync-stops/").toString();
    browser.open(other);
    String otherTab = browser.driver().getWindowHandle();
    browser.driver().switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
    browser.open(edited);
    String editedTab = browser.driver().getWindowHandle();
    for (String tab : new String[] {otherTab, editedTab}) {
      browser.driver().switchTo().window(tab);
      browser.js("window.kbgenMark = 1;");
    }
    await("both tabs' live-reload streams", () -> server.liveClients() == 2);
    long builds = server.builds();

    editArticle(site, "stops syncing on battery.");

    // The edited article's tab reloads for the quick update...
    await(
        "the edited tab to reload",
        () ->
            Boolean.TRUE.equals(
                browser.js(
                    "return window.kbgenMark === undefined"
                        + " && document.readyState === 'complete'"
                        + " && document.body.textContent.includes('on battery')")));
    browser.js("window.kbgenMark = 2;");
    // ...and not again when the full build ends, although every page now names new search files.
    await("the full build", () -> server.builds() >= builds + 2);
    // Time for a reload to happen, if one were coming: the tab's check is one request to this
    // server (a slow machine can only make this pass wrongly, never fail wrongly).
    Thread.sleep(1_500);
    assertThat(browser.js("return window.kbgenMark")).isEqualTo(2L);

    // The other tab was not reloaded, and its search finds the edit.
    browser.driver().switchTo().window(otherTab);
    assertThat(browser.js("return window.kbgenMark")).isEqualTo(1L);
    browser.find("input[type=search]").sendKeys("battery");
    await(
        "the edited article among the suggestions",
        () ->
            Boolean.TRUE.equals(
                browser.js(
                    "return Array.from(document.querySelectorAll('[role=listbox] [role=option]'))"
                        + ".some(a => a.href && a.href.includes('/en/sync/sync-stops/'))")));
    assertThat(browser.js("return window.kbgenMark")).isEqualTo(1L);
    assertThat(browser.problems()).isEmpty();
  }

  @Test
  void aTabLeftOpenShowsWhatARestartedServerServes() throws Exception {
    SiteFixture site = SiteFixture.write(tmp, SiteFixture.TWO_ARTICLES);
    BuildOptions options = new BuildOptions(site.content(), site.templates(), false, site.root());
    server = PreviewServer.start(settings(options, 0), new PrintWriter(out, true), quiet());
    int port = server.port();
    browser = Browser.start();
    browser.open(server.url().resolve("/en/sync/sync-stops/").toString());
    browser.js("window.kbgenMark = 1;");
    await("the tab's live-reload stream", () -> server.liveClients() == 1);

    // Stopped, the article edited, started again: the new server counts its builds from 1 too.
    server.close();
    editArticle(site, "stops syncing after a restart.");
    server = PreviewServer.start(settings(options, port), new PrintWriter(out, true), quiet());

    await(
        "the tab to show the edit",
        () ->
            Boolean.TRUE.equals(
                browser.js(
                    "return window.kbgenMark === undefined"
                        + " && document.readyState === 'complete'"
                        + " && document.body.textContent.includes('after a restart')")));
  }

  static ServeSettings settings(BuildOptions options, int port) {
    return new ServeSettings(
        options, "127.0.0.1", port, Duration.ofMillis(50), Duration.ofMillis(100));
  }

  static PrintWriter quiet() {
    return new PrintWriter(new StringWriter(), true);
  }

  /** Polls until {@code done}; fails with the page's text and the browser's problems. */
  void await(String what, BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "gave up waiting for "
                + what
                + "\npage: "
                + browser.js("return document.body.innerText")
                + "\nbrowser: "
                + browser.problems()
                + "\nserver: "
                + out);
      }
      Thread.sleep(50);
    }
  }

  /** Saves the sample article with its symptom's first sentence ending as {@code sentence}. */
  private static void editArticle(SiteFixture site, String sentence) throws IOException {
    Path file = site.root().resolve(ARTICLE);
    Files.writeString(
        file,
        Files.readString(file, StandardCharsets.UTF_8).replace("stops syncing.", sentence),
        StandardCharsets.UTF_8);
  }
}
