package dev.kbgen.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MachineFormatsTest {
  private static final Problem P =
      new Problem(
          Severity.WARNING,
          "content/en/a, b.md",
          3,
          7,
          "link: 100% \"broken\"",
          "line one\nline two",
          "fix it",
          "tab\there");

  @Test
  void jsonEscapesQuotesControlsAndNewlines() {
    assertThat(ProblemJson.format(List.of(P)))
        .isEqualTo(
            "[\n{\"severity\":\"warning\",\"file\":\"content/en/a, b.md\",\"line\":3,\"column\":7,"
                + "\"title\":\"link: 100% \\\"broken\\\"\",\"detail\":\"line one\\nline two\","
                + "\"hint\":\"fix it\",\"excerpt\":\"tab\\there\"}\n]\n");
    assertThat(ProblemJson.format(List.of())).isEqualTo("[\n]\n");
    assertThat(ProblemJson.object(new Problem(Severity.ERROR, "f", 0, 0, "\u0001", "", "", "")))
        .contains("\"title\":\"\\u0001\"");
  }

  @Test
  void githubNamesFilesFromTheWorkspaceWhenTheWorkingFolderIsBelowIt() {
    Path docs = Path.of("/repo/docs");
    var file = GithubAnnotations.relativeTo(docs, "/repo");
    assertThat(file.apply("kb/en/a.md")).isEqualTo("docs/kb/en/a.md");
    assertThat(file.apply("/repo/kb/site.yaml")).isEqualTo("kb/site.yaml");
    assertThat(file.apply("../templates/article.peb")).isEqualTo("templates/article.peb");
    // outside the workspace, or without one, a file is named as it is
    assertThat(file.apply("/elsewhere/a.md")).isEqualTo("/elsewhere/a.md");
    assertThat(GithubAnnotations.relativeTo(docs, null).apply("kb/en/a.md"))
        .isEqualTo("kb/en/a.md");
    assertThat(GithubAnnotations.relativeTo(docs, " ").apply("kb/en/a.md")).isEqualTo("kb/en/a.md");
    assertThat(GithubAnnotations.format(P, file))
        .startsWith("::warning file=docs/content/en/a%2C b.md,");
  }

  @Test
  void githubEscapesPropertiesAndData() {
    assertThat(GithubAnnotations.format(P))
        .isEqualTo(
            "::warning file=content/en/a%2C b.md,line=3,col=7,title=link%3A 100%25 \"broken\"::"
                + "line one%0Aline two%0Ahint: fix it\n");
    Problem info = new Problem(Severity.INFO, "site.yaml", 0, 0, "t", "", "", "");
    assertThat(GithubAnnotations.format(info)).isEqualTo("::notice file=site.yaml,title=t::t\n");
  }
}
