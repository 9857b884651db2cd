package dev.kbgen.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentPathsTest {
  @Test
  void normaliseResolvesDotsAndRefusesEscapes() {
    assertThat(ContentPaths.normalise("en/sync", "../account/a.md")).contains("en/account/a.md");
    assertThat(ContentPaths.normalise("en/sync", "./a/./b/../c.md")).contains("en/sync/a/c.md");
    assertThat(ContentPaths.normalise("en/sync", "sub/")).contains("en/sync/sub/");
    assertThat(ContentPaths.normalise("", "a/../b.md")).contains("b.md");
    assertThat(ContentPaths.normalise("en/sync", "../../..")).isEmpty();
  }

  @Test
  void parentIsTheFolder() {
    assertThat(ContentPaths.parent("en/sync/a.md")).isEqualTo("en/sync");
    assertThat(ContentPaths.parent("a.md")).isEmpty();
  }

  @Test
  void aTargetSplitsAtItsFragmentAndDropsItsQuery() {
    assertThat(ContentPaths.Target.of("../a.md?x=1#fix"))
        .isEqualTo(new ContentPaths.Target("../a.md", "#fix"));
    assertThat(ContentPaths.Target.of("a.md#b?c"))
        .isEqualTo(new ContentPaths.Target("a.md", "#b?c"));
    assertThat(ContentPaths.Target.of("#top")).isEqualTo(new ContentPaths.Target("", "#top"));
    assertThat(ContentPaths.Target.of("a.md")).isEqualTo(new ContentPaths.Target("a.md", ""));
  }
}
