package dev.kbgen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbgen.testing.SiteFixture;
import dev.kbgen.testing.SiteFixture.Built;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SampleSiteTest {

  @Test
  void sampleKnowledgeBaseBuildsWithoutProblems() {
    Built built =
        SiteFixture.build(SiteFixture.repoContent(), SiteFixture.repoTemplates(), Path.of(""));
    assertThat(built.problems()).as(built.report()).isEmpty();
    assertThat(built.result().articles()).isGreaterThanOrEqualTo(26);
  }
}
