package dev.kbgen.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbgen.config.SectionNames;
import dev.kbgen.config.SiteConfig;
import dev.kbgen.config.SiteConfigLoader;
import dev.kbgen.content.Article;
import dev.kbgen.content.ArticleParser;
import dev.kbgen.content.TextFile;
import dev.kbgen.problem.Problems;
import dev.kbgen.problem.Source;
import dev.kbgen.testing.SiteFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceFingerprintTest {
  private static final SiteConfig CONFIG =
      SiteConfigLoader.parse(
              Source.of("site.yaml", SiteFixture.SITE_YAML), SiteFixture.SITE_YAML, new Problems())
          .orElseThrow();
  private static final SectionNames NAMES = CONFIG.sections();

  private static final String BODY =
      """
      Intro text.

      ## Symptom

      The client stops.

      ## Cause

      The network dropped.

      ```text
      ## Not a heading
      ```

      ## Resolution

      Reconnect.

      ## Notes

      One.

      ## Notes

      Two.
      """;

  private static Article article(String body) {
    String text = "---\nid: KB-1\ntitle: Sync stops\ntags: [network]\nupdated: 2026-01-01\n---\n";
    Problems problems = new Problems();
    return ArticleParser.parse(new TextFile("en/sync/a.md", "a.md", text + body), CONFIG, problems)
        .orElseThrow();
  }

  @Test
  void sectionsAreKeyedByKindOrHeadingInOrder() {
    SourceFingerprint f = SourceFingerprint.of(article(BODY), NAMES);
    assertThat(f.sections().keySet())
        .containsExactly("title", "intro", "symptom", "cause", "resolution", "notes", "notes-2");
    assertThat(f.hash()).matches("[0-9a-f]{12}");
    assertThat(f.sections().values()).allMatch(h -> h.matches("[0-9a-f]{8}"));
  }

  @Test
  void whitespaceAloneChangesNothing() {
    SourceFingerprint f = SourceFingerprint.of(article(BODY), NAMES);
    String spaced =
        BODY.replace("The client stops.", "The client stops.   \n\n\n").replace("\n\n", "\n\n\n");
    assertThat(SourceFingerprint.of(article(spaced), NAMES)).isEqualTo(f);
  }

  @Test
  void reWrappingAParagraphOrSpacesInALineChangeNothingButCodeAndParagraphsDo() {
    String body = BODY + "\n## Steps\n\n1. Quit the client, then\n   restart it.\n2. Sign in.\n";
    SourceFingerprint f = SourceFingerprint.of(article(body), NAMES);
    String wrapped =
        body.replace("Quit the client, then\n   restart it.", "Quit  the client,\tthen restart it.")
            .replace("2. Sign in.", "2.  Sign\nin.")
            .replace("The network dropped.", "The network\ndropped.");
    assertThat(SourceFingerprint.of(article(wrapped), NAMES)).isEqualTo(f);
    // a new paragraph, or code laid out otherwise, is a change
    assertThat(
            SourceFingerprint.of(
                    article(body.replace("Quit the client, then\n", "Quit.\n\n")), NAMES)
                .changedSince(f.sections()))
        .containsExactly("steps");
    assertThat(
            SourceFingerprint.of(
                    article(body.replace("## Not a heading", "##  Not a heading")), NAMES)
                .changedSince(f.sections()))
        .containsExactly("cause");
  }

  @Test
  void aMarkOfTheEarlierFormStaysCurrentUntilTheTextChanges() {
    String body = BODY.replace("Reconnect.", "Quit the client, then\nstart it again.");
    Article now = article(body);
    SourceFingerprint earlier = SourceFingerprint.legacy(now, NAMES);
    SourceFingerprint current = SourceFingerprint.of(now, NAMES);
    assertThat(earlier.hash()).isNotEqualTo(current.hash()); // a paragraph on two lines
    assertThat(current.changedSince(earlier.hash(), earlier.sections(), earlier)).isEmpty();
    Article edited = article(body.replace("start it again.", "restart it."));
    assertThat(
            SourceFingerprint.of(edited, NAMES)
                .changedSince(
                    earlier.hash(), earlier.sections(), SourceFingerprint.legacy(edited, NAMES)))
        .containsExactly("resolution");
  }

  @Test
  void listsIndentedCodeAndChineseLinesKeepTheirMeaning() {
    String body = BODY + "\n## Steps\n\n- Quit.\n- Restart.\n\n    cd /tmp\n    ls -la\n";
    SourceFingerprint f = SourceFingerprint.of(article(body), NAMES);
    for (String changed :
        List.of(
            body.replace("- Quit.\n- Restart.", "- Quit. - Restart."),
            body.replace("- Restart.", "  - Restart."),
            body.replace("    ls -la", "      ls -la"))) {
      assertThat(SourceFingerprint.of(article(changed), NAMES).changedSince(f.sections()))
          .as(changed)
          .containsExactly("steps");
    }
    String zh = BODY + "\n## 说明\n\n同步暂停后，\n请重新登录。\n";
    assertThat(SourceFingerprint.of(article(zh.replace("后，\n请", "后，请")), NAMES))
        .isEqualTo(SourceFingerprint.of(article(zh), NAMES));
  }

  @Test
  void sectionsInAnotherOrderAreAChangeOfTheirOrder() {
    SourceFingerprint before = SourceFingerprint.of(article(BODY), NAMES);
    Article moved =
        article(
            BODY.replace("## Resolution\n\nReconnect.\n\n", "")
                + "\n## Resolution\n\nReconnect.\n");
    SourceFingerprint after = SourceFingerprint.of(moved, NAMES);
    assertThat(after.hash()).isNotEqualTo(before.hash());
    assertThat(
            after.changedSince(
                before.hash(), before.sections(), SourceFingerprint.legacy(moved, NAMES)))
        .containsExactly(SourceFingerprint.ORDER);
  }

  @Test
  void aChangeInOneSectionChangesOnlyThatSection() {
    SourceFingerprint before = SourceFingerprint.of(article(BODY), NAMES);
    SourceFingerprint after =
        SourceFingerprint.of(article(BODY.replace("## Not a heading", "## Changed code")), NAMES);
    assertThat(after.hash()).isNotEqualTo(before.hash());
    assertThat(after.changedSince(before.sections())).containsExactly("cause");
    SourceFingerprint removed =
        SourceFingerprint.of(article(BODY.replace("## Notes\n\nTwo.\n", "")), NAMES);
    assertThat(removed.changedSince(before.sections())).containsExactly("notes-2");
  }
}
