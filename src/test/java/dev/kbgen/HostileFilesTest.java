package dev.kbgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.kbgen.problem.Problem;
import dev.kbgen.problem.Severity;
import dev.kbgen.testing.Cli;
import dev.kbgen.testing.SiteFixture;
import dev.kbgen.testing.SiteFixture.Built;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile files that cannot be committed as fixtures (too large, links, permissions, names some
 * file systems refuse): each is made in a temporary folder, built in memory for the exact problem,
 * and through the command line for the exit code and an untouched previous site.
 */
class HostileFilesTest {
  @TempDir Path tmp;

  static final String BODY =
      """

      ## Symptom

      The desktop client stops syncing.

      ## Cause

      The network connection dropped.

      ## Resolution

      Reconnect and restart the client.

      ## Prevention

      Keep the client up to date.
      """;

  static String article(String id, String title) {
    return "---\nid: "
        + id
        + "\ntitle: "
        + title
        + "\ntags: [network]\nupdated: 2026-02-01\n---\n"
        + BODY;
  }

  SiteFixture site() {
    return SiteFixture.write(
        tmp.resolve("project"),
        "-- content/en/sync/sync-stops.md --\n" + article("KB-1001", "Sync stops"));
  }

  Path sync(SiteFixture f) {
    return f.content().resolve("en/sync");
  }

  static List<String> lines(Built built) {
    return built.problems().stream()
        .filter(p -> p.severity() != Severity.INFO)
        .map(p -> p.location() + ": " + p.severity().label() + ": " + p.title())
        .toList();
  }

  /** Builds through the command line over a previous site and checks what a failure must keep. */
  Cli.Run cli(SiteFixture f, int expectedCode) throws IOException {
    Path out = tmp.resolve("out/site");
    Path marker = SiteFixture.previousSite(out);
    List<String> before = listing(out);
    Cli.Run run = Cli.build(f.content(), f.templates(), out);
    String err = run.err();
    assertThat(run.code()).as(err).isEqualTo(expectedCode);
    assertThat(err).doesNotContain("Exception").doesNotContain("\tat ");
    if (expectedCode != 0) {
      assertThat(err).contains("was not changed");
      assertThat(listing(out)).isEqualTo(before);
      assertThat(marker).hasContent("previous site");
    } else {
      assertThat(marker).doesNotExist();
    }
    try (Stream<Path> siblings = Files.list(out.getParent())) {
      assertThat(siblings.map(p -> p.getFileName().toString()).toList()).containsExactly("site");
    }
    return run;
  }

  private static List<String> listing(Path out) throws IOException {
    try (Stream<Path> walk = Files.walk(out)) {
      return walk.map(p -> out.relativize(p).toString()).sorted().toList();
    }
  }

  @Test
  void byteOrderMarkCrlfAndCrLineEndingsBuildLikeLf() throws IOException {
    SiteFixture f = site();
    String lf = article("KB-1002", "With BOM");
    Files.writeString(sync(f).resolve("bom.md"), "\uFEFF" + lf, StandardCharsets.UTF_8);
    Files.writeString(
        sync(f).resolve("crlf.md"),
        article("KB-1003", "With CRLF").replace("\n", "\r\n"),
        StandardCharsets.UTF_8);
    Files.writeString(
        sync(f).resolve("cr.md"),
        article("KB-1004", "With CR").replace('\n', '\r'),
        StandardCharsets.UTF_8);
    Built built = f.build().assertOk();
    assertThat(lines(built)).isEmpty();
    assertThat(built.text("en/sync/bom/index.html")).contains("With BOM").doesNotContain("\uFEFF");
    assertThat(built.text("en/sync/crlf/index.html")).contains("With CRLF").doesNotContain("\r");
    assertThat(built.text("en/sync/cr/index.html")).contains("With CR</h1>");
    cli(f, 0);
  }

