package dev.kbgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbgen.content.FileNames;
import dev.kbgen.testing.Cli;
import dev.kbgen.testing.SiteFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kbgen in a Java runtime started in the C locale (LANG unset, as on many CI machines), where the
 * runtime reads file names and arguments as ASCII: a Chinese file name or query must not be quietly
 * misread.
 */
class LocaleTest {
  @TempDir Path tmp;

  /** Runs kbgen in a runtime of its own with {@code LC_ALL=C}; returns its exit code and output. */
  private Cli.Run inTheCLocale(List<String> args) throws IOException, InterruptedException {
    Map<String, String> env = new HashMap<>();
    System.getenv().keySet().stream()
        .filter(k -> k.startsWith("LC_") || k.equals("LANG"))
        .forEach(k -> env.put(k, null));
    env.put("LC_ALL", "C");
    return Cli.child(tmp, env, args);
  }

  @Test
  void aFileNameTheLocaleCannotReadIsAnErrorNotAnArticleAtAnotherUrl() throws Exception {
    Path content = tmp.resolve("content");
    SiteFixture.copyTree(SiteFixture.repoContent(), content);
    Path article = content.resolve("zh/sync/windows-access-denied.md");
    Files.writeString(
        content.resolve("zh/sync/同步暂停.md"),
        Files.readString(article, StandardCharsets.UTF_8).replace("id: KB-1005", "id: KB-1999"),
        StandardCharsets.UTF_8);
    Path out = tmp.resolve("site");
    Cli.Run run =
        inTheCLocale(
            List.of(
                "build",
                "--content",
                content.toString(),
                "--templates",
                SiteFixture.repoTemplates().toString(),
                "--out",
                out.toString()));
    assertThat(run.code()).as(run.out()).isEqualTo(ExitCodes.CONTENT);
    assertThat(run.out())
        .contains(
            ".md: error: the file name cannot be read in this locale's character set"
                + " (ANSI_X3.4-1968)")
        .contains("hint: run kbgen in a UTF-8 locale, such as LC_ALL=C.UTF-8")
        .doesNotContain("Exception");
    assertThat(out).doesNotExist();
  }

  /**
   * Links, references and related ids that name a file left out for its name, and the missing
   * translation it leaves, follow from that one problem: they are not reported on top of it, which
   * names the file as it is written.
   */
  @Test
  void whatFollowsFromAnUnreadableFileNameIsNotReportedOnTopOfIt() throws Exception {
    Path content = tmp.resolve("content");
    SiteFixture.copyTree(SiteFixture.repoContent(), content);
    Path sync = content.resolve("zh/sync");
    Files.move(sync.resolve("windows-access-denied.md"), sync.resolve("访问被拒绝.md"));
    Files.writeString(
        sync.resolve("同步暂停.md"),
        Files.readString(sync.resolve("访问被拒绝.md"), StandardCharsets.UTF_8)
            .replace("id: KB-1005", "id: KB-1999"),
        StandardCharsets.UTF_8);
    Files.createDirectories(sync.resolve("截图"));
    Files.write(sync.resolve("截图/设置.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    append(
        sync.resolve("selective-sync.md"), "\n见 [同步暂停](同步暂停.md)、[[KB-1999]] 和 ![设置](截图/设置.png)。\n");
    append(
        content.resolve("zh/account/reset-two-factor.md"),
        "\n见 [同步暂停](../sync/%E5%90%8C%E6%AD%A5%E6%9A%82%E5%81%9C.md)。\n");
    Path stuck = sync.resolve("files-stuck-syncing.md");
    Files.writeString(
        stuck,
        Files.readString(stuck, StandardCharsets.UTF_8)
            .replace(
                "related: [KB-1006, KB-1007, KB-1005]", "related: [KB-1006, KB-1007, KB-1999]"),
        StandardCharsets.UTF_8);

    Cli.Run run =
        inTheCLocale(
            List.of(
                "check",
                "--content",
                content.toString(),
                "--templates",
                SiteFixture.repoTemplates().toString()));
    assertThat(run.code()).as(run.out()).isEqualTo(ExitCodes.CONTENT);
    String cannot =
        ": error: the file name cannot be read in this locale's character set (ANSI_X3.4-1968)";
    assertThat(run.out().lines().filter(l -> l.contains(": error: ")))
        .as(run.out())
        .containsExactly(
            "content/zh/sync/同步暂停.md" + cannot,
            "content/zh/sync/截图" + cannot,
            "content/zh/sync/访问被拒绝.md" + cannot);
    assertThat(run.out()).doesNotContain("'KB-1005' has no zh translation");
  }

  private static void append(Path file, String text) throws IOException {
    Files.writeString(
        file, Files.readString(file, StandardCharsets.UTF_8) + text, StandardCharsets.UTF_8);
  }

  @Test
  void anArgumentTheLocaleCannotReadIsAUsageError() throws Exception {
    Cli.Run run =
        inTheCLocale(List.of("search", "--content", SiteFixture.repoContent().toString(), "同步暂停"));
    assertThat(run.code()).as(run.out()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.out())
        .startsWith("kbgen: an argument cannot be read in this locale's character set")
        .contains("hint: run kbgen in a UTF-8 locale, such as LC_ALL=C.UTF-8")
        .doesNotContain("no results");
  }

  @Test
  void inAUtf8LocaleAFileNameThatIsNotUtf8IsAnError() throws Exception {
    Path content = tmp.resolve("content");
    SiteFixture.copyTree(SiteFixture.repoContent(), content);
    // A name of the bytes 0xFF 'x' '.md', which no UTF-8 decoder reads: made by the shell, as Java
    // writes names from text.
    Process touch =
        new ProcessBuilder("/bin/sh", "-c", "touch \"$(printf '\\377')x.md\"")
            .directory(content.resolve("en/sync").toFile())
            .start();
    assertThat(touch.waitFor()).isZero();
    try (Stream<Path> files = Files.list(content.resolve("en/sync"))) {
      assertThat(files.map(p -> p.getFileName().toString())).anyMatch(FileNames::unreadable);
    }
    Cli.Run run = Cli.build(content, SiteFixture.repoTemplates(), tmp.resolve("site"));
    assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.CONTENT);
    assertThat(run.err())
        .contains("x.md: error: the file name is not valid UTF-8")
        .contains("hint: rename the file with a name in UTF-8");
  }
}
