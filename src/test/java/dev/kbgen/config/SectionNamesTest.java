package dev.kbgen.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SectionNamesTest {
  private static final SectionNames NAMES = SectionNames.defaults();

  @ParameterizedTest(name = "en ''{0}'' is {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Symptom|SYMPTOM",
        "Symptoms|SYMPTOM",
        "symptoms|SYMPTOM",
        "CAUSE|CAUSE",
        "Causes|CAUSE",
        "Resolution|RESOLUTION",
        "RESOLUTION|RESOLUTION",
        "Workaround|RESOLUTION",
        "Solution|RESOLUTION",
        "Prevention|PREVENTION",
        "Background|OTHER",
        "Cause and fix|OTHER",
        "Cause 1|CAUSE",
        "Cause 2: The disk is full|CAUSE",
        "Resolution 2 - Restart the service|RESOLUTION",
        "Resolution steps|OTHER",
        "Windows 11|OTHER",
        "原因|OTHER"
      })
  void englishHeadings(String heading, SectionKind kind) {
    assertThat(NAMES.classify("en", heading)).isEqualTo(kind);
  }

  @ParameterizedTest(name = "zh ''{0}'' is {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "症状|SYMPTOM",
        "现象|SYMPTOM",
        "问题现象|SYMPTOM",
        "原因|CAUSE",
        "问题原因|CAUSE",
        "解决方案|RESOLUTION",
        "解决方法|RESOLUTION",
        "临时解决方案|RESOLUTION",
        "预防措施|PREVENTION",
        "预防|PREVENTION",
        "背景|OTHER",
        "Cause|OTHER"
      })
  void chineseHeadings(String heading, SectionKind kind) {
    assertThat(NAMES.classify("zh", heading)).isEqualTo(kind);
  }

  @ParameterizedTest(name = "''{1}'' ({0})")
  @CsvSource(
      delimiter = '|',
      value = {
        "en|Cause:",
        "en|Cause :",
        "en|  Cause  ",
        "en|Cause::",
        "zh|原因：",
        "zh|原因:",
        "zh|原因 ：",
      })
  void trailingColonsAndSpacesAreIgnored(String lang, String heading) {
    assertThat(NAMES.classify(lang, heading)).isEqualTo(SectionKind.CAUSE);
  }

  @Test
  void colonInsideTheHeadingStillMatters() {
    assertThat(NAMES.classify("en", "Cause: network")).isEqualTo(SectionKind.OTHER);
  }

  @Test
  void unknownLanguageHasOnlyOtherSections() {
    assertThat(NAMES.classify("fr", "Cause")).isEqualTo(SectionKind.OTHER);
    assertThat(NAMES.preferred(SectionKind.CAUSE, "fr")).isEqualTo("cause");
  }

  @Test
  void preferredHeadingIsTheFirst() {
    assertThat(NAMES.preferred(SectionKind.SYMPTOM, "en")).isEqualTo("Symptom");
    assertThat(NAMES.preferred(SectionKind.RESOLUTION, "zh")).isEqualTo("解决方案");
    assertThat(NAMES.preferred(SectionKind.OTHER, "en")).isEqualTo("other");
  }

  @Test
  void classificationIgnoresTheTurkishLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(new Locale("tr", "TR"));
      assertThat(NAMES.classify("en", "RESOLUTION")).isEqualTo(SectionKind.RESOLUTION);
      assertThat(NAMES.classify("en", "PREVENTION")).isEqualTo(SectionKind.PREVENTION);
      assertThat(SectionKind.PREVENTION.key()).isEqualTo("prevention");
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void customNamesAreUsed() {
    SectionNames custom =
        new SectionNames(Map.of(SectionKind.CAUSE, Map.of("de", List.of("Ursache", "Ursachen"))));
    assertThat(custom.classify("de", "Ursachen:")).isEqualTo(SectionKind.CAUSE);
    assertThat(custom.classify("en", "Cause")).isEqualTo(SectionKind.OTHER);
    assertThat(custom.preferred(SectionKind.CAUSE, "de")).isEqualTo("Ursache");
  }
}