  @Test
  void filesThatEditorsLeaveBesideTheOnesTheySaveAreNotPublished() throws IOException {
    SiteFixture f = site();
    Path images = Files.createDirectories(sync(f).resolve("images"));
    Files.write(images.resolve("tray.png"), new byte[] {1, 2, 3});
    for (String name :
        List.of(
            "sync-stops.md~",
            "#sync-stops.md#",
            "4913",
            "sync-stops.md___jb_tmp___",
            "sync-stops.md___jb_old___",
            ".sync-stops.md.swp")) {
      Files.writeString(sync(f).resolve(name), "draft", StandardCharsets.UTF_8);
    }
    Files.writeString(images.resolve("tray.png~"), "old", StandardCharsets.UTF_8);
    Path css = Files.createDirectories(f.templates().resolve("static")).resolve("kbgen.css");
    Files.writeString(css.resolveSibling("kbgen.css~"), "old", StandardCharsets.UTF_8);
    Files.writeString(css.resolveSibling(".DS_Store"), "old", StandardCharsets.UTF_8);
    Files.writeString(css.resolveSibling(".kbgen.css.swp"), "old", StandardCharsets.UTF_8);
    Path wellKnown = Files.createDirectories(css.resolveSibling(".well-known"));
    Files.writeString(wellKnown.resolve("security.txt"), "Contact: x", StandardCharsets.UTF_8);
    Built built = f.build().assertOk();
    assertThat(built.files().keySet())
        .contains("en/sync/images/tray.png")
        .noneMatch(
            path ->
                path.startsWith("en/sync/")
                    && !path.startsWith("en/sync/images/")
                    && !path.endsWith(".html"))
        .doesNotContain(
            "en/sync/images/tray.png~",
            "static/kbgen.css~",
            "static/.DS_Store",
            "static/.kbgen.css.swp")
        // a theme's other hidden files are its author's choice
        .contains("static/.well-known/security.txt");
    cli(f, 0);
  }

  @Test
  void aFiftyMegabyteArticleIsRefusedBeforeItIsRead() throws IOException {
    SiteFixture f = site();
    Path big = sync(f).resolve("big.md");
    Files.writeString(big, article("KB-1002", "Big"), StandardCharsets.UTF_8);
    try (RandomAccessFile raf = new RandomAccessFile(big.toFile(), "rw")) {
      raf.setLength(50L * 1024 * 1024);
    }
    assertThat(lines(f.build()))
        .containsExactly("content/en/sync/big.md: error: article is larger than 5 MB");
    assertThat(cli(f, 1).err()).contains("big.md: error: article is larger than 5 MB");
  }

  @Test
  void aTenMegabyteFrontMatterIsRefused() throws IOException {
    SiteFixture f = site();
    String filler = "note: \"" + "x".repeat(10 * 1024 * 1024) + "\"\n";
    Files.writeString(
        sync(f).resolve("big.md"),
        article("KB-1002", "Big").replace("updated:", filler + "updated:"),
        StandardCharsets.UTF_8);
    assertThat(lines(f.build()))
        .containsExactly("content/en/sync/big.md: error: article is larger than 5 MB");
    cli(f, 1);
  }

  @Test
  void aFrontMatterOverTheYamlLimitButUnderTheArticleLimitIsRefused() throws IOException {
    SiteFixture f = site();
    String filler = "note: \"" + "x".repeat(2 * 1024 * 1024) + "\"\n";
    Files.writeString(
        sync(f).resolve("big.md"),
        article("KB-1002", "Big").replace("updated:", filler + "updated:"),
        StandardCharsets.UTF_8);
    assertThat(lines(f.build()))
        .singleElement()
        .asString()
        .startsWith("content/en/sync/big.md:")
        .contains("error: front matter is not valid YAML: front matter is larger than");
    cli(f, 1);
  }

  @Test
  void fileNamesWithSpacesChineseUppercaseAndUrlUnsafeCharacters() throws IOException {
    SiteFixture f = site();
    String[] names = {"Sync Stops Again.md", "同步停止.md", "UPPER.md", "a?b#c%d&e.md"};
    int id = 1002;
    for (String name : names) {
      Files.writeString(
          sync(f).resolve(name), article("KB-" + id, "Article " + id++), StandardCharsets.UTF_8);
    }
    Built built = f.build().assertOk();
    assertThat(lines(built)).isEmpty();
    assertThat(built.files())
        .containsKeys(
            "en/sync/sync-stops-again/index.html",
            "en/sync/同步停止/index.html",
            "en/sync/upper/index.html",
            "en/sync/a-b-c-d-e/index.html");
    assertThat(built.files().keySet()).allMatch(k -> !k.matches(".*[ ?#%&A-Z].*"), "URL-safe");
    cli(f, 0);
  }

