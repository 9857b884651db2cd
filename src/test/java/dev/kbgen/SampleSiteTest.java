package dev.kbgen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbgen.build.ParsedContent;
import dev.kbgen.build.Pipeline;
import dev.kbgen.i18n.TranslationStatus;
import dev.kbgen.problem.Problem;
import dev.kbgen.testing.SiteFixture;
import dev.kbgen.testing.SiteFixture.Built;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class SampleSiteTest {

  @Test
  void sampleKnowledgeBaseBuildsWithoutProblems() {
    Built built =
        SiteFixture.build(SiteFixture.repoContent(), SiteFixture.repoTemplates(), Path.of(""));
    assertThat(built.problems())
        .as(built.report())
        .map(p -> p.location() + ": " + p.severity().label() + ": " + p.title())
        .containsExactly(
            "content/en/billing/us-sales-tax-exemption.md:2:5: info: 'KB-1017' has no zh"
                + " translation",
            "content/zh/billing/fapiao-wechat-alipay.md:2:5: info: 'KB-1018' has no en"
                + " translation");
    assertThat(built.problems()).noneMatch(Problem::isError);
    assertThat(built.result().articles()).isGreaterThanOrEqualTo(26);
  }

  /**
   * A fixed problem's page does not show how severe it was, next to "Fixed"; an open one's does.
   */
  @Test
  void theSeverityBadgeIsLeftOutOnceTheProblemIsFixed() {
    Built built =
        SiteFixture.build(SiteFixture.repoContent(), SiteFixture.repoTemplates(), Path.of(""));
    for (String lang : List.of("en", "zh")) {
      Document fixed =
          Jsoup.parse(built.files().get(lang + "/api/java-sdk-out-of-memory/index.html").text());
      assertThat(fixed.select(".badge--status")).as(lang).hasSize(1);
      assertThat(fixed.select(".badge--severity")).as(lang).isEmpty();
      Document open =
          Jsoup.parse(built.files().get(lang + "/sync/windows-access-denied/index.html").text());
      assertThat(open.select(".badge--severity-blocked")).as(lang).hasSize(1);
    }
  }

  /** The search filters offer only what articles of the page's language have. */
  @Test
  void aLanguagesFiltersOfferOnlyTheTagsItsArticlesHave() {
    Built built =
        SiteFixture.build(SiteFixture.repoContent(), SiteFixture.repoTemplates(), Path.of(""));
    String en = manifest(built, "en");
    String zh = manifest(built, "zh");
    // "china" is the tag of the one article that has no English version
    assertThat(zh).contains("\"china\":\"中国大陆\"");
    assertThat(en).doesNotContain("\"china\"").contains("\"tax\":\"Tax\"");
  }

  private static String manifest(Built built, String lang) {
    return built.files().entrySet().stream()
        .filter(e -> e.getKey().matches("search/" + lang + "/manifest\\.[0-9a-f]{8}\\.js"))
        .map(e -> e.getValue().text())
        .findFirst()
        .orElseThrow();
  }

  @Test
  void everySampleTranslationRecordsItsSourceAndIsCurrent() {
    ParsedContent content =
        new Pipeline(
                SiteFixture.options(
                    SiteFixture.repoContent(), SiteFixture.repoTemplates(), true, Path.of("")))
            .read();
    List<TranslationStatus> statuses =
        TranslationStatus.all(content.translations(), content.config());
    assertThat(statuses)
        .filteredOn(s -> s.state() != TranslationStatus.State.MISSING)
        .hasSize(16)
        .allMatch(s -> s.state() == TranslationStatus.State.CURRENT);
  }
}
