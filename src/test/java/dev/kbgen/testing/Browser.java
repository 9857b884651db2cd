package dev.kbgen.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium driven through Debian's ChromeDriver (configured by path: Selenium Manager
 * never runs), with no network of its own, a fresh profile, and console and network logs kept so
 * that a test can check that no page logged an error or failed a request.
 */
public final class Browser implements AutoCloseable {
  public static final int DESKTOP_WIDTH = 1280;
  public static final int DESKTOP_HEIGHT = 900;

  /**
   * Held so that the level sticks: Selenium's note that it has no CDP bindings for this version.
   */
  private static final java.util.logging.Logger SELENIUM_LOG =
      java.util.logging.Logger.getLogger("org.openqa.selenium");

  private final ChromeDriver driver;
  private final Path profile;
  private final Map<String, String> requestUrls = new HashMap<>();

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /**
   * Starts Chromium, or skips the calling test (fails it in CI) when it or its driver is absent.
   */
  public static Browser start() {
    Path binary = Chromium.require();
    SELENIUM_LOG.setLevel(Level.SEVERE);
    System.setProperty("webdriver.chrome.driver", Chromium.DRIVER.toString());
    Path profile;
    try {
      profile = Files.createTempDirectory("kbgen-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(binary.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--user-data-dir=" + profile,
        "--window-size=" + DESKTOP_WIDTH + "," + DESKTOP_HEIGHT);
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL", "performance", "ALL"));
    options.setExperimentalOption("perfLoggingPrefs", Map.of("enableNetwork", true));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(Chromium.DRIVER.toString()))
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    Browser browser = new Browser(driver, profile);
    browser.desktop();
    return browser;
  }

  public WebDriver driver() {
    return driver;
  }

  /** Loads a page and waits for it and its deferred scripts. */
  public void open(String url) {
    driver.get(url);
    waitFor(d -> "complete".equals(js("return document.readyState")));
  }

  public Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  public Object jsAsync(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
  }

  public WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  public List<WebElement> findAll(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  public <T> T waitFor(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(10)).until(condition);
  }

  public Map<String, Object> cdp(String method, Map<String, Object> params) {
    return driver.executeCdpCommand(method, params);
  }

  /** prefers-color-scheme: dark (or back to the default, light). */
  public void dark(boolean on) {
    cdp(
        "Emulation.setEmulatedMedia",
        Map.of(
            "features",
            List.of(Map.of("name", "prefers-color-scheme", "value", on ? "dark" : "light"))));
  }

  /** A 375x812 phone viewport. */
  public void phone() {
    cdp(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", 375, "height", 812, "deviceScaleFactor", 1, "mobile", true));
  }

  /** The 1280x900 desktop viewport. */
  public void desktop() {
    cdp(
        "Emulation.setDeviceMetricsOverride",
        Map.of(
            "width",
            DESKTOP_WIDTH,
            "height",
            DESKTOP_HEIGHT,
            "deviceScaleFactor",
            1,
            "mobile",
            false));
  }

  /**
   * Console errors and failed requests since the last call (the logs are drained): uncaught
   * exceptions, console.error, resources that failed to load or answered 4xx/5xx.
   */
  @SuppressWarnings("unchecked")
  public List<String> problems() {
    List<String> out = new ArrayList<>();
    for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
        out.add("console: " + e.getMessage());
      }
    }
    Json json = new Json();
    for (LogEntry e : driver.manage().logs().get(LogType.PERFORMANCE)) {
      Map<String, Object> message =
          (Map<String, Object>)
              ((Map<String, Object>) json.toType(e.getMessage(), Map.class)).get("message");
      String method = String.valueOf(message.get("method"));
      Map<String, Object> params = (Map<String, Object>) message.get("params");
      if (params == null) {
        continue;
      }
      switch (method) {
        case "Network.requestWillBeSent" -> {
          Map<String, Object> request = (Map<String, Object>) params.get("request");
          requestUrls.put(String.valueOf(params.get("requestId")), (String) request.get("url"));
        }
        case "Network.responseReceived" -> {
          Map<String, Object> response = (Map<String, Object>) params.get("response");
          Number status = (Number) response.get("status");
          if (status != null && status.intValue() >= 400) {
            out.add("HTTP " + status + ": " + response.get("url"));
          }
        }
        case "Network.loadingFailed" -> {
          // Only the pages' own requests (seen being sent); not the browser's internal ones.
          String url = requestUrls.get(String.valueOf(params.get("requestId")));
          if (url != null && !Boolean.TRUE.equals(params.get("canceled"))) {
            out.add("failed " + params.get("errorText") + ": " + url);
          }
        }
        default -> {}
      }
    }
    return out;
  }

  /** Saves a PNG of the viewport. */
  public void screenshot(Path file) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a leftover temp profile is harmless
      }
    }
  }
}
