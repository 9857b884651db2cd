package dev.kbgen.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Debian's Chromium and ChromeDriver (and, for the accessibility checks, axe-core from {@code
 * src/test/browser}). When one is missing the calling test is skipped with one line saying how to
 * install it, except in CI ({@code CI=true}), where it fails.
 */
public final class Chromium {
  private static final List<String> CANDIDATES =
      List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");

  /** ChromeDriver from Debian's {@code chromium-driver}; never downloaded. */
  public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  /** axe-core, pinned in {@code src/test/browser/package-lock.json}. */
  public static final Path AXE = Path.of("src/test/browser/node_modules/axe-core/axe.min.js");

  private Chromium() {}

  public static Optional<Path> binary() {
    return CANDIDATES.stream().map(Path::of).filter(Files::isExecutable).findFirst();
  }

  /** Skips the test when there is no Chromium or ChromeDriver, or fails it in CI. */
  public static Path require() {
    List<String> missing = new ArrayList<>();
    if (binary().isEmpty()) {
      missing.add("chromium");
    }
    if (!Files.isExecutable(DRIVER)) {
      missing.add("chromium-driver");
    }
    check(
        missing.isEmpty(),
        "browser tests need "
            + String.join(" and ", missing)
            + ": apt-get install -y "
            + String.join(" ", missing));
    return binary().orElseThrow();
  }

  /** {@link #require()} plus axe-core; returns axe.min.js. */
  public static Path requireAxe() {
    require();
    check(
        Files.isRegularFile(AXE),
        "accessibility tests need axe-core: npm ci --prefix src/test/browser");
    return AXE;
  }

  private static final java.util.Set<String> SAID =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  private static void check(boolean ok, String message) {
    if (!ok && "true".equals(System.getenv("CI"))) {
      throw new AssertionError("required in CI: " + message);
    }
    if (!ok && SAID.add(message)) {
      // Surefire does not show why a class was skipped in @BeforeAll: say it once, plainly.
      System.out.println("[WARNING] skipped: " + message);
    }
    assumeTrue(ok, message);
  }
}
