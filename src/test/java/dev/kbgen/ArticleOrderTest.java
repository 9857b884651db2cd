package dev.kbgen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbgen.testing.SiteFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Article lists follow the language's collation, as a reader expects, not code-point order. */
class ArticleOrderTest {
  private static final Pattern TITLE =
      Pattern.compile("class=\"card-title\"><a [^>]*>(\\p{L}+)</a>");

  @Test
  void theArticleListIsInTheLanguagesOrder(@TempDir Path tmp) {
    StringBuilder text = new StringBuilder();
    String[] titles = {"zebra", "Éclair", "apple", "eclair", "Eclair", "Zebra", "éclair"};
    for (int i = 0; i < titles.length; i++) {
      text.append(
          """
          -- content/en/sync/a%d.md --
          ---
          id: KB-%d
          title: %s
          type: how-to
          tags: [network]
          updated: 2026-02-10
          ---

          ## Steps

          Text %d.
          """
              .formatted(i, 100 + i, titles[i], i));
    }
    SiteFixture.Built built = SiteFixture.write(tmp, text.toString()).build().assertOk();

    List<String> listed = new ArrayList<>();
    Matcher m = TITLE.matcher(built.text("en/articles/index.html"));
    while (m.find()) {
      listed.add(m.group(1));
    }
    // Accents after case-blind letters, lower case before upper case within the same letters;
    // code-point order would put every capital first and the accented letters last.
    assertThat(listed)
        .containsExactly("apple", "eclair", "Eclair", "éclair", "Éclair", "zebra", "Zebra");
  }
}
