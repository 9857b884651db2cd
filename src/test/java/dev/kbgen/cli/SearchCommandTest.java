package dev.kbgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbgen.testing.Cli;
import dev.kbgen.testing.Cli.Run;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code kbgen search} on the sample site. */
class SearchCommandTest {
  static Run search(String... args) {
    List<String> all = new ArrayList<>(List.of("search", "--content", "content"));
    all.addAll(List.of("--templates", "templates"));
    all.addAll(List.of(args));
    return Cli.run(all);
  }

  @Test
  void anErrorCodeFindsItsArticleFirst() {
    Run r = search("0x80070005");
    assertThat(r.code()).isZero();
    assertThat(r.out().lines().findFirst())
        .hasValue(" 1. Sync paused with Access is denied (0x80070005) on Windows  [KB-1005]");
  }

  @Test
  void aCodeTypedInFullWidthSearchesTheChineseArticles() {
    Run r = search("０ｘ８００７０００５");
    assertThat(r.code()).isZero();
    assertThat(r.out().lines().findFirst())
        .hasValue(" 1. Windows 上同步暂停，提示“拒绝访问”（0x80070005）  [KB-1005]");
    assertThat(search("ＯＲＢ－ＳＹＮＣ－１３０１", "--limit", "1").out())
        .contains("https://help.orbitly.example/zh/sync/");
  }

  @Test
  void filtersTheSiteDoesNotDeclareAreUsageErrors() {
    Run product = search("--product", "snyc", "sync");
    assertThat(product.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(product.err()).contains("--product snyc is not declared: did you mean 'sync'?");
    Run type = search("--type", "bogus", "--tag", "nope", "sync");
    assertThat(type.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(type.err())
        .contains("--type bogus is not declared: use one of troubleshooting, how-to, faq")
        .contains("--tag nope is not declared");
    assertThat(type.out()).isEmpty();
  }

  @Test
  void aDeclaredFilterKeepsOnlyItsArticles() {
    Run r = search("--product", "billing", "--json", "sync");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("\"query\":\"sync\"").doesNotContain("en/sync/");
  }
}
