package dev.kbgen.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium from the system (Debian's {@code chromium}), started with no network access of
 * its own. Absent Chromium skips the calling test, except in CI ({@code CI=true}).
 */
public final class Chromium {
  private static final List<String> CANDIDATES =
      List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");

  private Chromium() {}

  public static Optional<Path> binary() {
    return CANDIDATES.stream().map(Path::of).filter(Files::isExecutable).findFirst();
  }

  /** Skips the test when there is no Chromium, or fails it in CI. */
  public static Path require() {
    Optional<Path> bin = binary();
    if (bin.isEmpty() && "true".equals(System.getenv("CI"))) {
      throw new AssertionError("Chromium is required in CI: apt-get install -y chromium");
    }
    assumeTrue(
        bin.isPresent(),
        "Chromium not found: install it (Debian: apt-get install -y chromium) to run browser tests");
    return bin.get();
  }

  /** Loads a page, lets its scripts run, and returns the DOM as HTML. */
  public static String dumpDom(String url) throws IOException {
    Path bin = require();
    Path profile = Files.createTempDirectory("kbgen-chromium-");
    Process p =
        new ProcessBuilder(
                bin.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--virtual-time-budget=8000",
                "--dump-dom",
                url)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("chromium timed out on " + url);
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
