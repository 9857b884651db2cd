package dev.kbgen;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.kbgen.build.BuildOptions;
import dev.kbgen.build.BuildResult;
import dev.kbgen.build.Pipeline;
import dev.kbgen.publish.DiskPublisher;
import dev.kbgen.testing.SiteFixture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Walks every link of the built sample site, as a browser would from disk and from a server. */
class SiteLinksTest {
  @TempDir static Path tmp;
  static Path site;
  static List<String> pages;

  @BeforeAll
  static void build() throws IOException {
    site = tmp.resolve("site");
    BuildResult result =
        new Pipeline(
                new BuildOptions(
                    SiteFixture.repoContent(), SiteFixture.repoTemplates(), false, Path.of("")))
            .run(new DiskPublisher(site));
    assertThat(result.failed()).isFalse();
    try (Stream<Path> walk = Files.walk(site)) {
      pages =
          walk.filter(p -> p.toString().endsWith(".html"))
              .map(p -> site.relativize(p).toString().replace('\\', '/'))
              .sorted()
              .toList();
    }
    assertThat(pages)
        .contains(
            "index.html",
            "en/index.html",
            "zh/index.html",
            "404.html",
            "en/404.html",
            "zh/404.html");
  }

  /** Every href/src of every page, resolved to a path from the site root (with its fragment). */
  static Set<String> internalTargets(String page, Document doc, List<String> broken) {
    Set<String> targets = new TreeSet<>();
    for (Element e : doc.select("a[href], link[href], script[src], img[src], form[action]")) {
      String attr = e.hasAttr("href") ? "href" : e.hasAttr("src") ? "src" : "action";
      String url = e.attr(attr);
      if (url.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
        assertThat(url).as("external link on " + page).matches("^(https?|mailto|tel):.*");
        if (e.tagName().equals("link") || e.tagName().equals("script")) {
          // Stylesheets and scripts must come from the site itself: the site works offline.
          if (!e.attr("rel").equals("canonical") && !e.attr("rel").equals("alternate")) {
            broken.add(page + ": external resource " + url);
          }
        }
        continue;
      }
      if (url.startsWith("#")) {
        targets.add(page + url);
        continue;
      }
      String base = page;
      if (page.endsWith("404.html")) {
        assertThat(url).as("404 links start at the base path").startsWith("/");
        url = url.substring(1);
        base = "404.html"; // resolved from the site's root, at any depth
      } else {
        assertThat(url).as("link on " + page + " must be relative").doesNotStartWith("/");
      }
      String fragment = "";
      int hash = url.indexOf('#');
      if (hash >= 0) {
        fragment = url.substring(hash);
        url = url.substring(0, hash);
      }
      if (url.isEmpty()) {
        targets.add(base + fragment);
        continue;
      }
      Path resolved = Path.of("/" + base).getParent().resolve(url).normalize();
      String target = resolved.toString().substring(1);
      targets.add(URLDecoder.decode(target, StandardCharsets.UTF_8) + fragment);
    }
    return targets;
  }

  @Test
  void everyInternalLinkResolvesOnDisk() throws IOException {
    List<String> broken = new ArrayList<>();
    int checked = 0;
    for (String page : pages) {
      Document doc = Jsoup.parse(site.resolve(page).toFile(), "UTF-8");
      for (String target : internalTargets(page, doc, broken)) {
        checked++;
        String path = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
        Path file = site.resolve(path);
        if (!Files.isRegularFile(file)) {
          broken.add(page + " -> " + target + " (no such file)");
          continue;
        }
        if (file.toString().endsWith("/") || Files.isDirectory(file)) {
          broken.add(page + " -> " + target + " (a folder: file:// shows no index.html)");
        }
        if (target.contains("#") && path.endsWith(".html")) {
          String id =
              URLDecoder.decode(target.substring(target.indexOf('#') + 1), StandardCharsets.UTF_8);
          Document t = Jsoup.parse(file.toFile(), "UTF-8");
          if (!id.isEmpty() && t.getElementById(id) == null) {
            broken.add(page + " -> " + target + " (no element with that id)");
          }
        }
      }
    }
    assertThat(broken).as("broken links").isEmpty();
    assertThat(checked).isGreaterThan(1000);
  }

  @Test
  void everyPageAndLinkIsServedOverHttp() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          Path file = site.resolve(path.substring(1)).normalize();
          if (path.endsWith("/")) {
            file = file.resolve("index.html");
          }
          if (!file.startsWith(site) || !Files.isRegularFile(file)) {
            exchange.sendResponseHeaders(404, -1);
          } else {
            byte[] bytes = Files.readAllBytes(file);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
          }
          exchange.close();
        });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
      HttpClient client = HttpClient.newHttpClient();
      Set<String> targets = new TreeSet<>();
      List<String> broken = new ArrayList<>();
      for (String page : pages) {
        HttpResponse<String> response =
            client.send(
                HttpRequest.newBuilder(URI.create(base + page)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(page).isEqualTo(200);
        for (String t : internalTargets(page, Jsoup.parse(response.body()), broken)) {
          targets.add(t.contains("#") ? t.substring(0, t.indexOf('#')) : t);
        }
      }
      for (String t : targets) {
        String encoded = new URI(null, null, "/" + t, null).getRawPath();
        int status =
            client
                .send(
                    HttpRequest.newBuilder(URI.create(base + encoded.substring(1))).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode();
        if (status != 200) {
          broken.add(t + " -> HTTP " + status);
        }
      }
      assertThat(broken).isEmpty();
    } finally {
      server.stop(0);
    }
  }

  @Test
  void languageSwitchOnAnArticleLandsOnTheSameArticle() throws IOException {
    Document en =
        Jsoup.parse(site.resolve("en/sync/windows-access-denied/index.html").toFile(), "UTF-8");
    Element zhLink = en.selectFirst("a[hreflang=zh]");
    assertThat(zhLink).isNotNull();
    Path target =
        site.resolve("en/sync/windows-access-denied/index.html")
            .getParent()
            .resolve(zhLink.attr("href"))
            .normalize();
    assertThat(site.relativize(target).toString())
        .isEqualTo("zh/sync/windows-access-denied/index.html");
    Document zh = Jsoup.parse(target.toFile(), "UTF-8");
    assertThat(zh.selectFirst("h1").text()).contains("0x80070005");
    assertThat(zh.selectFirst("html").attr("lang")).startsWith("zh");
  }
}
