package dev.kbgen.serve;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.kbgen.build.BuildOptions;
import dev.kbgen.build.BuildResult;
import dev.kbgen.build.OutOfMemory;
import dev.kbgen.problem.Problem;
import dev.kbgen.problem.ProblemFormatter;
import dev.kbgen.problem.Severity;
import dev.kbgen.publish.OutputFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The preview server: builds the site in memory, serves it over HTTP, rebuilds after every change
 * to the content or the theme, and tells open pages to reload. A failed build leaves the last good
 * site in place and adds an overlay with the problems to every page.
 *
 * <p>Only files of the built site are served, looked up by their path in memory; the file system is
 * never read for a request. {@link #close} (the {@code Ctrl-C} shutdown hook) stops the watcher and
 * the server.
 */
public final class PreviewServer implements AutoCloseable {
  /** Largest total size of the request headers accepted. */
  static final int MAX_HEADER_BYTES = 16 * 1024;

  /** Open live-reload streams (browser tabs) at most; each holds one request thread. */
  static final int MAX_EVENT_STREAMS = 24;

  private static final int THREADS = 32;
  private static final String INTERNAL = "/__kbgen/";

  private final ServeSettings settings;
  private final BuildOptions options;
  private final PrintWriter out;
  private final PrintWriter err;
  private final HttpServer http;
  private final ThreadPoolExecutor executor;
  private final SiteWatcher watcher;
  private final LiveSite site;
  private final LiveReload reload = new LiveReload(MAX_EVENT_STREAMS);
  private final Map<String, Asset> assets;
  private final AtomicBoolean closing = new AtomicBoolean();
  private volatile boolean started;
  private final CountDownLatch closed = new CountDownLatch(1);

  /** A file the server itself serves under {@code /__kbgen/}. */
  private record Asset(String type, byte[] bytes) {}

  private PreviewServer(ServeSettings settings, HttpServer http, PrintWriter out, PrintWriter err)
      throws IOException {
    this.settings = settings;
    this.options = settings.build();
    this.out = out;
    this.err = err;
    this.http = http;
    this.assets =
        Map.of(
            INTERNAL + "live.js",
            new Asset(ContentTypes.of("live.js"), resource("live.js")),
            INTERNAL + "overlay.css",
            new Asset(ContentTypes.of("overlay.css"), resource("overlay.css")));
    this.watcher =
        new SiteWatcher(List.of(options.content(), options.templates()), settings.debounce());
    this.site = new LiveSite(options, watcher::hidden);
    this.executor =
        new ThreadPoolExecutor(
            THREADS,
            THREADS,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            daemonThreads("kbgen-http-"));
    executor.allowCoreThreadTimeOut(true);
  }

  /**
   * Listens on the settings' host and port, builds the site, starts watching, and serves.
   *
   * @throws java.net.BindException when the port is taken (or not allowed)
   * @throws UnknownHostException when the host name does not resolve
   */
  public static PreviewServer start(ServeSettings settings, PrintWriter out, PrintWriter err)
      throws IOException {
    InetSocketAddress address = new InetSocketAddress(settings.host(), settings.port());
    if (address.isUnresolved()) {
      throw new UnknownHostException(settings.host());
    }
    HttpServer http = HttpServer.create(address, 64);
    PreviewServer server;
    try {
      server = new PreviewServer(settings, http, out, err);
    } catch (IOException | RuntimeException e) {
      release(http);
      throw e;
    }
    try {
      server.begin();
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  private void begin() {
    site.snapshot();
    LiveSite.Outcome first = site.build();
    report(first, List.of());
    site.warmUp();
    http.createContext("/", this::handle);
    http.setExecutor(executor);
    http.start();
    started = true;
    watcher.start("kbgen-watch-" + port(), this::onChange);
    if (!http.getAddress().getAddress().isLoopbackAddress()) {
      err.println(
          "warning: listening on "
              + settings.host()
              + ": anyone who can reach this machine can read the preview");
    }
    out.println("serving " + url() + " (Ctrl-C to stop)");
  }

  /** The port listened on (the free port picked when the settings said 0). */
  public int port() {
    return http.getAddress().getPort();
  }

  /** The site's address, e.g. {@code http://127.0.0.1:8080/}. */
  public URI url() {
    try {
      return new URI("http", null, settings.host(), port(), "/", null, null);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** How many builds ran, the first included. */
  public long builds() {
    return site.state().build();
  }

  /** How many live-reload streams are open. */
  public int liveClients() {
    return reload.size();
  }

  /** Waits until {@link #close} has stopped the server. */
  public void awaitClose() throws InterruptedException {
    closed.await();
  }

  /** Stops watching and serving; open event streams are ended. Safe to call more than once. */
  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    watcher.close();
    reload.close();
    try {
      reload.awaitEmpty(1_000); // let open streams end their responses cleanly
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (started) {
      http.stop(0);
    } else {
      release(http);
    }
    executor.shutdownNow();
    try {
      executor.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    out.println("stopped");
    closed.countDown();
  }

  /** Whether the watcher thread is still running (it stops with the server). */
  boolean watching() {
    return watcher.running();
  }

  // ---- rebuilding

  private void onChange(SiteWatcher.Batch batch) {
    OutOfMemory outOfMemory = OutOfMemory.prepare();
    try {
      List<Path> changed = site.changed(batch.paths(), batch.meanwhile());
      if (changed.isEmpty()) {
        return; // saved without changing a byte, or only folders appeared
      }
      if (changed.size() == 1) {
        Optional<LiveSite.Quick> quick = site.quick(changed.get(0));
        if (quick.isPresent()) {
          for (Problem p : quick.get().problems()) {
            if (p.severity() != Severity.INFO) {
              err.print(ProblemFormatter.format(p));
            }
          }
          err.flush(); // serve runs on: each update's problems are shown when it happens
          out.printf(
              Locale.ROOT,
              "updated %s in %d ms: %s; rebuilding the rest%n",
              quick.get().path(),
              quick.get().millis(),
              describe(changed));
          reload.broadcast("reload", Long.toString(site.state().build()));
        }
      }
      report(site.build(), changed);
      reload.broadcast("reload", Long.toString(site.state().build()));
    } catch (RuntimeException e) {
      err.println("kbgen: internal error while rebuilding (please report it): " + e);
      e.printStackTrace(err);
    } catch (Error e) {
      if (!outOfMemory.explains(e)) {
        throw e;
      }
      // The failed build's objects are unreachable now: the last good site is still served.
      outOfMemory.report(err);
    }
  }

  private void report(LiveSite.Outcome outcome, List<Path> changed) {
    BuildResult result = outcome.result();
    if (outcome.bug() != null) {
      err.println("kbgen: internal error during the build (please report it): " + outcome.bug());
      outcome.bug().printStackTrace(err);
    }
    // As in build: errors and warnings listed, infos counted ('kbgen check' lists them).
    for (Problem p : result.problems()) {
      if (p.severity() != Severity.INFO) {
        err.print(ProblemFormatter.format(p));
      }
    }
    err.flush();
    String counts = ProblemFormatter.summary(result.problems());
    String files = changed.isEmpty() ? "" : ": " + describe(changed);
    if (result.failed()) {
      err.printf(
          Locale.ROOT,
          "build failed in %d ms%s (%s); %s%n",
          outcome.millis(),
          files,
          counts,
          site.state().good()
              ? "pages show the problems until they are fixed"
              : "the browser shows the problems until they are fixed");
    } else if (changed.isEmpty()) {
      out.printf(
          Locale.ROOT,
          "built %d articles, %d files in %d ms%s%n",
          result.articles(),
          result.files().size(),
          outcome.millis(),
          counts.isEmpty() ? "" : " (" + counts + ")");
    } else {
      out.printf(
          Locale.ROOT,
          "rebuilt in %d ms%s%s%n",
          outcome.millis(),
          files,
          counts.isEmpty() ? "" : " (" + counts + ")");
    }
  }

  /** {@code content/en/sync/x.md}, or the first three and how many more. */
  private String describe(List<Path> changed) {
    List<String> names = changed.stream().map(options::display).toList();
    if (names.size() <= 3) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
  }

  // ---- serving

  private void handle(HttpExchange exchange) {
    try {
      serve(exchange);
    } catch (IOException e) {
      // The browser went away mid-response: nothing to do, the next request is served as usual.
    } catch (RuntimeException e) {
      err.println(
          "kbgen: internal error while serving "
              + exchange.getRequestURI().getRawPath()
              + " (please report it): "
              + e);
      e.printStackTrace(err);
      try {
        if (exchange.getResponseCode() < 0) {
          text(exchange, 500, "internal error: see the terminal");
        }
      } catch (IOException | RuntimeException ignored) {
        // the connection is closed below
      }
    } finally {
      exchange.close();
    }
  }

  private void serve(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      exchange.getResponseHeaders().set("Allow", "GET, HEAD");
      text(exchange, 405, "only GET and HEAD are supported");
      return;
    }
    String target = exchange.getRequestURI().toString();
    if (target.length() > RequestPath.MAX_LENGTH) {
      text(exchange, 414, "the URL is too long");
      return;
    }
    if (headerBytes(exchange.getRequestHeaders()) > MAX_HEADER_BYTES) {
      text(exchange, 431, "the request headers are too large");
      return;
    }
    // The request target as sent: "//etc/passwd" must not become host "etc", path "/passwd".
    int end = target.length();
    for (char c : new char[] {'?', '#'}) {
      int i = target.indexOf(c);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    String rawPath = target.substring(0, end);
    if (rawPath.startsWith(INTERNAL)) {
      internal(exchange, rawPath);
      return;
    }
    RequestPath.Result parsed = RequestPath.parse(rawPath);
    if (parsed instanceof RequestPath.Refused refused) {
      text(exchange, refused.status(), "refused: " + refused.reason());
      return;
    }
    RequestPath.Site path = (RequestPath.Site) parsed;
    LiveSite.State state = site.state();
    if (!state.good()) {
      send(
          exchange,
          500,
          ContentTypes.of("x.html"),
          LivePages.problemsPage(state.build(), state.problems()).getBytes(StandardCharsets.UTF_8));
      return;
    }
    OutputFile file = state.files().get(path.file());
    if (file == null && !path.folder() && state.files().containsKey(path.file() + "/index.html")) {
      // A folder without its slash: relative links only work from the slashed URL.
      String query = exchange.getRequestURI().getRawQuery();
      exchange
          .getResponseHeaders()
          .set("Location", rawPath + "/" + (query == null ? "" : "?" + query));
      text(exchange, 301, "moved to " + rawPath + "/");
      return;
    }
    if (file == null) {
      file = site.stale(path.file()).orElse(null);
    }
    if (file == null) {
      OutputFile notFound = notFound(state, path.file());
      if (notFound == null) {
        text(exchange, 404, "not found");
      } else {
        page(exchange, 404, notFound, state);
      }
      return;
    }
    page(exchange, 200, file, state);
  }

  /**
   * The {@code 404.html} nearest to a missing file, up its folders to the site's own, as static
   * hosts look for it: a missing Chinese page gets the Chinese one.
   */
  private static OutputFile notFound(LiveSite.State state, String file) {
    String folder = file;
    while (true) {
      int slash = folder.lastIndexOf('/');
      folder = slash < 0 ? "" : folder.substring(0, slash);
      OutputFile page = state.files().get(folder.isEmpty() ? "404.html" : folder + "/404.html");
      if (page != null || folder.isEmpty()) {
        return page;
      }
    }
  }

  /** A site file; HTML gets the live script, and the overlay after a failed build. */
  private void page(HttpExchange exchange, int status, OutputFile file, LiveSite.State state)
      throws IOException {
    String type = ContentTypes.of(file.path());
    byte[] bytes = file.bytes();
    if (ContentTypes.isHtml(file.path())) {
      List<Problem> overlay = state.failed() ? state.problems() : List.of();
      bytes =
          LivePages.decorate(file.text(), state.build(), overlay, state.assets())
              .getBytes(StandardCharsets.UTF_8);
    }
    send(exchange, status, type, bytes);
  }

  private void internal(HttpExchange exchange, String rawPath) throws IOException {
    if (rawPath.equals(INTERNAL + "events")) {
      events(exchange);
      return;
    }
    Asset asset = assets.get(rawPath);
    if (asset == null) {
      text(exchange, 404, "not found");
    } else {
      send(exchange, 200, asset.type(), asset.bytes());
    }
  }

  /** Server-sent events: {@code hello} with the build number, then {@code reload} after builds. */
  private void events(HttpExchange exchange) throws IOException {
    Optional<LiveReload.Client> opened = reload.open();
    if (opened.isEmpty()) {
      text(exchange, 503, "too many live-reload connections");
      return;
    }
    LiveReload.Client client = opened.get();
    try {
      Headers h = exchange.getResponseHeaders();
      h.set("Content-Type", "text/event-stream; charset=utf-8");
      h.set("Cache-Control", "no-store");
      if (exchange.getRequestMethod().equals("HEAD")) {
        exchange.sendResponseHeaders(200, -1);
        return;
      }
      exchange.sendResponseHeaders(200, 0);
      OutputStream body = exchange.getResponseBody();
      write(body, "retry: 1000\nevent: hello\ndata: " + site.state().build() + "\n\n");
      long heartbeat = Math.max(1, settings.heartbeat().toMillis());
      for (Optional<String> m = client.next(heartbeat); m.isPresent(); m = client.next(heartbeat)) {
        write(body, m.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the server is stopping
    } finally {
      try {
        exchange.close(); // ends the response before the stream counts as gone
      } finally {
        client.remove();
      }
    }
  }

  private static void write(OutputStream body, String text) throws IOException {
    body.write(text.getBytes(StandardCharsets.UTF_8));
    body.flush();
  }

  private static void text(HttpExchange exchange, int status, String message) throws IOException {
    send(
        exchange,
        status,
        ContentTypes.of("x.txt"),
        (message + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] bytes)
      throws IOException {
    Headers h = exchange.getResponseHeaders();
    h.set("Content-Type", type);
    h.set("Cache-Control", "no-store");
    h.set("X-Content-Type-Options", "nosniff");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head || bytes.length == 0 ? -1 : bytes.length);
    if (!head && bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
  }

  private static int headerBytes(Headers headers) {
    int total = 0;
    for (var e : headers.entrySet()) {
      for (String v : e.getValue()) {
        total += e.getKey().length() + v.length() + 4;
      }
    }
    return total;
  }

  /** Frees the port of a server that was never started (stop alone keeps it bound). */
  private static void release(HttpServer http) {
    http.start();
    http.stop(0);
  }

  private static byte[] resource(String name) {
    try (InputStream in = PreviewServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