  @Test
  void fileNamesWhoseUrlsCollideAreAnError() throws IOException {
    SiteFixture f = site();
    Files.writeString(
        sync(f).resolve("Sync Stops.md"), article("KB-1002", "Again"), StandardCharsets.UTF_8);
    assertThat(lines(f.build()))
        .containsExactly(
            "content/en/sync/sync-stops.md: error: publishes to the same page as"
                + " content/en/sync/Sync Stops.md (en/sync/sync-stops/)");
    cli(f, 1);
  }

  @Test
  void symbolicLinkLoopsAreNotFollowed() throws IOException {
    SiteFixture f = site();
    Files.createSymbolicLink(sync(f).resolve("loop"), sync(f));
    Files.createSymbolicLink(sync(f).resolve("a.md"), sync(f).resolve("b.md"));
    Files.createSymbolicLink(sync(f).resolve("b.md"), sync(f).resolve("a.md"));
    Built built = f.build().assertOk();
    assertThat(lines(built))
        .containsExactly(
            "content/en/sync/a.md: warning: symbolic link not followed",
            "content/en/sync/b.md: warning: symbolic link not followed",
            "content/en/sync/loop: warning: symbolic link not followed");
    cli(f, 0);
  }

  @Test
  void aSymbolicLinkOutsideTheContentFolderIsNotFollowed() throws IOException {
    SiteFixture f = site();
    Path outside = tmp.resolve("outside");
    Files.createDirectories(outside);
    Files.writeString(
        outside.resolve("secret.md"), article("KB-6666", "TOP-SECRET"), StandardCharsets.UTF_8);
    Files.writeString(outside.resolve("secret.png"), "TOP-SECRET", StandardCharsets.UTF_8);
    Files.createSymbolicLink(sync(f).resolve("secret.md"), outside.resolve("secret.md"));
    Files.createSymbolicLink(sync(f).resolve("images"), outside);
    Built built = f.build().assertOk();
    assertThat(lines(built))
        .containsExactly(
            "content/en/sync/images: warning: symbolic link not followed",
            "content/en/sync/secret.md: warning: symbolic link not followed");
    for (var file : built.files().values()) {
      assertThat(new String(file.bytes(), StandardCharsets.UTF_8))
          .as(file.path())
          .doesNotContain("TOP-SECRET")
          .doesNotContain("KB-6666");
    }
    cli(f, 0);
  }

  @Test
  void anUnreadableFileIsAProblemNotACrash() throws IOException {
    SiteFixture f = site();
    Path locked = sync(f).resolve("locked.md");
    Files.writeString(locked, article("KB-1002", "Locked"), StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    boolean readable;
    try {
      Files.readAllBytes(locked);
      readable = true;
    } catch (IOException e) {
      readable = false;
    }
    // Root (as in most CI containers) reads files whatever their mode: nothing to test there.
    assumeThat(readable).as("chmod 000 denies reads for this user (not root)").isFalse();
    List<Problem> problems = f.build().problems();
    assertThat(lines(f.build()))
        .singleElement()
        .asString()
        .startsWith("content/en/sync/locked.md: error: cannot read");
    assertThat(problems).isNotEmpty();
    cli(f, 1);
  }

  /** YAML 1.1 would read these as false, 1.1 and a date; front matter keeps the text written. */
  @Test
  void yaml11LookalikesStayTheTextTheWriterTyped() throws IOException {
    SiteFixture f = site();
    Files.writeString(sync(f).resolve("no.md"), article("KB-1002", "no"), StandardCharsets.UTF_8);
    Files.writeString(
        sync(f).resolve("version.md"), article("KB-1003", "1.10"), StandardCharsets.UTF_8);
    Files.writeString(
        sync(f).resolve("day.md"), article("KB-1004", "2026-11-21"), StandardCharsets.UTF_8);
    Files.writeString(sync(f).resolve("on.md"), article("KB-1005", "On"), StandardCharsets.UTF_8);
    Built built = f.build().assertOk();
    assertThat(lines(built)).isEmpty();
    assertThat(built.text("en/sync/no/index.html")).contains("<title>no ");
    assertThat(built.text("en/sync/version/index.html")).contains("<title>1.10 ");
    assertThat(built.text("en/sync/day/index.html")).contains("<title>2026-11-21 ");
    assertThat(built.text("en/sync/on/index.html")).contains("<title>On ");
  }
}
