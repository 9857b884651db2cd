package dev.kbgen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbgen.publish.OutputFile;
import dev.kbgen.testing.SiteFixture;
import dev.kbgen.testing.SiteFixture.Built;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeterminismTest {

  @Test
  void twoBuildsOfTheSampleSiteAreByteIdentical() {
    Built first =
        SiteFixture.build(SiteFixture.repoContent(), SiteFixture.repoTemplates(), Path.of(""))
            .assertOk();
    Built second =
        SiteFixture.build(SiteFixture.repoContent(), SiteFixture.repoTemplates(), Path.of(""))
            .assertOk();
    Map<String, OutputFile> a = first.files();
    Map<String, OutputFile> b = second.files();
    assertThat(b.keySet()).containsExactlyElementsOf(a.keySet());
    for (String path : a.keySet()) {
      assertThat(Arrays.equals(a.get(path).bytes(), b.get(path).bytes()))
          .as("%s differs between two builds", path)
          .isTrue();
    }
    assertThat(a).hasSizeGreaterThan(100);
  }
}
