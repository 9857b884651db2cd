package dev.kbgen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbgen.publish.OutputFile;
import dev.kbgen.testing.SiteFixture;
import dev.kbgen.testing.SiteFixture.Built;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build must not depend on the JVM's default locale (the idea of jsoup's MultiLocaleExtension):
 * under Turkish, {@code "INFO".toLowerCase()} is {@code "ınfo"} with a dotless i, and {@code
 * "windows".toUpperCase()} is {@code "WİNDOWS"}.
 */
class LocaleIndependenceTest {
  private static final Locale TURKISH = new Locale("tr", "TR");

  private static final String SITE =
      """
      -- content/en/sync/windows-info.md --
      ---
      id: KB-1001
      title: "WINDOWS INFO: Invalid ID IIS"
      summary: "INFO and ISSUE codes on WINDOWS"
      tags: [windows, login]
      error_codes: ["INVALID_ID", "HTTP 502", "IIS-INFO"]
      aliases: ["DIRECTORY ISSUE"]
      severity: degraded
      status: known-issue
      workaround: "RESTART THE CLIENT"
      updated: 2026-11-21
      related: [KB-1002]
      ---

      ## SYMPTOM

      The WINDOWS client shows INFO: INVALID_ID.

      !!! info
          IIS INFO.

      > [!IMPORTANT]
      > IMPORTANT NOTICE.

      ## CAUSE:

      ### INDEX IS INVALID

      The INDEX file is INVALID. See [[KB-1002]].

      ## RESOLUTION

      1. Restart.

      ## PREVENTION

      Keep WINDOWS up to date.
      -- content/zh/sync/windows-info.md --
      ---
      id: KB-1001
      title: "WINDOWS INFO：无效 ID"
      tags: [windows]
      error_codes: ["INVALID_ID"]
      updated: 2026-11-21
      ---

      ## 症状

      INFO 显示 INVALID_ID。

      ## 原因

      INDEX 无效。

      ## 解决方案

      重启。
      -- content/en/account/id-issue.md --
      ---
      id: KB-1002
      title: "ISSUES WITH IDs IN INDIA"
      type: faq
      tags: [login, network]
      updated: 2026-10-01
      ---

      ## IS IT INFO?

      Yes, INFO.
      """;

  @Test
  void outputIsIdenticalUnderTheTurkishLocale(@TempDir Path dir) {
    SiteFixture site = SiteFixture.write(dir, SITE);
    Built root = withLocale(Locale.ROOT, site::build).assertOk();
    Built turkish = withLocale(TURKISH, site::build).assertOk();
    assertThat(turkish.report()).isEqualTo(root.report());
    assertSameFiles(root.files(), turkish.files());
    assertThat(root.text("en/sync/windows-info/index.html"))
        .contains("INVALID_ID")
        .contains("kb-section--resolution")
        .contains("id=\"index-is-invalid\"");
    assertThat(root.files()).containsKey("en/codes/invalid-id/index.html");
    assertThat(root.files()).containsKey("en/tags/windows/index.html");
  }

  @Test
  void outputIsIdenticalUnderOtherLocales(@TempDir Path dir) {
    SiteFixture site = SiteFixture.write(dir, SITE);
    Built root = withLocale(Locale.ROOT, site::build).assertOk();
    for (Locale l :
        new Locale[] {new Locale("az", "AZ"), new Locale("lt"), Locale.GERMANY, Locale.CHINA}) {
      Built other = withLocale(l, site::build).assertOk();
      assertSameFiles(root.files(), other.files());
    }
  }

  private static void assertSameFiles(
      Map<String, OutputFile> expected, Map<String, OutputFile> actual) {
    assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
    for (String path : expected.keySet()) {
      assertThat(new String(actual.get(path).bytes(), StandardCharsets.UTF_8))
          .as("%s under another default locale", path)
          .isEqualTo(new String(expected.get(path).bytes(), StandardCharsets.UTF_8));
    }
  }

  private static <T> T withLocale(Locale locale, Supplier<T> action) {
    Locale saved = Locale.getDefault();
    Locale savedFormat = Locale.getDefault(Locale.Category.FORMAT);
    Locale savedDisplay = Locale.getDefault(Locale.Category.DISPLAY);
    try {
      Locale.setDefault(locale);
      return action.get();
    } finally {
      Locale.setDefault(saved);
      Locale.setDefault(Locale.Category.FORMAT, savedFormat);
      Locale.setDefault(Locale.Category.DISPLAY, savedDisplay);
    }
  }
}
