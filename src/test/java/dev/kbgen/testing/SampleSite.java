package dev.kbgen.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.kbgen.build.BuildOptions;
import dev.kbgen.build.Pipeline;
import dev.kbgen.publish.DiskPublisher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * The repository's sample knowledge base built once per test run into {@code target/browser-site},
 * and a plain static HTTP server over it (no live reload, unlike {@code kbgen serve}).
 */
public final class SampleSite {
  /** How the site is opened: from disk or over HTTP. */
  public enum Origin {
    FILE,
    HTTP
  }

  private static Path site;
  private static HttpServer server;

  private SampleSite() {}

  public static synchronized Path dir() {
    if (site == null) {
      try {
        Path out = Path.of("target", "browser-site").toAbsolutePath();
        if (Files.exists(out)) {
          try (Stream<Path> files = Files.walk(out)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
          }
        }
        var result =
            new Pipeline(
                    new BuildOptions(
                        SiteFixture.repoContent(), SiteFixture.repoTemplates(), false, Path.of("")))
                .run(new DiskPublisher(out));
        assertThat(result.failed()).isFalse();
        site = out;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return site;
  }

  /** The URL of a page of the site ({@code en/index.html}, with an optional query). */
  public static String url(Origin origin, String page) {
    return origin == Origin.FILE ? dir().toUri() + page : http() + page;
  }

  private static synchronized String http() {
    if (server == null) {
      Path root = dir();
      try {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server.setExecutor(
          Executors.newFixedThreadPool(
              4,
              r -> {
                Thread t = new Thread(r, "sample-site-http");
                t.setDaemon(true);
                return t;
              }));
      server.createContext(
          "/",
          exchange -> {
            Path file = root.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            if (Files.isDirectory(file)) {
              file = file.resolve("index.html");
            }
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
              exchange.sendResponseHeaders(404, -1);
            } else {
              exchange.getResponseHeaders().add("Content-Type", type(file.toString()));
              byte[] bytes = Files.readAllBytes(file);
              exchange.sendResponseHeaders(200, bytes.length);
              exchange.getResponseBody().write(bytes);
            }
            exchange.close();
          });
      server.start();
    }
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  private static String type(String name) {
    if (name.endsWith(".js")) {
      return "text/javascript; charset=utf-8";
    } else if (name.endsWith(".css")) {
      return "text/css; charset=utf-8";
    } else if (name.endsWith(".svg")) {
      return "image/svg+xml";
    } else if (name.endsWith(".xml")) {
      return "application/xml";
    } else if (name.endsWith(".json")) {
      return "application/json";
    }
    return "text/html; charset=utf-8";
  }
}
