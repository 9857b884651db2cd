package dev.kbgen.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbgen.testing.Browser;
import dev.kbgen.testing.SampleSite;
import dev.kbgen.testing.SampleSite.Origin;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The sample site as a reader uses it, in headless Chromium: every scenario from disk (file://) and
 * over HTTP, in English and Chinese. After each test, no page it visited may have logged a console
 * error or failed a request.
 */
class SiteBrowserTest {
  static Browser browser;

  /** Per-language test data, all from the sample knowledge base. */
  record Lang(
      String code,
      String other,
      String errorCode,
      String errorCodeArticle,
      List<String[]> queries,
      String typo,
      String typoArticle,
      String typoCorrection,
      String otherLanguageOnly,
      String broadQuery,
      String untranslatedArticle) {
    @Override
    public String toString() {
      return code;
    }
  }

  static final Lang EN =
      new Lang(
          "en",
          "zh",
          "0x80070005",
          "en/sync/windows-access-denied/index.html",
          List.of(
              new String[] {
                "I see the subscription amount debited two times from my card on the same day",
                "en/billing/double-charged/index.html"
              },
              new String[] {
                "desktop app says it can't connect when I'm at the office but works fine from home",
                "en/sync/proxy-certificate-error/index.html"
              }),
          // "acces" stems to "acc", one edit from the term "acl": the typed word is compared with
          // how the articles spell words, and the suggestion shows those spellings
          "sync pasued acces denied",
          "en/sync/windows-access-denied/index.html",
          "sync paused access denied",
          "付款",
          "account payment",
          "en/billing/us-sales-tax-exemption/index.html");

  static final Lang ZH =
      new Lang(
          "zh",
          "en",
          "ORB-SYNC-1042",
          "zh/sync/files-stuck-syncing/index.html",
          List.of(
              new String[] {
                "登进去之后页面啥都没有，一刷新又跳回登录页", "zh/account/blank-page-after-login/index.html"
              },
              new String[] {"你的卡被拒绝。请尝试其他付款方式或联系你的银行。", "zh/billing/card-declined/index.html"},
              new String[] {"公司电脑同步暂停 报 0x80070005", "zh/sync/windows-access-denied/index.html"},
              new String[] {"Java SDK 下载大文件 OOM", "zh/api/java-sdk-out-of-memory/index.html"}),
          "webhok 一直 502，接收端被停用了",
          "zh/api/webhook-delivery-failures/index.html",
          "webhook",
          "sales tax",
          "账户 扣款 登录",
          "zh/billing/fapiao-wechat-alipay/index.html");

  static Stream<Arguments> sites() {
    List<Arguments> out = new ArrayList<>();
    for (Origin origin : Origin.values()) {
      for (Lang lang : List.of(EN, ZH)) {
        out.add(Arguments.of(origin, lang));
      }
    }
    return out.stream();
  }

  @BeforeAll
  static void start() {
    browser = Browser.start();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  @AfterEach
  void noConsoleErrorsNorFailedRequests() {
    List<String> problems = browser.problems();
    browser.desktop();
    browser.dark(false);
    assertThat(problems).as("console errors and failed requests").isEmpty();
  }

  private static String searchPage(Origin origin, Lang lang, String query) {
    return SampleSite.url(
        origin,
        lang.code()
            + "/search/index.html?q="
            + URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20"));
  }

  /** Read in one script, so results re-rendered meanwhile cannot leave a stale element. */
  @SuppressWarnings("unchecked")
  private static List<String> resultHrefs() {
    return (List<String>)
        browser.js(
            "return Array.from(document.querySelectorAll("
                + "'#search-results .search-result-title a')).map(function (a) { return a.href; });");
  }

  /** Waits for the results page to settle on results (or on its no-results state). */
  private static List<String> waitForResults() {
    browser.waitFor(
        d ->
            !browser.findAll("#search-results .search-result-title a").isEmpty()
                || browser.find("#search-empty").isDisplayed());
    return resultHrefs();
  }

  private static String activeId() {
    return (String) browser.js("return document.activeElement && document.activeElement.id");
  }

  /**
   * The page's Content Security Policy is in force (from disk too, where {@code 'self'} must still
   * allow the site's own scripts): an injected inline script does not run, and the violation is a
   * console error, so every other test here, which fails on console errors, shows that the policy
   * blocks nothing the site needs.
   */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("sites")
  void theContentSecurityPolicyBlocksInlineScript(Origin origin, Lang lang) {
    browser.open(SampleSite.url(origin, lang.code() + "/index.html"));
    assertThat(browser.findAll("head > meta[http-equiv=Content-Security-Policy]")).hasSize(1);
    Object ran =
        browser.js(
            "var s = document.createElement('script');"
                + " s.textContent = 'window.__kbgenInline = 1;';"
                + " document.head.appendChild(s);"
                + " return window.__kbgenInline === 1;");
    assertThat(ran).isEqualTo(false);
    assertThat(browser.problems()).anyMatch(p -> p.contains("Content Security Policy"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("sites")
  void homeRendersAndSlashFocusesTheSearchBox(Origin origin, Lang lang) {
    browser.open(SampleSite.url(origin, lang.code() + "/index.html"));
    assertThat(browser.js("return document.documentElement.lang")).asString().startsWith(lang.code);
    assertThat(browser.find("#home-search").isDisplayed()).isTrue();
    assertThat(browser.findAll("main a[href]")).hasSizeGreaterThan(5);
    assertThat(activeId()).isNotEqualTo("home-search");
    new Actions(browser.driver()).sendKeys("/").perform();
    assertThat(activeId()).isEqualTo("home-search");
    assertThat(browser.find("#home-search").getAttribute("value")).isEmpty();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("sites")
  void anErrorCodeShowsItsArticleFirstAndTheKeyboardOpensIt(Origin origin, Lang lang) {
    browser.open(SampleSite.url(origin, lang.code() + "/index.html"));
    WebElement input = browser.find("#home-search");
    input.sendKeys(lang.errorCode());
    browser.waitFor(
        d ->
            "true".equals(input.getAttribute("aria-expanded"))
                && browser.findAll("#home-search-listbox .search-option--all").stream()
                    .anyMatch(a -> a.getText().contains(lang.errorCode())));
    WebElement first = browser.find("#home-search-listbox-0");
    assertThat(first.getAttribute("role")).isEqualTo("option");
    assertThat(first.getAttribute("href")).endsWith(lang.errorCodeArticle());
    input.sendKeys(Keys.ARROW_DOWN);
    assertThat(first.getAttribute("aria-selected")).isEqualTo("true");
    assertThat(input.getAttribute("aria-activedescendant")).isEqualTo(first.getAttribute("id"));
    input.sendKeys(Keys.ENTER);
    browser.waitFor(d -> d.getCurrentUrl().endsWith(lang.errorCodeArticle()));
    browser.waitFor(d -> "complete".equals(browser.js("return document.readyState")));
  }

  /**
   * A misspelt last word that no word starts with is corrected in the box as on the results page:
   * "sesion" showed "No results" there, and results after Enter.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(Origin.class)
  void theBoxCorrectsAMisspeltWordAsTheResultsPageDoes(Origin origin) {
    for (String[] q :
        List.of(
            new String[] {"sesion", "en/mobile/android-signed-out/index.html"},
            new String[] {"too many redirets", "en/account/blank-page-after-login/index.html"})) {
      browser.open(searchPage(origin, EN, q[0]));
      List<String> page = waitForResults();
      assertThat(page).as(q[0]).isNotEmpty();
      assertThat(page.get(0)).as(q[0]).endsWith(q[1]);
      assertThat(firstSuggestion(origin, "en", q[0])).as(q[0]).endsWith(q[1]);
    }
  }

  /**
   * A code typed in part finds the article of the code it starts, while it is being typed and on
   * the results page that Enter or "see all" leads to, which found nothing for it.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(Origin.class)
  void aCodeTypedInPartFindsItsArticleInTheBoxAndOnTheResultsPage(Origin origin) {
    // the words around the code are left out as when it is typed whole; a code typed right after
    // Chinese is one too
    for (String[] typed :
        List.of(
            new String[] {"en", "0x8007", "en/sync/windows-access-denied/index.html"},
            new String[] {"en", "error ORB-SYNC-13", "en/sync/windows-access-denied/index.html"},
            new String[] {"zh", "报错0x8007", "zh/sync/windows-access-denied/index.html"})) {
      assertThat(firstSuggestion(origin, typed[0], typed[1])).as(typed[1]).endsWith(typed[2]);
      browser.open(searchPage(origin, typed[0].equals("en") ? EN : ZH, typed[1]));
      List<String> page = waitForResults();
      assertThat(page).as(typed[1]).isNotEmpty();
      assertThat(page.get(0)).as(typed[1]).endsWith(typed[2]);
      assertThat(browser.find("#search-page-input").getAttribute("value")).isEqualTo(typed[1]);
    }
  }

  /** Types into a language's home search box and returns the first suggestion's address. */
  private static String firstSuggestion(Origin origin, String lang, String typed) {
    browser.open(SampleSite.url(origin, lang + "/index.html"));
    WebElement input = browser.find("#home-search");
    input.sendKeys(typed);
    browser.waitFor(
        d ->
            "true".equals(input.getAttribute("aria-expanded"))
                && !browser.findAll("#home-search-listbox-0").isEmpty());
    return browser.find("#home-search-listbox-0").getAttribute("href");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("sites")
  void layChineseAndMixedQueriesFindTheirArticleFirst(Origin origin, Lang lang) {
    for (String[] q : lang.queries()) {
      browser.open(searchPage(origin, lang, q[0]));
      List<String> hrefs = waitForResults();
      assertThat(hrefs).as(q[0]).isNotEmpty();
      assertThat(hrefs.get(0)).as(q[0]).endsWith(q[1]);
      assertThat(browser.find("#search-page-input").getAttribute("value")).isEqualTo(q[0]);
      assertThat(browser.find("#search-status").getText()).isNotBlank();
    }
  }

  /** Types {@code 同步} as a pinyin input method does: "tongbu" composed, then committed. */
  private static void composePinyin(WebElement input) {
    input.click();
    browser.cdp(
        "Input.imeSetComposition",
        Map.of("text", "tongbu", "selectionStart", 6, "selectionEnd", 6));
    assertThat(input.getAttribute("value")).isEqualTo("tongbu");
  }

  /**
   * Gives a search started by the composition time to show: longer than the results page's 200 ms
   * pause after typing, with the index already loaded.
   */
  private static void letAnySearchRun() {
    browser.jsAsync(
        "var done = arguments[arguments.length - 1];"
            + " window.kbgen.preload().then(function () { setTimeout(done, 800); });");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Origin.class)
  void aPinyinCompositionSearchesOnlyOnceCommitted(Origin origin) {
    String encoded = URLEncoder.encode("同步", StandardCharsets.UTF_8);
    browser.open(SampleSite.url(origin, "zh/search/index.html"));
    WebElement page = browser.find("#search-page-input");
    String url = browser.driver().getCurrentUrl();
    composePinyin(page);
    letAnySearchRun();
    assertThat(browser.driver().getCurrentUrl()).isEqualTo(url);
    assertThat(browser.find("#search-status").getText()).isEmpty();
    assertThat(browser.findAll("#search-results li")).isEmpty();
    assertThat(browser.find("#search-empty").isDisplayed()).isFalse();
    browser.cdp("Input.insertText", Map.of("text", "同步"));
    assertThat(page.getAttribute("value")).isEqualTo("同步");
    List<String> hrefs = waitForResults();
    assertThat(hrefs).isNotEmpty().allMatch(h -> h.contains("/zh/"));
    assertThat(hrefs).anyMatch(h -> h.endsWith("zh/sync/files-stuck-syncing/index.html"));
    assertThat(browser.driver().getCurrentUrl()).endsWith("?q=" + encoded);

    browser.open(SampleSite.url(origin, "zh/index.html"));
    WebElement home = browser.find("#home-search");
    composePinyin(home);
    letAnySearchRun();
    assertThat(home.getAttribute("aria-expanded")).isEqualTo("false");
    assertThat(browser.findAll("#home-search-listbox [role=option]")).isEmpty();
    assertThat(browser.find("#kbgen-live").getText()).isEmpty();
    browser.cdp("Input.insertText", Map.of("text", "同步"));
    browser.waitFor(d -> "true".equals(home.getAttribute("aria-expanded")));
    WebElement all = browser.find("#home-search-listbox .search-option--all");
    assertThat(all.getAttribute("href")).endsWith("zh/search/index.html?q=" + encoded);
    assertThat(all.getText()).contains("同步");
    assertThat(browser.findAll("#home-search-listbox [role=option]")).hasSizeGreaterThan(1);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("sites")
  void aTypoIsCorrectedAndTheCorrectionOffered(Origin origin, Lang lang) {
    browser.open(searchPage(origin, lang, lang.typo()));
    List<String> hrefs = waitForResults();
    assertThat(hrefs).isNotEmpty();
    assertThat(hrefs.get(0)).endsWith(lang.typoArticle());
    WebElement suggest = browser.find("#search-suggest");
    assertThat(suggest.isDisplayed()).isTrue();
    assertThat(suggest.getText()).contains(lang.typoCorrection());
  }

  /** The correction keeps the filters, and the result holds to them. */
  @ParameterizedTest(name = "{0}")
  @EnumSource(Origin.class)
  void theCorrectionKeepsTheFilters(Origin origin) {
    browser.open(searchPage(origin, EN, "sycn") + "&product=sync");
    waitForResults();
    browser.waitFor(d -> browser.find("#search-suggest").isDisplayed());
    WebElement link = browser.find("#search-suggest a");
    assertThat(link.getText()).isEqualTo("sync");
    assertThat(link.getAttribute("href")).endsWith("/en/search/index.html?q=sync&product=sync");
    link.click();
    browser.waitFor(d -> d.getCurrentUrl().endsWith("?q=sync&product=sync"));
    browser.waitFor(d -> "complete".equals(browser.js("return document.readyState")));
    List<String> hrefs = waitForResults();
    assertThat(hrefs).isNotEmpty().allMatch(h -> h.contains("/en/sync/"));
    assertThat(browser.find("#search-page-input").getAttribute("value")).isEqualTo("sync");
    browser.waitFor(
        d ->
            "sync"
                .equals(
                    new Select(browser.find("#search-filter-product"))
                        .getFirstSelectedOption()
                        .getAttribute("value")));
  }

  /** The language switch on a results page searches the other language for the same words. */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("sites")
  void theLanguageSwitchCarriesTheQuery(Origin origin, Lang lang) {
    String query = lang.errorCode();
    browser.open(searchPage(origin, lang, query));
    waitForResults();
    String encoded = URLEncoder.encode(query, StandardCharsets.UTF_8);
    WebElement other = browser.find(".lang-switch a[hreflang='" + lang.other() + "']");
    browser.waitFor(
        d -> other.getAttribute("href").endsWith(lang.other() + "/search/index.html?q=" + encoded));

    // Typing a new query changes it too.
    String typed = (lang == EN ? ZH : EN).errorCode();
    WebElement input = browser.find("#search-page-input");
    input.clear();
    input.sendKeys(typed);
    browser.waitFor(d -> other.getAttribute("href").endsWith("/search/index.html?q=" + typed));
    other.click();
    browser.waitFor(
        d -> d.getCurrentUrl().endsWith(lang.other() + "/search/index.html?q=" + typed));
    browser.waitFor(d -> "complete".equals(browser.js("return document.readyState")));
    assertThat(browser.find("#search-page-input").getAttribute("value")).isEqualTo(typed);
    assertThat(waitForResults()).isNotEmpty().allMatch(h -> h.contains("/" + lang.other() + "/"));
  }

  @Test
  void theCorrectionKeepsTheTypedCaseAndAContractionIsNoTypo() {
    for (String[] q :
        new String[][] {
          {"Acess Denied", "Access Denied"},
          {"ACESS denied on Windows", "ACCESS denied on Windows"},
          {"sync Pasued acess", "sync Paused access"}
        }) {
      browser.open(searchPage(Origin.FILE, EN, q[0]));
      assertThat(waitForResults()).as(q[0]).isNotEmpty();
      WebElement suggest = browser.find("#search-suggest");
      assertThat(suggest.isDisplayed()).as(q[0]).isTrue();
      assertThat(browser.find("#search-suggest a").getText()).isEqualTo(q[1]);
    }
    for (String[] q :
        new String[][] {
          {"my files wont sync", "en/sync/files-stuck-syncing/index.html"},
          {"cant log in", "en/mobile/android-signed-out/index.html"}
        }) {
      browser.open(searchPage(Origin.FILE, EN, q[0]));
      List<String> hrefs = waitForResults();
      assertThat(hrefs).as(q[0]).isNotEmpty();
      assertThat(hrefs.get(0)).as(q[0]).contains(q[1]);
      assertThat(browser.find("#search-suggest").isDisplayed()).as(q[0]).isFalse();
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("sites")
  void noResultsShowsTheEmptyStateAndOffersTheOtherLanguage(Origin origin, Lang lang) {
    browser.open(searchPage(origin, lang, lang.otherLanguageOnly()));
    assertThat(waitForResults()).isEmpty();
    assertThat(browser.find("#search-empty").isDisplayed()).isTrue();
    assertThat(browser.find("#search-status").getText()).contains(lang.otherLanguageOnly());
    browser.waitFor(d -> browser.find("#search-other-lang").isDisplayed());
    WebElement offer = browser.find("#search-other-lang a");
    assertThat(offer.getAttribute("hreflang")).isEqualTo(lang.other());
    assertThat(offer.getAttribute("href")).contains(lang.other() + "/search/index.html?q=");
    offer.click();
    browser.waitFor(d -> d.getCurrentUrl().contains(lang.other() + "/search/"));
    assertThat(waitForResults()).isNotEmpty();

    // Nothing anywhere: the empty state, and no offer.
    browser.open(searchPage(origin, lang, "qzxjvkw"));
    assertThat(waitForResults()).isEmpty();
    assertThat(browser.find("#search-empty").isDisplayed()).isTrue();
    assertThat(browser.find("#search-other-lang").isDisplayed()).isFalse();
  }

  /** On a touch screen, searching from the results page puts the keyboard away. */
  @Test
  void onATouchScreenTheKeyboardGoesAwayWhenTheSearchIsSent() {
    String page = searchPage(Origin.FILE, EN, "");
    try {
      browser.phone();
      browser.cdp(
          "Emulation.setTouchEmulationEnabled", Map.of("enabled", true, "maxTouchPoints", 1));
      browser.open(page);
      assertThat(browser.js("return matchMedia('(pointer: coarse)').matches")).isEqualTo(true);
      WebElement input = browser.find("#search-page-input");
      input.click();
      input.sendKeys(EN.errorCode(), Keys.ENTER);
      assertThat(waitForResults()).isNotEmpty();
      assertThat(activeId()).isNotEqualTo("search-page-input");
    } finally {
      browser.cdp("Emulation.setTouchEmulationEnabled", Map.of("enabled", false));
      browser.desktop();
    }
    // with a mouse and a keyboard, the box keeps the focus for the next words
    browser.open(page);
    WebElement input = browser.find("#search-page-input");
    input.click();
    input.sendKeys(EN.errorCode(), Keys.ENTER);
    assertThat(waitForResults()).isNotEmpty();
    assertThat(activeId()).isEqualTo("search-page-input");
  }

  /**
   * English words on the Chinese site are "corrected" to whatever English the Chinese articles
   * have; the English help centre, which has them as typed, is offered beside those results. A typo
   * that only this language corrects offers nothing.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(Origin.class)
  void resultsFoundOnlyByCorrectingTheWordsOfferTheOtherLanguageThatHasThem(Origin origin)
      throws InterruptedException {
    browser.open(searchPage(origin, ZH, "tax exemption"));
    assertThat(waitForResults()).isNotEmpty();
    assertThat(browser.find("#search-suggest").isDisplayed()).isTrue();
    browser.waitFor(d -> browser.find("#search-other-lang").isDisplayed());
    assertThat(browser.find("#search-other-lang a").getAttribute("href"))
        .contains("en/search/index.html?q=tax");
    assertThat(browser.find("#search-empty").isDisplayed()).isFalse();

    browser.open(searchPage(origin, EN, EN.typo()));
    assertThat(waitForResults()).isNotEmpty();
    assertThat(browser.find("#search-suggest").isDisplayed()).isTrue();
    // the offer comes after searches of the other language: give them the time they took above
    Thread.sleep(1_500);
    assertThat(browser.find("#search-other-lang").isDisplayed()).isFalse();
  }

  /** A filter in the address that the language does not offer is dropped, not applied unseen. */
  @ParameterizedTest(name = "{0}")
  @EnumSource(Origin.class)
  void aFilterTheLanguageDoesNotOfferIsDropped(Origin origin) {
    browser.open(searchPage(origin, EN, "sync") + "&product=nonexistent&tag=china");
    browser.waitFor(d -> !browser.findAll("#search-results .search-result-title a").isEmpty());
    assertThat(browser.find("#search-filter-product").getAttribute("value")).isEmpty();
    assertThat(browser.find("#search-filter-tag").getAttribute("value")).isEmpty();
    browser.waitFor(d -> !d.getCurrentUrl().contains("nonexistent"));
    assertThat(browser.driver().getCurrentUrl()).doesNotContain("tag=china");
  }

  /**
   * "Clear filters" hides itself once the results are back: pressed from the keyboard, it hands the
   * focus to the first filter, before the results, not to the page (whose next Tab was past them).
   */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("sites")
  void clearingTheFiltersKeepsTheKeyboardBeforeTheResults(Origin origin, Lang lang) {
    browser.open(searchPage(origin, lang, "sync") + "&product=billing");
    assertThat(waitForResults()).isEmpty();
    browser.waitFor(d -> browser.find("#search-clear-filters").isDisplayed());
    browser.js("document.getElementById('search-clear-filters').focus()");
    new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
    assertThat(waitForResults()).isNotEmpty();
    assertThat(browser.find("#search-filter-product").getAttribute("value")).isEmpty();
    assertThat(activeId()).isEqualTo("search-filter-product");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("sites")
  void filtersByProductAndTagAndTheUrlRestoresThem(Origin origin, Lang lang) {
    browser.open(SampleSite.url(origin, lang.code() + "/tags/payments/index.html"));
    List<String> tagged =
        browser.findAll("main a[href*='/billing/'], main a[href*='/account/']").stream()
            .map(a -> a.getAttribute("href"))
            .toList();
    assertThat(tagged).isNotEmpty();

    browser.open(searchPage(origin, lang, lang.broadQuery()));
    List<String> all = waitForResults();
    assertThat(all).anyMatch(h -> !h.contains("/billing/")).anyMatch(h -> h.contains("/billing/"));
    browser.waitFor(d -> browser.find("#search-filters").isDisplayed());

    new Select(browser.find("#search-filter-product")).selectByValue("billing");
    browser.waitFor(d -> resultHrefs().stream().allMatch(h -> h.contains("/billing/")));
    List<String> billing = resultHrefs();
    assertThat(billing).isNotEmpty().isSubsetOf(all);
    String url = browser.driver().getCurrentUrl();
    assertThat(url).contains("product=billing");
    browser.open(url);
    assertThat(waitForResults()).isEqualTo(billing);
    assertThat(new Select(browser.find("#search-filter-product")).getFirstSelectedOption())
        .extracting(o -> o.getAttribute("value"))
        .isEqualTo("billing");

    new Select(browser.find("#search-filter-product")).selectByValue("");
    new Select(browser.find("#search-filter-tag")).selectByValue("payments");
    browser.waitFor(
        d -> {
          List<String> now = resultHrefs();
          return d.getCurrentUrl().contains("tag=payments")
              && !d.getCurrentUrl().contains("product=")
              && !now.isEmpty()
              && tagged.containsAll(now);
        });
    List<String> payments = resultHrefs();
    assertThat(payments).isSubsetOf(all).isNotEqualTo(all);
    url = browser.driver().getCurrentUrl();
    browser.open(url);
    assertThat(waitForResults()).isEqualTo(payments);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("sites")
  void theLanguageSwitchLandsOnTheSameArticle(Origin origin, Lang lang) {
    browser.open(SampleSite.url(origin, lang.code() + "/sync/windows-access-denied/index.html"));
    String title = browser.find("#article-title").getText();
    browser.find(".lang-switch a[hreflang='" + lang.other() + "']").click();
    browser.waitFor(
        d -> d.getCurrentUrl().endsWith(lang.other() + "/sync/windows-access-denied/index.html"));
    browser.waitFor(d -> "complete".equals(browser.js("return document.readyState")));
    assertThat(browser.js("return document.documentElement.lang"))
        .asString()
        .startsWith(lang.other());
    assertThat(browser.find("#article-title").getText()).isNotBlank().isNotEqualTo(title);
    assertThat(browser.find(".lang-switch a[aria-current]").getAttribute("hreflang"))
        .isEqualTo(lang.other());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("sites")
  void anUntranslatedArticleShowsTheNotice(Origin origin, Lang lang) {
    browser.open(SampleSite.url(origin, lang.untranslatedArticle()));
    WebElement notice = browser.find(".lang-notice--missing");
    assertThat(notice.isDisplayed()).isTrue();
    assertThat(notice.getText()).isNotBlank();
    WebElement noticeLink = notice.findElement(By.cssSelector("a"));
    assertThat(noticeLink.getAttribute("hreflang")).isEqualTo(lang.other());
    // The switch says the page is not translated and leads to the other language's home.
    WebElement other = browser.find(".lang-switch a[hreflang='" + lang.other() + "']");
    assertThat(other.getAttribute("class")).contains("is-unavailable");
    other.click();
    browser.waitFor(d -> d.getCurrentUrl().endsWith(lang.other() + "/index.html"));
    browser.waitFor(d -> "complete".equals(browser.js("return document.readyState")));
    assertThat(browser.js("return document.documentElement.lang"))
        .asString()
        .startsWith(lang.other());
    assertThat(browser.find("#home-search").isDisplayed()).isTrue();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("sites")
  void aPhoneViewportHasNoHorizontalScrolling(Origin origin, Lang lang) {
    browser.phone();
    for (String page :
        List.of(
            lang.code() + "/index.html",
            lang.code() + "/sync/windows-access-denied/index.html",
            lang.code() + "/tags/payments/index.html")) {
      browser.open(SampleSite.url(origin, page));
      assertNoHorizontalScroll(page);
    }
    browser.open(searchPage(origin, lang, lang.errorCode()));
    waitForResults();
    assertNoHorizontalScroll("results");
  }

  /**
   * On a phone the article's contents start closed, so that the Symptom comes sooner; a tap opens
   * them. On a desktop they are open beside the article.
   */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("sites")
  void theContentsStartClosedOnAPhoneAndOpenOnADesktop(Origin origin, Lang lang) {
    String page = SampleSite.url(origin, lang.code() + "/sync/windows-access-denied/index.html");
    String open = "return document.querySelector('.toc details').open";
    String symptom =
        "return document.querySelector('.kb-section--symptom h2').getBoundingClientRect().top";
    try {
      browser.phone();
      browser.open(page);
      browser.waitFor(d -> Boolean.FALSE.equals(browser.js(open)));
      assertThat(browser.find(".toc ol").isDisplayed()).isFalse();
      double closed = ((Number) browser.js(symptom)).doubleValue();
      browser.js("document.querySelector('.toc summary').click()"); // a tap, below the screen
      assertThat(browser.find(".toc ol").isDisplayed()).isTrue();
      double opened = ((Number) browser.js(symptom)).doubleValue();
      assertThat(opened - closed).as("the contents' height above the Symptom").isGreaterThan(100);
    } finally {
      browser.desktop();
    }
    browser.open(page);
    assertThat(browser.js(open)).isEqualTo(Boolean.TRUE);
    assertThat(browser.find(".toc ol").isDisplayed()).isTrue();
  }

  /**
   * On a phone the header takes two rows (name and languages, then search) and the areas one row
   * that scrolls sideways; the trail leaves out the title that follows it and shares its row with
   * the link to the translation. On this 375 x 812 screen the sample article's Symptom heading was
   * at 1,161 px (English) and 1,045 px (Chinese) before this layout, and is at 946 and 830 px with
   * it.
   */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("sites")
  void aPhoneShowsTheArticleRatherThanTheMenusAboveTheSymptom(Origin origin, Lang lang) {
    String page = SampleSite.url(origin, lang.code() + "/sync/windows-access-denied/index.html");
    String tops =
        "function top(s) { return Math.round(document.querySelector(s).getBoundingClientRect().top); }"
            + " var nav = Array.from(document.querySelectorAll('.product-nav a'),"
            + "   function (a) { return Math.round(a.getBoundingClientRect().top); });"
            + " return [top('.brand'), top('.lang-switch'), top('.header-search'),"
            + "   Math.min.apply(null, nav), Math.max.apply(null, nav),"
            + "   top('.breadcrumbs'), top('.lang-notice--translation'),"
            + "   top('.kb-section--symptom h2'),"
            + "   Math.round(document.querySelector('.kb-section--symptom h2')"
            + "     .getBoundingClientRect().bottom), window.innerHeight].join(' ')";
    try {
      browser.phone();
      browser.open(page);
      int[] t =
          Arrays.stream(String.valueOf(browser.js(tops)).split(" "))
              .mapToInt(Integer::parseInt)
              .toArray();
      String at = page + " " + Arrays.toString(t);
      assertThat(Math.abs(t[0] - t[1])).as("name and languages on one row: " + at).isLessThan(10);
      assertThat(t[2]).as("search below them: " + at).isGreaterThan(t[0] + 20);
      assertThat(t[4]).as("the areas on one row: " + at).isEqualTo(t[3]);
      assertThat(browser.find(".breadcrumb-current").isDisplayed()).as(at).isFalse();
      assertThat(Math.abs(t[5] - t[6]))
          .as("trail and translation on one row: " + at)
          .isLessThan(10);
      assertNoHorizontalScroll(page);
      assertThat(t[8])
          .as("the Symptom's heading, whole on the first screen (" + t[9] + " px): " + at)
          .isLessThanOrEqualTo(t[9]);
    } finally {
      browser.desktop();
    }
    browser.open(page);
    assertThat(browser.find(".breadcrumb-current").isDisplayed()).isTrue();
  }

  /**
   * On a phone, the error-code table is wider than the screen: it scrolls inside its wrapper, which
   * the keyboard reaches, and stays a table; the page itself does not scroll sideways.
   */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("sites")
  void aWideTableScrollsInAWrapperTheKeyboardReaches(Origin origin, Lang lang) {
    String page = SampleSite.url(origin, lang.code() + "/sync/sync-error-codes/index.html");
    String facts =
        "var w = document.querySelector('.prose .table-wrap'); var t = w.querySelector('table');"
            + " return [w.scrollWidth > w.clientWidth, w.tabIndex, getComputedStyle(t).display,"
            + "   getComputedStyle(w).overflowX].join(' ')";
    try {
      browser.phone();
      browser.open(page);
      assertThat(browser.js(facts)).as(page).isEqualTo("true 0 table auto");
      assertNoHorizontalScroll(page);
      browser.js("document.querySelector('.prose .table-wrap').focus()");
      assertThat(browser.js("return document.activeElement.className")).isEqualTo("table-wrap");
      new Actions(browser.driver()).sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT).perform();
      // scrolling is smooth where the reader allows motion: wait for it to start
      String scrollLeft = "return document.querySelector('.prose .table-wrap').scrollLeft";
      long deadline = System.nanoTime() + 3_000_000_000L;
      double scrolled = 0;
      while (scrolled == 0 && System.nanoTime() < deadline) {
        scrolled = ((Number) browser.js(scrollLeft)).doubleValue();
      }
      assertThat(scrolled).as("scrolled by the arrow keys").isGreaterThan(0);
    } finally {
      browser.desktop();
    }
  }

  /**
   * An error code and a code block each have a copy button that puts exactly their text on the
   * clipboard and says so to a screen reader: a command is hard to select on a phone.
   */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("sites")
  void theCopyButtonsCopyAnErrorCodeAndACodeBlock(Origin origin, Lang lang) {
    browser.cdp(
        "Browser.grantPermissions",
        Map.of("permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    browser.open(SampleSite.url(origin, lang.code() + "/sync/windows-access-denied/index.html"));
    String codeBlock =
        (String)
            browser.js(
                "return document.querySelector('.prose pre code').textContent.replace(/\\n$/, '')");
    assertThat(codeBlock).startsWith("$folder = ");
    assertThat(browser.findAll(".prose pre")).hasSize(browser.findAll(".prose .copy").size());
    WebElement blockButton = browser.find(".prose .code-block .copy");
    assertThat(blockButton.getAttribute("aria-label")).isNotBlank();
    assertThat(blockButton.getAttribute("type")).isEqualTo("button");
    for (Object[] copy :
        List.of(
            new Object[] {browser.find(".error-codes button.copy"), "0x80070005"},
            new Object[] {blockButton, codeBlock})) {
      WebElement button = (WebElement) copy[0];
      browser.js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", button);
      browser.js("document.getElementById('kbgen-live').textContent = ''");
      button.click();
      browser.waitFor(
          d ->
              !String.valueOf(
                      browser.js("return document.getElementById('kbgen-live').textContent"))
                  .isEmpty());
      assertThat(browser.js("return document.getElementById('kbgen-live').textContent"))
          .isEqualTo(browser.js("return document.getElementById('kbgen-live').dataset.copied"));
      Object clipboard =
          browser.jsAsync(
              "var done = arguments[arguments.length - 1];"
                  + " navigator.clipboard.readText().then(done, function (e) { done('' + e); });");
      assertThat(clipboard).isEqualTo(copy[1]);
    }
  }

  private static void assertNoHorizontalScroll(String page) {
    assertThat(browser.js("return window.innerWidth")).as(page).isEqualTo(375L);
    Object widths =
        browser.js(
            "var e = document.scrollingElement; return [e.scrollWidth, e.clientWidth].join(' ')");
    String[] w = String.valueOf(widths).split(" ");
    assertThat(Integer.parseInt(w[0]))
        .as(page + " scrollWidth vs clientWidth " + widths)
        .isLessThanOrEqualTo(Integer.parseInt(w[1]));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("sites")
  void darkModeFollowsThePreferredColourScheme(Origin origin, Lang lang) {
    browser.open(SampleSite.url(origin, lang.code() + "/index.html"));
    String script = "return getComputedStyle(document.body).backgroundColor";
    String light = (String) browser.js(script);
    browser.dark(true);
    String dark = (String) browser.js(script);
    assertThat(dark).isNotEqualTo(light);
    assertThat(luminance(dark)).isLessThan(luminance(light));
    assertThat(luminance(dark)).isLessThan(0.2);
  }

  /**
   * Printed from a browser in a dark colour scheme, an article is dark text on white paper, badges
   * and the symptom included; only links to other sites have their address printed after them.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(Origin.class)
  @SuppressWarnings("unchecked")
  void aDarkSchemePrintsDarkOnWhiteWithOnlyExternalAddresses(Origin origin) {
    browser.open(SampleSite.url(origin, "en/api/webhook-delivery-failures/index.html"));
    browser.cdp(
        "Emulation.setEmulatedMedia",
        Map.of(
            "media",
            "print",
            "features",
            List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
    List<String> colours =
        (List<String>)
            browser.js(
                """
                function background(e) {
                  for (; e; e = e.parentElement) {
                    var c = getComputedStyle(e).backgroundColor;
                    if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') return c;
                  }
                  return 'rgb(255, 255, 255)';
                }
                return Array.from(document.querySelectorAll(
                    '#article-title, .badge, .kb-section--symptom > h2, .kb-section--symptom p,'
                    + ' .prose p, .prose code, .prose pre'))
                  .map(function (e) {
                    return e.className + ' ' + e.tagName + '|' + getComputedStyle(e).color
                      + '|' + background(e);
                  });
                """);
    assertThat(colours).hasSizeGreaterThan(10);
    assertThat(colours).anyMatch(c -> c.startsWith("badge badge--product"));
    assertThat(colours).anyMatch(c -> c.startsWith("badge badge--type"));
    assertThat(colours).anyMatch(c -> c.startsWith("badge badge--severity"));
    for (String c : colours) {
      String[] p = c.split("\\|");
      assertThat(luminance(p[2])).as("paper under " + c).isGreaterThan(0.85);
      assertThat(contrast(p[1], p[2])).as("contrast of " + c).isGreaterThanOrEqualTo(4.5);
    }

    List<String> after =
        (List<String>)
            browser.js(
                "return Array.from(document.querySelectorAll('.site-main a[href]')).map("
                    + "function (a) { return a.getAttribute('href') + ' -> '"
                    + " + getComputedStyle(a, '::after').content; });");
    assertThat(after)
        .filteredOn(a -> a.startsWith("https://"))
        .isNotEmpty()
        .allMatch(a -> a.endsWith("-> \" (\" attr(href) \")\"") || a.contains("(https://"));
    assertThat(after)
        .filteredOn(a -> a.startsWith("../"))
        .hasSizeGreaterThan(5)
        .allMatch(a -> a.endsWith("-> none") || a.endsWith("-> normal"));
  }

  /** WCAG contrast ratio of two CSS rgb()/rgba() colours. */
  static double contrast(String a, String b) {
    double la = relativeLuminance(a);
    double lb = relativeLuminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  private static double relativeLuminance(String css) {
    String[] p = css.replaceAll("[^0-9.,]", "").split(",");
    double[] c = new double[3];
    for (int i = 0; i < 3; i++) {
      double v = Double.parseDouble(p[i]) / 255;
      c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }

  /** Rough relative luminance (0..1) of a CSS rgb()/rgba() colour. */
  static double luminance(String css) {
    String[] p = css.replaceAll("[^0-9.,]", "").split(",");
    return (0.2126 * Double.parseDouble(p[0])
            + 0.7152 * Double.parseDouble(p[1])
            + 0.0722 * Double.parseDouble(p[2]))
        / 255;
  }
}
