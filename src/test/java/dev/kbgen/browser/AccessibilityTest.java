package dev.kbgen.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbgen.testing.Browser;
import dev.kbgen.testing.Chromium;
import dev.kbgen.testing.SampleSite;
import dev.kbgen.testing.SampleSite.Origin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * axe-core (pinned in src/test/browser, injected from disk) on the home page, an article with wide
 * code blocks, an article with a task list, a results page and a tag page in both languages, at
 * desktop and phone width, in light and dark: no serious or critical violations. Screenshots of
 * each (desktop 1280x900 and phone 375x812, light and dark) go to target/screenshots/; the axe
 * summary to target/axe-report.txt.
 */
class AccessibilityTest {
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final Map<String, String> REPORT = new TreeMap<>();
  static Browser browser;
  static String axe;

  private static final String RUN_AXE =
      """
      var done = arguments[arguments.length - 1];
      axe.run(document, { resultTypes: ['violations'] }).then(function (r) {
        done(r.violations.map(function (v) {
          return { id: v.id, impact: v.impact || '', help: v.help,
                   nodes: v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); }).join(', ') };
        }));
      }, function (e) { done([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: '' }]); });
      """;

  static Stream<Arguments> pages() {
    List<Arguments> out = new ArrayList<>();
    for (String lang : List.of("en", "zh")) {
      out.add(Arguments.of(lang + "-home", lang + "/index.html"));
      out.add(Arguments.of(lang + "-article", lang + "/sync/windows-access-denied/index.html"));
      out.add(Arguments.of(lang + "-results", lang + "/search/index.html?q=0x80070005"));
      out.add(Arguments.of(lang + "-tag", lang + "/tags/payments/index.html"));
    }
    // Task lists (a checkbox per item), in each language.
    out.add(Arguments.of("en-tasks", "en/billing/us-sales-tax-exemption/index.html"));
    out.add(Arguments.of("zh-tasks", "zh/billing/fapiao-wechat-alipay/index.html"));
    return out.stream();
  }

  @BeforeAll
  static void start() throws IOException {
    axe = Files.readString(Chromium.requireAxe(), StandardCharsets.UTF_8);
    browser = Browser.start();
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void stop() throws IOException {
    if (browser != null) {
      browser.close();
    }
    if (!REPORT.isEmpty()) {
      StringBuilder out = new StringBuilder();
      REPORT.forEach((page, result) -> out.append(page).append(": ").append(result).append('\n'));
      Files.writeString(Path.of("target", "axe-report.txt"), out, StandardCharsets.UTF_8);
    }
  }

  @AfterEach
  void noConsoleErrorsNorFailedRequests() {
    List<String> problems = browser.problems();
    browser.desktop();
    browser.dark(false);
    assertThat(problems).as("console errors and failed requests").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void noSeriousOrCriticalViolations(String name, String page) {
    List<String> serious = new ArrayList<>();
    for (boolean dark : List.of(false, true)) {
      String mode = dark ? "dark" : "light";
      browser.desktop();
      browser.dark(dark);
      browser.open(SampleSite.url(Origin.HTTP, page));
      if (page.contains("?q=")) {
        browser.waitFor(d -> !browser.findAll("#search-results li").isEmpty());
      }
      check(name, "desktop " + mode, serious);
      browser.screenshot(SCREENSHOTS.resolve(name + "-desktop-" + mode + ".png"));
      // At phone width code blocks and tables scroll sideways inside the page.
      browser.phone();
      browser.js("window.scrollTo(0, 0)");
      check(name, "phone " + mode, serious);
      browser.screenshot(SCREENSHOTS.resolve(name + "-phone-" + mode + ".png"));
    }
    assertThat(serious).as("serious or critical axe violations on " + page).isEmpty();
  }

  private static void check(String name, String view, List<String> serious) {
    List<String> found = axe();
    serious.addAll(found.stream().map(v -> view + " " + v).toList());
    REPORT.put(
        name + " " + view, found.isEmpty() ? "0 serious/critical" : String.join("; ", found));
  }

  @SuppressWarnings("unchecked")
  private static List<String> axe() {
    browser.js(axe);
    List<Map<String, Object>> violations = (List<Map<String, Object>>) browser.jsAsync(RUN_AXE);
    return violations.stream()
        .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
        .map(
            v ->
                v.get("impact")
                    + " "
                    + v.get("id")
                    + " ("
                    + v.get("help")
                    + ") at "
                    + v.get("nodes"))
        .toList();
  }
}
