package dev.kbgen.problem;

import static org.assertj.core.api.Assertions.assertThat;

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
  void githubEscapesPropertiesAndData() {
    assertThat(GithubAnnotations.format(P))
        .isEqualTo(
            "::warning file=content/en/a%2C b.md,line=3,col=7,title=link%3A 100%25 \"broken\"::"
                + "line one%0Aline two%0Ahint: fix it\n");
    Problem info = new Problem(Severity.INFO, "site.yaml", 0, 0, "t", "", "", "");
    assertThat(GithubAnnotations.format(info)).isEqualTo("::notice file=site.yaml,title=t::t\n");
  }
}
