package dev.kbgen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbgen.problem.Problem;
import dev.kbgen.testing.SiteFixture;
import dev.kbgen.testing.SiteFixture.Built;
import java.nio.file.Path;
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
}
