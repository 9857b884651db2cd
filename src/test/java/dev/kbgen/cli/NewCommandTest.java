package dev.kbgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbgen.problem.Problem;
import dev.kbgen.problem.Severity;
import dev.kbgen.testing.Cli;
import dev.kbgen.testing.Cli.Run;
import dev.kbgen.testing.SiteFixture;
import dev.kbgen.testing.SiteFixture.Built;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kbgen new}: the file it writes parses, passes check, and takes the next free id. */
class NewCommandTest {
  private static final String SITE =
      """
      -- content/en/sync/sync-stops.md --
      ---
      id: KB-1001
      title: Sync stops
      tags: [network]
      updated: 2026-11-01
      ---

      ## Symptom

      The client stops syncing.

      ## Cause

      The network dropped.

      ## Resolution

      Reconnect.

      ## Prevention

      Use a stable network.
      -- content/zh/sync/sync-stops.md --
      ---
      id: KB-1001
      title: 同步停止
      tags: [network]
      updated: 2026-11-01
      ---

      ## 症状

      客户端停止同步。

      ## 原因

      网络断开。

      ## 解决方案

      重新连接。

      ## 预防措施

      使用稳定的网络。
      -- content/en/account/sign-in.md --
      ---
      id: KB-1007
      title: Sign-in
      type: faq
      updated: 2026-11-01
      ---

      ## Can I sign in with Google?

      Yes.
      """;

  @TempDir Path tmp;
  SiteFixture site;

  Run run(String... args) {
    List<String> all = new ArrayList<>(List.of("new", "--content", site.content().toString()));
    all.addAll(List.of(args));
    if (!all.contains("--date")) {
      all.addAll(List.of("--date", "2026-11-21"));
    }
    return Cli.run(all);
  }

  @BeforeEach
  void writeSite() {
    site = SiteFixture.write(tmp, SITE);
  }

  private String read(String contentPath) throws IOException {
    return Files.readString(site.content().resolve(contentPath), StandardCharsets.UTF_8);
  }

  @Test
  void writesATroubleshootingArticleWithTheNextFreeId() throws IOException {
    Run r =
        run(
            "--lang",
            "en",
            "--product",
            "sync",
            "--tags",
            "windows,network",
            "Sync stops after an update");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .startsWith("created " + site.content().resolve("en/sync/sync-stops-after-an-update.md"))
        .contains("(KB-1008)");
    assertThat(read("en/sync/sync-stops-after-an-update.md"))
        .isEqualTo(
            """
            ---
            id: KB-1008
            title: "Sync stops after an update"
            summary: "TODO: one sentence that says what goes wrong and for whom"
            type: troubleshooting
            product: sync
            tags: [windows, network]
            updated: 2026-11-21
            ---

            ## Symptom

            TODO: what the customer sees. Quote the error message exactly.

            ## Cause

            TODO: why it happens.

            ## Resolution

            1. TODO: the first step that fixes it.

            ## Prevention

            TODO: how to keep it from happening again.
            """);
  }

  @Test
  void theNewArticleParsesAndPassesCheckWithItsPlaceholdersFlagged() {
    assertThat(run("--lang", "en", "--product", "sync", "--tags", "network", "Sync is slow").code())
        .isZero();
    Built check = site.check();
    assertThat(check.result().articles()).isEqualTo(4);
    assertThat(check.problems()).as(check.report()).noneMatch(Problem::isError);
    List<Problem> mine =
        check.problems().stream().filter(p -> p.file().endsWith("sync-is-slow.md")).toList();
    assertThat(mine)
        .extracting(p -> p.severity() + " " + p.line() + " " + p.title())
        .containsExactly(
            "INFO 2 'KB-1008' has no zh translation",
            "WARNING 4 placeholder 'TODO:' left in the article",
            "WARNING 13 placeholder 'TODO:' left in the article",
            "WARNING 17 placeholder 'TODO:' left in the article",
            "WARNING 21 placeholder 'TODO:' left in the article",
            "WARNING 25 placeholder 'TODO:' left in the article");
  }

  @Test
  void chineseArticleGetsChineseHeadingsAndTheIdAsFileName() throws IOException {
    Run r =
        run(
            "--lang",
            "zh",
            "--product",
            "sync",
            "--tags",
            "network",
            "--type",
            "troubleshooting",
            "同步很慢");
    assertThat(r.code()).as(r.err()).isZero();
    String text = read("zh/sync/kb-1008.md");
    assertThat(text)
        .contains("title: \"同步很慢\"\n")
        .contains("\n## 症状\n\nTODO: 描述客户看到的现象")
        .contains("\n## 原因\n")
        .contains("\n## 解决方案\n")
        .contains("\n## 预防措施\n");
  }

  @Test
  void otherTypesGetTheirOwnHeadings() throws IOException {
    assertThat(
            run("--lang", "en", "--product", "account", "--type", "how-to", "Change your email")
                .code())
        .isZero();
    assertThat(read("en/account/change-your-email.md"))
        .contains("type: how-to\n")
        .doesNotContain("tags:")
        .contains("\n## Before you begin\n")
        .contains("\n## Steps\n\n1. TODO: the first step.\n");
    assertThat(site.check().problems()).noneMatch(Problem::isError);
  }

