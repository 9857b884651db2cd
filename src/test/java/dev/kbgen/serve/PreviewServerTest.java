package dev.kbgen.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.kbgen.build.BuildOptions;
import dev.kbgen.testing.Captured;
import dev.kbgen.testing.SiteFixture;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview server over real HTTP, with real files changing on disk. Waiting is bounded polling:
 * every wait fails with what was seen last when its deadline passes.
 */
class PreviewServerTest {
  /** Generous: the machine running the tests may be busy. */
  static final Duration DEADLINE = Duration.ofSeconds(60);

  static final String ARTICLE = "content/en/sync/sync-stops.md";
  static final String PAGE = "/en/sync/sync-stops/";

  /** The build number and the page's fingerprint, which the server adds to every page. */
  static final String SERVED_META =
      "<meta name=\"kbgen-build\" content=\"\\d+\"><meta name=\"kbgen-page\" content=\"[0-9a-f]{16}\">";

  static final String SITE = SiteFixture.TWO_ARTICLES;

  @TempDir Path tmp;
  final Captured out = new Captured();
  final Captured err = new Captured();
  final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  PreviewServer server;
  SiteFixture site;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  PreviewServer start(String text) throws IOException {
    site = SiteFixture.write(tmp, text);
    ServeSettings settings =
        new ServeSettings(
            new BuildOptions(site.content(), site.templates(), false, site.root()),
            "127.0.0.1",
            0,
            Duration.ofMillis(50),
            Duration.ofMillis(100));
    server = PreviewServer.start(settings, out.writer(), err.writer());
    return server;
  }

  HttpResponse<String> get(String path) {
    try {
      return client.send(
          HttpRequest.newBuilder(server.url().resolve(path))
              .timeout(Duration.ofSeconds(20))
              .build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Polls until {@code done} holds; fails with the last value seen after the deadline. */
  static <T> T eventually(String what, Supplier<T> poll, Predicate<T> done) {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    T last = poll.get();
    while (!done.test(last)) {
      if (System.nanoTime() > deadline) {
        fail("gave up waiting for " + what + "; last seen:\n" + last);
      }
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted");
      }
      last = poll.get();
    }
    return last;
  }

  String page() {
    return eventually("the page", () -> get(PAGE), r -> r.statusCode() == 200).body();
  }

  void write(String path, String text) throws IOException {
    Files.writeString(site.root().resolve(path), text, StandardCharsets.UTF_8);
  }

  String read(String path) throws IOException {
    return Files.readString(site.root().resolve(path), StandardCharsets.UTF_8);
  }

  /** An open event stream whose lines land in a queue. */
  final class Events implements AutoCloseable {
    static final String END = "<end of stream>";

    final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    final InputStream body;

    Events() throws IOException, InterruptedException {
      HttpResponse<InputStream> response =
          client.send(
              HttpRequest.newBuilder(server.url().resolve("/__kbgen/events")).build(),
              HttpResponse.BodyHandlers.ofInputStream());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("content-type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
      body = response.body();
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                  for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(line);
                  }
                  lines.add(END);
                } catch (IOException e) {
                  lines.add("<error: " + e + ">"); // or closed by the test
                }
              },
              "test-sse-reader");
      reader.setDaemon(true);
      reader.start();
    }

    /** Waits for a line; fails with what arrived when the deadline passes. */
    void await(String expected) throws InterruptedException {
      StringBuilder seen = new StringBuilder();
      long deadline = System.nanoTime() + DEADLINE.toNanos();
      while (System.nanoTime() < deadline) {
        String line = lines.poll(50, TimeUnit.MILLISECONDS);
        if (line != null) {
          seen.append(line).append('\n');
          if (line.equals(expected)) {
            return;
          }
        }
      }
      fail("no '" + expected + "' on the event stream; received:\n" + seen);
    }

