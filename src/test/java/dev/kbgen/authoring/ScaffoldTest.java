package dev.kbgen.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScaffoldTest {
  @Test
  void nextIdContinuesTheMostUsedPrefix() {
    assertThat(Scaffold.nextId(List.of())).isEqualTo("KB-1001");
    assertThat(Scaffold.nextId(List.of("KB-1001", "KB-1042", "KB-1007", "DOC-9999")))
        .isEqualTo("KB-1043");
    assertThat(Scaffold.nextId(List.of("KB-0009", "KB-0003"))).isEqualTo("KB-0010");
    assertThat(Scaffold.nextId(List.of("faq", "guide"))).isEqualTo("KB-1001");
    assertThat(Scaffold.nextId(List.of("A-1", "B-5"))).isEqualTo("A-2");
  }

  @Test
  void slugIsAsciiWordsOrTheId() {
    assertThat(Scaffold.slug("Sync stops: \"Access is denied\" (0x80070005)", "KB-1"))
        .isEqualTo("sync-stops-access-is-denied-0x80070005");
    assertThat(Scaffold.slug("Café déjà vu", "KB-1")).isEqualTo("cafe-deja-vu");
    assertThat(Scaffold.slug("同步很慢", "KB-1042")).isEqualTo("kb-1042");
    assertThat(Scaffold.slug("word ".repeat(40), "KB-1")).hasSizeLessThanOrEqualTo(64);
  }

  @Test
  void yamlValuesReadBackAsWritten() {
    assertThat(Yaml.scalar("windows")).isEqualTo("windows");
    assertThat(Yaml.scalar("no")).isEqualTo("\"no\"");
    assertThat(Yaml.scalar("0x80070005")).isEqualTo("\"0x80070005\"");
    assertThat(Yaml.quoted("say \"hi\" \\ now")).isEqualTo("\"say \\\"hi\\\" \\\\ now\"");
    assertThat(Yaml.list(List.of("a", "b c"))).isEqualTo("[a, \"b c\"]");
  }
}
