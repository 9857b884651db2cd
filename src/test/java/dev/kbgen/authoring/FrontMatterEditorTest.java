package dev.kbgen.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FrontMatterEditorTest {
  private static final List<String> BLOCK =
      List.of(
          "translated_from:",
          "  lang: en",
          "  hash: 0123456789ab",
          "  sections: {title: 01234567}");

  @Test
  void addsTheBlockBeforeTheClosingLineAndKeepsEverythingElse() {
    String text = "---\nid: KB-1  # a comment\ntitle: 'x'\n---\n\n## 症状\n\ntext without newline";
    assertThat(FrontMatterEditor.setTranslatedFrom(text, BLOCK))
        .contains(
            "---\nid: KB-1  # a comment\ntitle: 'x'\n"
                + String.join("\n", BLOCK)
                + "\n---\n\n## 症状\n\ntext without newline");
  }

  @Test
  void replacesAnExistingBlockWhateverItsStyle() {
    String block =
        "---\nid: KB-1\ntranslated_from:\n  lang: en\n  hash: ffffffffffff\nupdated: 2026-01-01\n---\nBody\n";
    assertThat(FrontMatterEditor.setTranslatedFrom(block, BLOCK))
        .contains(
            "---\nid: KB-1\n" + String.join("\n", BLOCK) + "\nupdated: 2026-01-01\n---\nBody\n");
    String flow = "---\nid: KB-1\ntranslated_from: {lang: en, hash: ffffffffffff}\n---\nBody\n";
    assertThat(FrontMatterEditor.setTranslatedFrom(flow, BLOCK))
        .contains("---\nid: KB-1\n" + String.join("\n", BLOCK) + "\n---\nBody\n");
  }

  @Test
  void keepsWindowsLineEndsAndTheByteOrderMark() {
    String text = "\uFEFF---\r\nid: KB-1\r\n---\r\nBody\r\n";
    assertThat(FrontMatterEditor.setTranslatedFrom(text, BLOCK))
        .contains("\uFEFF---\r\nid: KB-1\r\n" + String.join("\r\n", BLOCK) + "\r\n---\r\nBody\r\n");
  }

  @Test
  void noFrontMatterNoEdit() {
    assertThat(FrontMatterEditor.setTranslatedFrom("# Title\n", BLOCK)).isEmpty();
    assertThat(FrontMatterEditor.setTranslatedFrom("---\nid: KB-1\n", BLOCK)).isEmpty();
  }
}
