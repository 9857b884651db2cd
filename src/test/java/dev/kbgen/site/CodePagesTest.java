package dev.kbgen.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbgen.build.Pipeline;
import dev.kbgen.search.SearchDocument;
import dev.kbgen.search.SearchEngine;
import dev.kbgen.testing.SiteFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An error code's page lists the articles that declare the code, then those that mention it in
 * their own words; the title a reference shows is the other article's, not a mention.
 */
class CodePagesTest {
  private static final Pattern TITLE = Pattern.compile("class=\"card-title\"><a [^>]*>([^<]+)</a>");

  private static final String SITE =
      """
      -- content/en/api/webhooks-502.md --
      ---
      id: KB-201
      title: Webhooks fail with HTTP 502
      type: how-to
      error_codes: ["HTTP 502"]
      updated: 2026-02-10
      ---

      ## Steps

      The receiver answers with an error; fix the receiver.
      -- content/en/api/rate-limits.md --
      ---
      id: KB-202
      title: API calls fail with HTTP 429
      type: how-to
      error_codes: ["HTTP 429"]
      updated: 2026-02-10
      ---

      ## Steps

      Retry later. For webhooks, see [[KB-201]].
      -- content/en/api/all-errors.md --
      ---
      id: KB-203
      title: All errors of the API
      type: reference
      error_codes: ["HTTP 429", "HTTP 500", "HTTP 502", "HTTP 503"]
      updated: 2026-02-10
      ---

      ## Codes

      Each code the API answers with, and the article about it.
      -- content/en/api/gateway.md --
      ---
      id: KB-204
      title: Gateway answers slowly
      type: how-to
      updated: 2026-02-10
      ---

      ## Steps

      A proxy in between sometimes answers HTTP 502 itself.
      -- content/en/api/note.md --
      ---
      id: KB-205
      title: Note on webhook receivers
      type: how-to
      updated: 2026-02-10
      ---

      ## Steps

      Receivers must answer quickly; see [[KB-201|the article on HTTP 502]].
      -- content/en/api/known-issues.md --
      ---
      id: KB-206
      title: Known issues
      type: how-to
      updated: 2026-02-10
      ---

      ## Steps

      Webhooks fail with HTTP 502 during upgrades: see [[KB-201]].
      """;

  private static List<String> listed(SiteFixture.Built built, String page) {
    List<String> titles = new ArrayList<>();
    Matcher m = TITLE.matcher(built.text(page));
    while (m.find()) {
      titles.add(m.group(1));
    }
    return titles;
  }

  @Test
  void declaringArticlesComeFirstAndAReferencesTitleIsNoMention(@TempDir Path tmp) {
    SiteFixture site = SiteFixture.write(tmp, SITE);
    SiteFixture.Built built = site.build().assertOk();
    // KB-202 shows KB-201's title ("... HTTP 502") as its reference's text: not its own words.
    // KB-201 declares only this code, KB-203 four; KB-204 and KB-205 mention it in their own text
    // (KB-205 in a reference's own text, KB-206 in the same words as the reference's title).
    assertThat(listed(built, "en/codes/http-502/index.html"))
        .containsExactly(
            "Webhooks fail with HTTP 502",
            "All errors of the API",
            "Gateway answers slowly",
            "Known issues",
            "Note on webhook receivers");
    assertThat(listed(built, "en/codes/http-429/index.html"))
        .containsExactly("API calls fail with HTTP 429", "All errors of the API");
    // the page itself still shows the reference with the target's title
    assertThat(built.text("en/api/rate-limits/index.html")).contains("Webhooks fail with HTTP 502");

    // the search does not index a reference's title as the article's words; its excerpt keeps it
    try (SearchEngine engine =
        new Pipeline(SiteFixture.options(site.content(), site.templates(), false, tmp))
            .reference()
            .engine()) {
      List<String> hits =
          engine.search("502", "en", 10, SearchEngine.Filters.NONE, false).hits().stream()
              .map(h -> h.document().id())
              .toList();
      assertThat(hits)
          .contains("KB-201", "KB-203", "KB-204", "KB-205", "KB-206")
          .doesNotContain("KB-202");
      SearchDocument rateLimits =
          engine.indexes().get("en").documents().stream()
              .filter(d -> d.id().equals("KB-202"))
              .findFirst()
              .orElseThrow();
      assertThat(rateLimits.excerpt()).contains("see Webhooks fail with HTTP 502");
    }
  }
}