  @Test
  void nextFreeIdSkipsIdsOfFilesThatDoNotParse() throws IOException {
    Files.writeString(
        site.content().resolve("en/sync/broken.md"),
        "---\nid: KB-1012\ntitle: [broken\n---\n",
        StandardCharsets.UTF_8);
    Run r = run("--lang", "en", "--product", "sync", "--tags", "network", "Another");
    assertThat(r.out()).contains("(KB-1013)");
    assertThat(
            run("--lang", "en", "--product", "sync", "--tags", "network", "--id", "KB-2000", "Mine")
                .out())
        .contains("(KB-2000)");
  }

  @Test
  void translateStartsFromTheSourceWithHeadingsInTheNewLanguage() throws IOException {
    Files.delete(site.content().resolve("zh/sync/sync-stops.md"));
    Run r = run("--translate", "KB-1001", "--lang", "zh");
    assertThat(r.code()).as(r.err()).isZero();
    String text = read("zh/sync/sync-stops.md");
    assertThat(text)
        .startsWith(
            """
            ---
            id: KB-1001
            title: "Sync stops"
            type: troubleshooting
            product: sync
            tags: [network]
            updated: 2026-11-21
            translated_from:
              lang: en
            """)
        .contains("\n---\n\nTODO: 将本文从 en 原文译出，然后删除这一行。\n\n## 症状\n\nThe client stops syncing.\n")
        .contains("\n## 原因\n\nThe network dropped.\n")
        .contains("\n## 解决方案\n")
        .endsWith("\n## 预防措施\n\nUse a stable network.\n");
    Built check = site.check();
    assertThat(check.problems())
        .as(check.report())
        .noneMatch(Problem::isError)
        .noneMatch(p -> p.title().startsWith("outdated translation"))
        .anyMatch(
            p -> p.file().endsWith("zh/sync/sync-stops.md") && p.severity() == Severity.WARNING);
    StringWriter table = new StringWriter();
    Main.run(
        new String[] {"translations", "--content", site.content().toString()},
        new PrintWriter(table, true),
        new PrintWriter(new StringWriter(), true));
    assertThat(table.toString())
        .contains("KB-1001  en/sync/sync-stops.md  zh/sync/sync-stops.md  current");
  }

  @Test
  void aSiteConfigErrorIsPrintedWithItsLine() throws IOException {
    Path config = site.content().resolve("site.yaml");
    Files.writeString(config, "tgas: 1\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    Run r = run("--lang", "en", "--product", "sync", "--tags", "network", "Sync hangs");
    assertThat(r.code()).isEqualTo(ExitCodes.CONTENT);
    assertThat(r.err()).contains("site.yaml:").contains("error: ").contains("tgas");
    assertThat(site.content().resolve("en/sync/sync-hangs.md")).doesNotExist();
  }

  @Test
  void aTagOrProductWrittenByItsChineseNameGetsItsKey() throws IOException {
    Run tag = run("--lang", "zh", "--product", "sync", "--tags", "网络", "同步很慢");
    assertThat(tag.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(tag.err())
        .contains("tag '网络' is not declared")
        .contains("'网络' is the name of the tag 'network': write its key, network");
    Run product = run("--lang", "zh", "--product", "同步", "--tags", "network", "同步很慢");
    assertThat(product.err()).contains("'同步' is the name of the product 'sync'");
    Run comma = run("--lang", "zh", "--product", "sync", "--tags", "network，网络", "同步很慢");
    assertThat(comma.err())
        .contains(
            "write the list with ASCII brackets and commas, not full-width ones: [network, network]");
    try (var files = Files.walk(site.content())) {
      assertThat(files.filter(Files::isRegularFile).count()).as("nothing written").isEqualTo(4);
    }
  }

  @Test
  void refusesToOverwriteAndExplainsUsageMistakes() throws IOException {
    String[] args = {"--lang", "en", "--product", "sync", "--tags", "network", "Sync stops"};
    Run r = run(args);
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("sync-stops.md already exists; kbgen new never overwrites");
    assertThat(read("en/sync/sync-stops.md")).contains("title: Sync stops\n");

    Run product = run("--lang", "en", "--product", "snyc", "--tags", "network", "X");
    assertThat(product.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(product.err())
        .contains("--product snyc is not declared")
        .contains("did you mean 'sync'?");
    assertThat(run("--lang", "en", "--product", "sync", "X").err())
        .contains("a troubleshooting article needs at least one tag");
    assertThat(run("--lang", "en", "--product", "sync", "--tags", "netwrk", "X").err())
        .contains("did you mean 'network'?");
    assertThat(run("--lang", "fr", "--product", "sync", "X").err()).contains("--lang fr is not");
    assertThat(
            run("--lang", "en", "--product", "sync", "--tags", "network", "--id", "KB-1007", "X")
                .err())
        .contains("id KB-1007 is already used by");
    assertThat(run("--translate", "KB-1001", "--lang", "zh").err())
        .contains("already has a version in 'zh'");
    assertThat(run("--translate", "KB-4040", "--lang", "zh").code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run("--translate", "kb-1001", "--lang", "zh").err())
        .contains("no article has id kb-1001\n  hint: did you mean 'KB-1001'?");
    assertThat(run("--lang", "en", "--product", "sync", "--tags", "network").err())
        .contains("the title is missing");
    try (var files = Files.walk(site.content())) {
      assertThat(files.filter(Files::isRegularFile).count()).as("nothing written").isEqualTo(4);
    }
  }
}
