package dev.kbgen.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.kbgen.build.BuildOptions;
import dev.kbgen.build.Pipeline;
import dev.kbgen.publish.DiskPublisher;
import dev.kbgen.testing.Chromium;
import dev.kbgen.testing.SiteFixture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search page in headless Chromium, from disk (file://) and from a server. */
class BrowserSearchTest {
  @TempDir static Path tmp;
  static Path site;
  static HttpServer server;
  static String http;

  @BeforeAll
  static void build() throws IOException {
    Chromium.require();
    site = tmp.resolve("site");
    var result =
        new Pipeline(
                new BuildOptions(
                    SiteFixture.repoContent(), SiteFixture.repoTemplates(), false, Path.of("")))
            .run(new DiskPublisher(site));
    assertThat(result.failed()).isFalse();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          Path file = site.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
          if (!file.startsWith(site) || !Files.isRegularFile(file)) {
            exchange.sendResponseHeaders(404, -1);
          } else {
            String name = file.getFileName().toString();
            exchange
                .getResponseHeaders()
                .add(
                    "Content-Type",
                    name.endsWith(".js")
                        ? "text/javascript; charset=utf-8"
                        : name.endsWith(".css") ? "text/css" : "text/html; charset=utf-8");
            byte[] bytes = Files.readAllBytes(file);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
          }
          exchange.close();
        });
    server.start();
    http = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private static String fileUrl(String page, String query) {
    return site.resolve(page).toUri() + query;
  }

  private static String q(String text) {
    return "?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static List<String> results(String url) throws IOException {
    Document dom = Jsoup.parse(Chromium.dumpDom(url));
    return dom.select("#search-results .search-result-title a").eachAttr("href");
  }

  @Test
  void anErrorCodeFindsItsArticleFirstFromDisk() throws IOException {
    List<String> hrefs = results(fileUrl("en/search/index.html", q("0x80070005")));
    assertThat(hrefs).isNotEmpty();
    assertThat(hrefs.get(0)).endsWith("en/sync/windows-access-denied/index.html");
  }

  @Test
  void aMixedChineseQueryFindsTheChineseArticleFromDisk() throws IOException {
    List<String> hrefs = results(fileUrl("zh/search/index.html", q("同步报错 0x80070005")));
    assertThat(hrefs).isNotEmpty();
    assertThat(hrefs.get(0)).endsWith("zh/sync/windows-access-denied/index.html");
  }

  @Test
  void aLayChineseQueryWorksOverHttp() throws IOException {
    List<String> hrefs = results(http + "zh/search/index.html" + q("登录以后页面一片空白"));
    assertThat(hrefs).isNotEmpty();
    assertThat(hrefs.get(0)).endsWith("zh/account/blank-page-after-login/index.html");
  }

  @Test
  void aTypoIsCorrectedAndSaidOverHttp() throws IOException {
    String dom = Chromium.dumpDom(http + "en/search/index.html" + q("webhok delivery failing"));
    Document doc = Jsoup.parse(dom);
    List<String> hrefs = doc.select("#search-results .search-result-title a").eachAttr("href");
    assertThat(hrefs).isNotEmpty();
    assertThat(hrefs.get(0)).endsWith("en/api/webhook-delivery-failures/index.html");
    Element suggest = doc.getElementById("search-suggest");
    assertThat(suggest).isNotNull();
    assertThat(suggest.text()).contains("webhook");
  }

  @Test
  void aProductFilterFromTheUrlKeepsOnlyThatProduct() throws IOException {
    String url = fileUrl("en/search/index.html", q("account") + "&product=billing");
    List<String> hrefs = results(url);
    List<String> unfiltered = results(fileUrl("en/search/index.html", q("account")));
    assertThat(unfiltered).anyMatch(h -> !h.contains("/billing/"));
    assertThat(hrefs).isNotEmpty().allMatch(h -> h.contains("en/billing/"));
  }
}