    @Override
    public void close() throws IOException {
      body.close();
    }
  }

  @Test
  void showsEditsReloadsPagesAndOverlaysProblemsUntilTheyAreFixed() throws Exception {
    start(SITE);
    assertThat(out.toString()).contains("serving http://127.0.0.1:" + server.port() + "/");

    String first = page();
    assertThat(first)
        .contains("The desktop client stops syncing.")
        .contains("<script src=\"/__kbgen/live.js\" defer></script>")
        .doesNotContain("kbgen-overlay");
    // Only the served copy has the script: it is the built page plus the injected tags.
    String built = site.build().assertOk().text("en/sync/sync-stops/index.html");
    assertThat(first.replaceFirst(SERVED_META, ""))
        .isEqualTo(built.replace("</head>", LivePages.LIVE_SCRIPT + "</head>"));

    try (Events events = new Events()) {
      events.await("event: hello");

      // An edit: the new text is served and open pages are told to reload.
      write(ARTICLE, read(ARTICLE).replace("stops syncing.", "stops syncing after sleep."));
      eventually("the edit", this::page, p -> p.contains("stops syncing after sleep."));
      events.await("event: reload");
      eventually("the rebuild line", out::toString, o -> o.contains("rebuilt in "));
      assertThat(out.toString())
          .containsPattern("rebuilt in \\d+ ms: content/en/sync/sync-stops.md");

      // A front-matter error: every page gets the overlay, over the last good page.
      String good = read(ARTICLE);
      write(ARTICLE, good.replace("updated: 2026-02-10", "updated: 2026-02-30"));
      events.await("event: reload");
      String broken = eventually("the overlay", this::page, p -> p.contains("kbgen-overlay"));
      assertThat(broken)
          .contains("content/en/sync/sync-stops.md:5:10")
          .contains("&#39;updated&#39; is not a real date: 2026-02-30")
          .contains("hint: check the month and the day")
          .contains("id=\"kbgen-overlay-dismiss\"")
          .contains("stops syncing after sleep."); // the last good build, underneath
      assertThat(get("/en/account/login-fails/").body()).contains("kbgen-overlay");
      assertThat(get("/no/such/page/").body()).contains("kbgen-overlay");
      assertThat(err.toString()).contains("content/en/sync/sync-stops.md:5:10: error:");

      // Fixed: the overlay is gone.
      write(ARTICLE, good);
      events.await("event: reload");
      String fixed = eventually("the fix", this::page, p -> !p.contains("kbgen-overlay"));
      assertThat(fixed).contains("stops syncing after sleep.");
    }
  }

  @Test
  void eachRebuildsWarningsArePrintedWhileServing() throws Exception {
    start(SITE);
    page();
    write(
        ARTICLE,
        read(ARTICLE).replace("stops syncing.", "stops syncing.\n\nTODO: add a screenshot"));
    String log =
        eventually("the warning", err::toString, e -> e.contains("placeholder 'TODO:' left"));
    assertThat(log).contains("content/en/sync/sync-stops.md:").contains(": warning: ");
    eventually("the rebuild line", out::toString, o -> o.contains("rebuilt in "));
    // Infos are counted, not listed, as in build.
    assertThat(out.toString())
        .containsPattern("rebuilt in \\d+ ms: [^\\n]*\\(1 warning, \\d+ info");
    assertThat(err.toString()).doesNotContain(": info: ");
  }

  @Test
  void aSaveThatChangesNoBytesDoesNotRebuild() throws Exception {
    start(SITE);
    page();
    long before = server.builds();
    String other = "content/en/account/login-fails.md";
    write(ARTICLE, read(ARTICLE)); // same bytes
    write(other, read(other).replace("Reset it.", "Reset it now."));
    eventually("the rebuild", out::toString, o -> o.contains("rebuilt in "));
    assertThat(get("/en/account/login-fails/").body()).contains("Reset it now.");
    // one quick update of the edited page, then one full build: none for the unchanged save
    assertThat(server.builds()).isEqualTo(before + 2);
    assertThat(out.toString()).doesNotContain("sync-stops.md");
  }

  @Test
  void aBodyEditIsServedAtOnceAndTheFullBuildFollows() throws Exception {
    start(SITE);
    page();
    long before = server.builds();
    try (Events events = new Events()) {
      events.await("event: hello");
      write(ARTICLE, read(ARTICLE).replace("stops syncing.", "stops syncing on battery."));
      eventually("the full build", out::toString, o -> o.contains("rebuilt in "));
      events.await("event: reload"); // after the quick update
      events.await("event: reload"); // after the full build
    }
    String log = out.toString();
    assertThat(log)
        .containsPattern(
            "updated en/sync/sync-stops/index.html in \\d+ ms: content/en/sync/sync-stops.md;"
                + " rebuilding the rest");
    assertThat(log.indexOf("updated en/sync/")).isLessThan(log.indexOf("rebuilt in "));
    assertThat(server.builds()).isEqualTo(before + 2);
    // after the full build, the page is what a build from scratch makes
    String built = site.build().assertOk().text("en/sync/sync-stops/index.html");
    assertThat(page().replaceFirst(SERVED_META, ""))
        .isEqualTo(built.replace("</head>", LivePages.LIVE_SCRIPT + "</head>"));
  }

  @Test
  void anEditChangesTheFingerprintOfItsOwnPageOnlyAndOpenPagesKeepTheirSearchFiles()
      throws Exception {
    start(SITE);
    String other = "/en/account/login-fails/";
    String otherBefore =
        eventually("the page", () -> get(other), r -> r.statusCode() == 200).body();
    String articleBefore = page();
    String manifest =
        match(otherBefore, "&quot;en&quot;:&quot;(search/en/manifest\\.[0-9a-f]{8}\\.js)");
    String manifestText = get("/" + manifest).body();
    String shardHash = match(manifestText, "\"shardHash\":\"([0-9a-f]{8})\"");
    String shard = "search/en/t0." + shardHash + ".js";
    String shardText = get("/" + shard).body();
    long builds = server.builds();

    write(ARTICLE, read(ARTICLE).replace("stops syncing.", "stops syncing on battery."));
    String quick = eventually("the quick update", this::page, p -> p.contains("on battery"));
    eventually("the full build", server::builds, b -> b >= builds + 2);

    // The search index changed, so every page names new search files...
    String otherAfter = get(other).body();
    assertThat(otherAfter).doesNotContain(manifest);
    // ...but only the edited article shows something else, once: the quick update and the full
    // build after it show the same.
    assertThat(fingerprint(otherAfter)).isEqualTo(fingerprint(otherBefore));
    assertThat(fingerprint(quick)).isNotEqualTo(fingerprint(articleBefore));
    assertThat(fingerprint(page())).isEqualTo(fingerprint(quick));
    // A page that was not reloaded searches today's index: its manifest's name gives the current
    // manifest, and a search that read the earlier manifest still finds that build's files.
    String current =
        match(otherAfter, "&quot;en&quot;:&quot;(search/en/manifest\\.[0-9a-f]{8}\\.js)");
    assertThat(get("/" + current).body()).isNotEqualTo(manifestText);
    assertThat(get("/" + manifest).body()).isEqualTo(get("/" + current).body());
    assertThat(get("/" + current).body()).doesNotContain(shardHash); // an earlier build's shard
    assertThat(get("/" + shard).body()).isEqualTo(shardText);
    assertThat(get("/search/en/t0.00000000.js").statusCode()).isEqualTo(404);
    // A style sheet changes no page's HTML, but what every page shows.
    String css = "templates/static/kbgen.css";
    write(css, read(css) + "\nbody { letter-spacing: 0.01em; }\n");
    eventually(
        "the style sheet",
        () -> get("/static/kbgen.css").body(),
        body -> body.contains("letter-spacing: 0.01em"));
    assertThat(fingerprint(get(other).body())).isNotEqualTo(fingerprint(otherAfter));
    // Other files that are gone are gone.
    write(ARTICLE.replace("sync-stops", "sync-halts"), read(ARTICLE));
    Files.delete(site.root().resolve(ARTICLE));
    eventually("the move", () -> get(PAGE).statusCode(), status -> status == 404);
  }

  static String fingerprint(String page) {
    return match(page, "<meta name=\"kbgen-page\" content=\"([0-9a-f]{16})\">");
  }

  static String match(String text, String regex) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as("%s in:%n%s", regex, text).isTrue();
    return m.group(1);
  }

  @Test
  void frontMatterEditsAndNewErrorsGoStraightToTheFullBuild() throws Exception {
    start(SITE);
    page();
    write(ARTICLE, read(ARTICLE).replace("title: ", "title: Now "));
    eventually("the full build", out::toString, o -> o.contains("rebuilt in "));
    assertThat(page()).contains("Now ");
    String broken = read(ARTICLE).replace("stops syncing.", "stops syncing, see [x](nowhere.md).");
    write(ARTICLE, broken);
    eventually("the failed build", err::toString, e -> e.contains("build failed in "));
    assertThat(out.toString()).doesNotContain("updated en/");
  }

  @Test
  void withoutAnyGoodBuildEveryUrlShowsTheProblemsPage() throws Exception {
    start(SITE.replace("title: Sync stops", "title: [Sync stops"));
    HttpResponse<String> r = get("/");
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(r.body())
        .contains("Build failed")
        .contains("content/en/sync/sync-stops.md:3:8")
        .contains("<script src=\"/__kbgen/live.js\" defer></script>");
    assertThat(get(PAGE).body()).contains("Build failed");

    try (Events events = new Events()) {
      events.await("event: hello");
      write(ARTICLE, read(ARTICLE).replace("title: [Sync stops", "title: Sync stops"));
      events.await("event: reload");
    }
    String home = eventually("the site", () -> get("/"), x -> x.statusCode() == 200).body();
    assertThat(home).doesNotContain("Build failed").contains("<html");
    assertThat(page()).contains("The desktop client stops syncing.");
  }

  @Test
  void newFoldersAreWatched() throws Exception {
    start(SITE);
    Path folder = site.content().resolve("en/account/more/deeper");
    Files.createDirectories(folder);
    Files.writeString(
        folder.resolve("new-article.md"),
        read("content/en/account/login-fails.md")
            .replace("KB-1002", "KB-1003")
            .replace("Login fails", "Brand new article"),
        StandardCharsets.UTF_8);
    String body =
        eventually(
                "the new article",
                () -> get("/en/account/more/deeper/new-article/"),
                r -> r.statusCode() == 200)
            .body();
    assertThat(body).contains("Brand new article");
    // And a file changed inside the new folder afterwards.
    Path file = folder.resolve("new-article.md");
    Files.writeString(
        file,
        Files.readString(file, StandardCharsets.UTF_8).replace("Reset it.", "Reset it twice."),
        StandardCharsets.UTF_8);
    eventually(
        "the edit in the new folder",
        () -> get("/en/account/more/deeper/new-article/").body(),
        b -> b.contains("Reset it twice."));
  }

  @Test
  void templateEditsAreServed() throws Exception {
    start(SITE);
    page();
    Path base = site.templates().resolve("base.peb");
    String text = Files.readString(base, StandardCharsets.UTF_8);
    Files.writeString(
        base,
        text.replace("<body class=", "<body data-edited=\"yes\" class="),
        StandardCharsets.UTF_8);
    eventually("the template edit", this::page, p -> p.contains("data-edited=\"yes\""));
    assertThat(out.toString()).containsPattern("rebuilt in \\d+ ms: templates/base.peb");
  }

  /** Sends a raw request line (no client-side normalisation) and returns the whole response. */
  String raw(String target) throws IOException {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(20_000);
      OutputStream o = s.getOutputStream();
      o.write(
          ("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      o.flush();
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void refusesPathsOutsideTheSite() throws Exception {
    start(SITE);
    // Files right next to the site, which a path escaping the output could reach.
    Files.writeString(tmp.resolve("secret.txt"), "TOP-SECRET", StandardCharsets.UTF_8);
    for (String target :
        new String[] {
          "/../../etc/passwd",
          "/%2e%2e/%2e%2e/etc/passwd",
          "/..%2f..%2fetc/passwd",
          "/../secret.txt",
          "/%2e%2e/secret.txt",
          "/..%2fsecret.txt",
          "/en/../../secret.txt",
          "/..\\secret.txt",
          "/%5c..%5csecret.txt",
          "//etc/passwd",
          "/content/en/sync/sync-stops.md",
          "/templates/base.peb",
          "/%00",
          "/C:/Windows/win.ini",
          "/static/../static/kbgen.css"
        }) {
      String response = raw(target);
      assertThat(response).as(target).matches("(?s)HTTP/1\\.1 (400|404) .*");
      assertThat(response)
          .as(target)
          .doesNotContain("root:")
          .doesNotContain("TOP-SECRET")
          .doesNotContain("id: KB-1001")
          .doesNotContain("{% block");
    }
    assertThat(raw("/static/kbgen.css")).startsWith("HTTP/1.1 200 ");
  }

  @Test
  void servesTypesFoldersRedirectsAndTheSites404Page() throws Exception {
    start(SITE);
    HttpResponse<String> css = get("/static/kbgen.css");
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.headers().firstValue("content-type")).hasValue("text/css; charset=utf-8");
    assertThat(css.body()).doesNotContain("__kbgen");
    assertThat(get("/static/favicon.svg").headers().firstValue("content-type"))
        .hasValue("image/svg+xml; charset=utf-8");
    assertThat(get("/sitemap.xml").headers().firstValue("content-type"))
        .hasValue("application/xml; charset=utf-8");
    assertThat(get("/").headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");

    HttpResponse<String> folder = get("/en");
    assertThat(folder.statusCode()).isEqualTo(301);
    assertThat(folder.headers().firstValue("location")).hasValue("/en/");
    assertThat(get("/en/").body()).contains("lang=\"en");

    HttpResponse<String> missing = get("/en/no-such-article/");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("class=\"not-found\"").contains(LivePages.LIVE_SCRIPT);
    // the nearest 404.html up the missing page's folders, as static hosts look for it
    HttpResponse<String> missingChinese = get("/zh/no-such-article/");
    assertThat(missingChinese.statusCode()).isEqualTo(404);
    assertThat(missingChinese.body()).contains("<h1 id=\"nf-title\">找不到页面</h1>");
    assertThat(missing.body()).contains("<h1 id=\"nf-title\">Page not found</h1>");
    assertThat(get("/no-such-folder/page.html").body()).contains("Page not found");

    HttpResponse<String> js = get("/__kbgen/live.js");
    assertThat(js.headers().firstValue("content-type")).hasValue("text/javascript; charset=utf-8");
    assertThat(js.body()).contains("new EventSource(\"/__kbgen/events\")").contains("\"reload\"");
    assertThat(get("/__kbgen/overlay.css").statusCode()).isEqualTo(200);
    assertThat(get("/__kbgen/nothing").statusCode()).isEqualTo(404);

    HttpResponse<String> post =
        client.send(
            HttpRequest.newBuilder(server.url())
                .POST(HttpRequest.BodyPublishers.ofString("x"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
    HttpResponse<String> head =
        client.send(
            HttpRequest.newBuilder(server.url())
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
  }

  @Test
  void boundsUrlAndHeaderSizes() throws Exception {
    start(SITE);
    assertThat(raw("/" + "a".repeat(5000))).startsWith("HTTP/1.1 414 ");
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(20_000);
      s.getOutputStream()
          .write(
              ("GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                      + "b".repeat(20_000)
                      + "\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      assertThat(new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1))
          .startsWith("HTTP/1.1 431 ");
    }
    assertThat(get("/").statusCode()).isEqualTo(200);
  }

  /** Sends a whole request on its own connection and returns the status line, or the error. */
  String status(String request) {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(30_000);
      s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      BufferedReader r =
          new BufferedReader(
              new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
      String line = r.readLine();
      return line == null ? "closed" : line;
    } catch (IOException e) {
      return e.toString();
    }
  }

  @Test
  void answersManyConcurrentConnectionsWhileOthersSitIdle() throws Exception {
    start(SITE);
    page();
    // Connections that never send a byte hold no request thread.
    java.util.List<Socket> idle = new java.util.ArrayList<>();
    try {
      for (int i = 0; i < 100; i++) {
        idle.add(new Socket("127.0.0.1", server.port()));
      }
      var pool = java.util.concurrent.Executors.newFixedThreadPool(64);
      try {
        java.util.List<java.util.concurrent.Future<String>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 640; i++) {
          String target = i % 4 == 0 ? "/%2e%2e/secret.txt" : i % 4 == 1 ? PAGE : "/";
          answers.add(
              pool.submit(
                  () ->
                      status(
                          "GET "
                              + target
                              + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")));
        }
        for (int i = 0; i < answers.size(); i++) {
          String line = answers.get(i).get(60, TimeUnit.SECONDS);
          assertThat(line)
              .as("request %d", i)
              .matches(i % 4 == 0 ? "HTTP/1.1 (400|404) .*" : "HTTP/1.1 200 .*");
        }
      } finally {
        pool.shutdownNow();
      }
    } finally {
      for (Socket s : idle) {
        s.close();
      }
    }
    assertThat(get(PAGE).statusCode()).isEqualTo(200);
    assertThat(err.toString()).doesNotContain("internal error");
  }

  @Test
  void absoluteFormTargetsAndManyHeadersAreHandled() throws Exception {
    start(SITE);
    Files.writeString(tmp.resolve("secret.txt"), "TOP-SECRET", StandardCharsets.UTF_8);
    assertThat(raw("http://localhost/../secret.txt")).matches("(?s)HTTP/1\\.1 (400|404) .*");
    // Many headers, in total over the server's header limit: 431.
    StringBuilder big = new StringBuilder("GET / HTTP/1.1\r\nHost: localhost\r\n");
    for (int i = 0; i < 150; i++) {
      big.append("X-H").append(i).append(": ").append("v".repeat(150)).append("\r\n");
    }
    assertThat(status(big + "Connection: close\r\n\r\n")).startsWith("HTTP/1.1 431 ");
    // More headers than the JDK server accepts at all (200): it drops the connection unanswered.
    StringBuilder many = new StringBuilder("GET / HTTP/1.1\r\nHost: localhost\r\n");
    for (int i = 0; i < 2000; i++) {
      many.append("X-H").append(i).append(": v\r\n");
    }
    assertThat(status(many + "Connection: close\r\n\r\n"))
        .matches("HTTP/1\\.1 431 .*|closed|java\\.net\\.SocketException.*");
    assertThat(status("GET /" + "%2e%2e/".repeat(2000) + " HTTP/1.1\r\nHost: x\r\n\r\n"))
        .startsWith("HTTP/1.1 414 ");
    assertThat(get("/").statusCode()).isEqualTo(200);
  }

  @Test
  void survivesClientsThatDisconnectMidResponse() throws Exception {
    start(SITE);
    // A large download, so the server is still writing when the client goes away.
    Path big = site.content().resolve("en/sync/images/big.png");
    Files.createDirectories(big.getParent());
    Files.write(big, new byte[32 * 1024 * 1024]);
    eventually("the big file", () -> get("/en/sync/images/big.png").statusCode(), c -> c == 200);
    for (int i = 0; i < 3; i++) {
      try (Socket s = new Socket("127.0.0.1", server.port())) {
        s.getOutputStream()
            .write(
                "GET /en/sync/images/big.png HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
        byte[] some = s.getInputStream().readNBytes(1024);
        assertThat(new String(some, StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 200 ");
        s.setSoLinger(true, 0); // reset, not a polite close
      }
      assertThat(get("/").statusCode()).isEqualTo(200);
    }

    // A live-reload stream that goes away is forgotten.
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.getOutputStream()
          .write(
              "GET /__kbgen/events HTTP/1.1\r\nHost: localhost\r\n\r\n"
                  .getBytes(StandardCharsets.ISO_8859_1));
      BufferedReader r =
          new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null && !line.contains("event: hello"); ) {
        line = r.readLine();
      }
      assertThat(server.liveClients()).isEqualTo(1);
      s.setSoLinger(true, 0);
    }
    eventually("the stream to be forgotten", server::liveClients, n -> n == 0);
    assertThat(get("/").statusCode()).isEqualTo(200);
    assertThat(err.toString()).doesNotContain("internal error");
  }

  @Test
  void closeStopsTheServerAndTheWatcher() throws Exception {
    start(SITE);
    int port = server.port();
    assertThat(server.watching()).isTrue();
    try (Events events = new Events()) {
      events.await("event: hello");
      server.close();
      events.await(Events.END); // open streams are ended, so browsers do not hang
    }
    assertThat(server.watching()).isFalse();
    assertThat(out.toString()).endsWith("stopped" + System.lineSeparator());
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
        .isInstanceOf(ConnectException.class);
    server.close(); // twice is fine
  }

  @Test
  void aFailedStartFreesThePort() throws Exception {
    site = SiteFixture.write(tmp, SITE);
    java.net.InetAddress local = java.net.InetAddress.getByName("127.0.0.1");
    int port;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 50, local)) {
      port = probe.getLocalPort();
    }
    ServeSettings missingTheme =
        ServeSettings.of(
            new BuildOptions(site.content(), tmp.resolve("no-templates"), false, site.root()),
            "127.0.0.1",
            port);
    assertThatThrownBy(() -> PreviewServer.start(missingTheme, out.writer(), err.writer()))
        .isInstanceOf(IOException.class);
    try (java.net.ServerSocket again = new java.net.ServerSocket(port, 50, local)) {
      assertThat(again.getLocalPort()).isEqualTo(port);
    }
  }

  @Test
  void aTakenPortIsABindException() throws Exception {
    start(SITE);
    ServeSettings same =
        ServeSettings.of(
            new BuildOptions(site.content(), site.templates(), false, site.root()),
            "127.0.0.1",
            server.port());
    assertThatThrownBy(() -> PreviewServer.start(same, out.writer(), err.writer()))
        .isInstanceOf(java.net.BindException.class);
    assertThat(get("/").statusCode()).isEqualTo(200);
  }
}
