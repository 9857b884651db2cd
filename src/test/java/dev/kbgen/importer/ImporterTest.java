package dev.kbgen.importer;

import static dev.kbgen.importer.ImportTrees.read;
import static dev.kbgen.importer.ImportTrees.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kbgen.testing.Cli;
import dev.kbgen.testing.SiteFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImporterTest {
  @TempDir Path dir;

  private Cli.Run importTree(String from, String lang, String prefix, Path source, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "import",
                "--from",
                from,
                "--lang",
                lang,
                "--prefix",
                prefix,
                "--into",
                dir.resolve("content").toString()));
    args.addAll(List.of(more));
    args.add(source.toString());
    return Cli.run(args);
  }

  private String imported(String path) {
    return read(dir.resolve("content").resolve(path));
  }

  private static final String DOCFX =
      """
      -- src/app/sign-in-fails.md --
      ---
      title: Sign-in fails
      description: Users cannot sign in.
      ms.date: 3/7/2024
      ms.service: identity
      ms.custom: sap:Sign-in\\Passwords
      ms.author: someone
      ---
      # Sign-in fails with error 0x1234

      ## Symptoms

      > [!Note]
      > Only on Windows.

      - When you add the laptop, you see:
          > Permission denied.
          > [!NOTE]
          > Ask an administrator to add it.

      :::image type="content" source="media/x.png" alt-text="The error dialog.":::

      [!INCLUDE [disclaimer](../includes/disclaimer.md)]

      [!INCLUDE [missing](../includes/missing.md)]

      ## Cause

      The password expired.

      ## Resolution

      Reset it. See [the other article](/app/other) and [this](other.md#steps).

      ```text
      > [!NOTE] stays in code
      :::image type="content" source="a.png" alt-text="b":::
      ```
      -- src/app/other.md --
      ---
      title: Other
      ms.date: 12/31/2023
      ---
      # Other

      ## Steps

      1. Open the app.
      2. Click **Sign in**.
      -- src/includes/disclaimer.md --
      This is a disclaimer.
      """;

  @Test
  void docfxAlertsImagesIncludesAndFrontMatter() {
    Path src = write(dir, DOCFX).resolve("src");
    Cli.Run run = importTree("docfx", "en", "support", src);
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(imported("en/support/app/sign-in-fails.md"))
        .isEqualTo(
            """
            ---
            id: "support.app.sign-in-fails"
            title: "Sign-in fails with error 0x1234"
            summary: "Users cannot sign in."
            type: "troubleshooting"
            product: "app"
            tags: ["app", "identity", "sign-in-passwords"]
            updated: 2024-03-07
            extra:
              ms.service: "identity"
              ms.custom: "sap:Sign-in\\\\Passwords"
              ms.author: "someone"
              title: "Sign-in fails"
              imported_from: "docfx:app/sign-in-fails.md"
            ---

            ## Symptoms

            > [!NOTE]
            > Only on Windows.

            - When you add the laptop, you see:
                > Permission denied.

                > [!NOTE]
                > Ask an administrator to add it.

            ![The error dialog.](media/x.png)

            This is a disclaimer.

            *(included content not found: missing.md)*

            ## Cause

            The password expired.

            ## Resolution

            Reset it. See [the other article](other.md) and [this](other.md#steps).

            ```text
            > [!NOTE] stays in code
            :::image type="content" source="a.png" alt-text="b":::
            ```
            """);
    assertThat(run.out())
        .contains("imported 2 articles (1 skipped, 0 failed)")
        .containsPattern("docfx alert +2\\n")
        .containsPattern("docfx image +1\\n")
        .containsPattern("include +1\\n")
        .containsPattern("title from H1 +1\\n")
        .containsPattern(
            "include not found +1\\n +src/app/sign-in-fails.md:25: ../includes/missing.md")
        .containsPattern("image not found +1\\n +src/app/sign-in-fails.md:21: media/x.png")
        .contains("includes/disclaimer.md: include file (in an includes folder)");
    assertThat(imported("site.yaml"))
        // a DocFX site's top folders are its product families
        .contains("products:\n  app: {en: \"App\", zh: \"App\"}\n")
        .doesNotContain("support: {")
        .contains("  sign-in-passwords: {en: \"Sign-in/Passwords\", zh: \"Sign-in/Passwords\"}");
  }

  @Test
  void hugoShortcodesIncludesCommentsAndHeadingIds() {
    Path src =
        write(
                dir,
                """
                -- site/en/docs/tasks/debug.md --
                ---
                title: Debug Pods
                content_type: task
                weight: 10
                ---

                <!-- overview -->
                Use {{< glossary_tooltip text="kubectl" term_id="kubectl" >}} to look at a Pod.
                <!--
                ## English original
                -->

                ## {{% heading "prerequisites" %}}

                {{< include "task-tutorial-prereqs.md" >}}

                ## Check the Pod {#check}

                {{< tabs name="os" >}}
                {{% tab name="Linux" %}}
                {{< note >}}
                Run it as **root**.
                {{< /note >}}
                ```shell
                kubectl get pods # {{< note >}} stays
                ```
                {{% /tab %}}
                {{< tab name="macOS" codelang="bash" >}}
                brew install kubectl
                {{< /tab >}}
                {{< /tabs >}}

                1. Step one.
                   {{< warning >}}
                   Careful with {{< glossary_tooltip term_id="node" >}}s.
                   {{< /warning >}}

                ### Is the proxy running? {#is-proxy running}

                Version {{< param "version" >}}; see [Services](/docs/tasks/services/).
                {{< unknown-thing >}}
                -- site/en/docs/tasks/services.md --
                ---
                title: Services
                ---
                A page.
                -- site/en/includes/task-tutorial-prereqs.md --
                You need a cluster.
                """)
            .resolve("site/en/docs");
    Cli.Run run = importTree("hugo", "en", "k8s", src, "--var", "version=v1.28");
    assertThat(run.code()).as(run.err()).isZero();
    String out = imported("en/k8s/tasks/debug.md");
    assertThat(out.substring(out.indexOf("\n---\n") + 5))
        .isEqualTo(
            """

            Use kubectl to look at a Pod.

            ## Before you begin

            You need a cluster.

            ## Check the Pod <a id="check"></a>

            **Linux**

            > [!NOTE]
            > Run it as **root**.

            ```shell
            kubectl get pods # {{< note >}} stays
            ```

            **macOS**

            ```bash
            brew install kubectl
            ```

            1. Step one.
               > [!WARNING]
               > Careful with nodes.

            ### Is the proxy running? <a id="is-proxy-running"></a>

            Version v1.28; see [Services](services.md).
            """);
    assertThat(out)
        .startsWith(
            """
            ---
            id: "k8s.tasks.debug"
            title: "Debug Pods"
            type: "how-to"
            product: "k8s"
            tags: ["tasks", "task"]
            """)
        .contains("  content_type: \"task\"\n  weight: \"10\"\n");
    assertThat(run.out())
        .containsPattern("shortcode note +1\\n")
        .containsPattern("shortcode tab +2\\n")
        .containsPattern("shortcode glossary_tooltip +2\\n")
        .containsPattern("html comment removed +2\\n")
        .containsPattern("heading id +2\\n")
        .containsPattern("unknown shortcode removed +1\\n +docs/tasks/debug.md:41: unknown-thing");
  }

  private static final String TIDB =
      "---\r\n"
          + "title: Handle Errors in {{{ .starter }}}\r\n"
          + "summary: How to handle errors.\r\n"
          + "aliases: [\"/tidb/dev/handle-errors\"]\r\n"
          + "---\r\n"
          + "\r\n"
          + "# Handle Errors in {{{ .starter }}}\r\n"
          + "\r\n"
          + "> **Note:**\r\n"
          + ">\r\n"
          + "> This applies to {{{ .tidb-version }}}.\r\n"
          + "\r\n"
          + "<CustomContent platform=\"tidb\">\r\n"
          + "\r\n"
          + "Self-managed only. See [DM](/dm/dm-overview.md#intro).\r\n"
          + "\r\n"
          + "</CustomContent>\r\n"
          + "\r\n"
          + "<SimpleTab>\r\n"
          + "<div label=\"Go\">\r\n"
          + "\r\n"
          + "```go\r\n"
          + "fmt.Println(\"{{{ .starter }}}\")\r\n"
          + "```\r\n"
          + "\r\n"
          + "</div>\r\n"
          + "<div label=\"Java\">\r\n"
          + "\r\n"
          + "Use JDBC.\r\n"
          + "\r\n"
          + "</div>\r\n"
          + "</SimpleTab>\r\n"
          + "\r\n"
          + "<Tip>\r\n"
          + "\r\n"
          + "Use `tiup` to upgrade.\r\n"
          + "\r\n"
          + "</Tip>\r\n"
          + "\r\n"
          + "> **Warning:** Do not restart.\r\n"
          + "\r\n"
          + "{{< copyable \"shell-regular\" >}}\r\n"
          + "\r\n"
          + "```shell\r\n"
          + "tiup dm\r\n"
          + "```\r\n";

  private Path tidbTree(String lang) throws IOException {
    Path src = dir.resolve("src-" + lang);
    Files.createDirectories(src.resolve("dm"));
    Files.writeString(
        src.resolve("variables.json"),
        "{\"starter\": \"TiDB Cloud Starter\", \"tidb-version\": \"v8.5.0\"}\n",
        StandardCharsets.UTF_8);
    Files.write(
        src.resolve("handle-errors.md"), ("\uFEFF" + TIDB).getBytes(StandardCharsets.UTF_8));
    Files.writeString(
        src.resolve("dm/dm-overview.md"),
        "---\ntitle: DM overview\n---\n\n## What is DM?\n\nA tool.\n\n## How does it work?\n\n"
            + "It copies.\n",
        StandardCharsets.UTF_8);
    // a file that is only front matter, closed at the end of the file without a newline
    Files.writeString(src.resolve("empty.md"), "---\ntitle: Empty\n---", StandardCharsets.UTF_8);
    for (Path p : List.of(src.resolve("handle-errors.md"), src.resolve("dm/dm-overview.md"))) {
      Files.setLastModifiedTime(p, FileTime.from(Instant.parse("2025-10-31T12:00:00Z")));
    }
    return src;
  }

  @Test
  void withoutADateAFileInAGitWorkTreeGetsItsLastCommitsDateNotTheDayItWasCheckedOut()
      throws Exception {
    Path src = dir.resolve("repo");
    Files.createDirectories(src.resolve("docs/guide"));
    Files.writeString(src.resolve("docs/guide/setup.md"), "# Set up\n\nFirst.\n");
    Files.writeString(src.resolve("docs/later.md"), "# Later\n\nText.\n");
    git(src, "2024-03-05T12:00:00Z", "init", "-q");
    git(src, "2024-03-05T12:00:00Z", "add", "docs/guide/setup.md", "docs/later.md");
    git(src, "2024-03-05T12:00:00Z", "commit", "-q", "-m", "first");
    Files.writeString(src.resolve("docs/later.md"), "# Later\n\nText, changed.\n");
    git(src, "2024-06-17T08:00:00Z", "commit", "-q", "-a", "-m", "second");
    // not committed: its modification date is all there is
    Files.writeString(src.resolve("docs/draft.md"), "# Draft\n\nSoon.\n");
    Files.writeString(src.resolve("docs/guide/edited.md"), "# Edited\n\nOne.\n");
    git(src, "2024-03-06T12:00:00Z", "add", "docs/guide/edited.md");
    git(src, "2024-03-06T12:00:00Z", "commit", "-q", "-m", "third");
    // committed, then changed without a commit, staged or not: the text is not the commit's
    Files.writeString(src.resolve("docs/guide/edited.md"), "# Edited\n\nTwo.\n");
    Files.writeString(src.resolve("docs/guide/setup.md"), "# Set up\n\nFirst, then more.\n");
    git(src, "2024-03-06T12:00:00Z", "add", "docs/guide/setup.md");
    for (String name : List.of("draft.md", "guide/setup.md", "guide/edited.md")) {
      Files.setLastModifiedTime(
          src.resolve("docs").resolve(name), FileTime.from(Instant.parse("2025-10-31T12:00:00Z")));
    }

    Path content = dir.resolve("content");
    Cli.Run run =
        Cli.run(
            "import",
            "--from",
            "markdown",
            "--lang",
            "en",
            "--prefix",
            "kb",
            "--content",
            content.toString(),
            src.resolve("docs").toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(imported("en/kb/guide/setup.md")).contains("\nupdated: 2025-10-31\n");
    assertThat(imported("en/kb/guide/edited.md")).contains("\nupdated: 2025-10-31\n");
    assertThat(imported("en/kb/later.md")).contains("\nupdated: 2024-06-17\n");
    assertThat(imported("en/kb/draft.md")).contains("\nupdated: 2025-10-31\n");
  }

  /** Runs git in {@code repo} with a fixed author, committer and date. */
  private static void git(Path repo, String date, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("git", "-C", repo.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.put("GIT_AUTHOR_NAME", "Writer");
    env.put("GIT_AUTHOR_EMAIL", "writer@example.com");
    env.put("GIT_COMMITTER_NAME", "Writer");
    env.put("GIT_COMMITTER_EMAIL", "writer@example.com");
    env.put("GIT_AUTHOR_DATE", date);
    env.put("GIT_COMMITTER_DATE", date);
    env.put("GIT_CONFIG_GLOBAL", "/dev/null");
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as("git %s: %s", String.join(" ", args), out).isZero();
  }

  @Test
  void markdownNotesJsxTagsVariablesBomAndCrlf() throws IOException {
    Cli.Run run = importTree("markdown", "en", "tidb", tidbTree("en"));
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(imported("en/tidb/handle-errors.md"))
        .isEqualTo(
            """
            ---
            id: "tidb.handle-errors"
            title: "Handle Errors in TiDB Cloud Starter"
            summary: "How to handle errors."
            type: "reference"
            product: "tidb"
            tags: ["tidb"]
            updated: 2025-10-31
            extra:
              aliases: ["/tidb/dev/handle-errors"]
              imported_from: "markdown:handle-errors.md"
            ---

            > [!NOTE]
            >
            > This applies to v8.5.0.

            Self-managed only. See [DM](dm/dm-overview.md#intro).

            **Go**

            ```go
            fmt.Println("TiDB Cloud Starter")
            ```

            **Java**

            Use JDBC.

            > [!TIP]
            > Use `tiup` to upgrade.

            > [!WARNING]
            > Do not restart.

            ```shell
            tiup dm
            ```
            """);
    assertThat(imported("en/tidb/dm/dm-overview.md")).contains("type: \"faq\"\n");
    assertThat(imported("en/tidb/empty.md")).contains("title: \"Empty\"\n").endsWith("---\n");
    assertThat(run.out())
        .containsPattern("byte-order mark removed +1\\n")
        .containsPattern("CRLF line ends +1\\n")
        .containsPattern("bold note +2\\n")
        .containsPattern("variable +4\\n")
        .containsPattern("jsx tag SimpleTab +2\\n")
        .containsPattern("jsx note +1\\n")
        .containsPattern("tab +2\\n")
        .containsPattern("shortcode copyable +1\\n");
  }

  @Test
  void twoLanguagesWithTheSamePathsArePairsThatBuild() throws IOException {
    assertThat(importTree("markdown", "en", "tidb", tidbTree("en")).code()).isZero();
    Path zh = tidbTree("zh");
    Files.writeString(
        zh.resolve("dm/dm-overview.md"),
        "---\ntitle: DM 简介\n---\n\nDM 是一个工具。\n",
        StandardCharsets.UTF_8);
    assertThat(importTree("markdown", "zh", "tidb", zh).code()).isZero();
    String en = imported("en/tidb/dm/dm-overview.md");
    String cn = imported("zh/tidb/dm/dm-overview.md");
    assertThat(en).contains("id: \"tidb.dm.dm-overview\"\n");
    assertThat(cn).contains("id: \"tidb.dm.dm-overview\"\n");
    // the Chinese page has no question headings, but translations share the type
    assertThat(cn).contains("type: \"faq\"\n");
    SiteFixture.copyTree(SiteFixture.repoTemplates(), dir.resolve("templates"));
    Cli.Run build =
        Cli.run(
            "build",
            "--content",
            dir.resolve("content").toString(),
            "--templates",
            dir.resolve("templates").toString(),
            "--out",
            dir.resolve("site").toString());
    assertThat(build.code()).as(build.err()).isZero();
    assertThat(read(dir.resolve("site/zh/tidb/dm/dm-overview/index.html")))
        .contains("hreflang=\"en\"");
  }

  @Test
  void reimportGivesTheSameBytesAndHandWrittenFilesAreKept() throws IOException {
    Path src = write(dir, DOCFX).resolve("src");
    assertThat(importTree("docfx", "en", "support", src).code()).isZero();
    Map<String, String> first = snapshot();
    assertThat(importTree("docfx", "en", "support", src).code()).isZero();
    assertThat(snapshot()).isEqualTo(first);

    Path handWritten = dir.resolve("content/en/support/app/other.md");
    Files.writeString(handWritten, "---\nid: KB-1\n---\nmine\n", StandardCharsets.UTF_8);
    Cli.Run refused = importTree("docfx", "en", "support", src);
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.out()).contains("failed:\n  app/other.md: ").contains("pass --force");
    assertThat(refused.err()).contains("import incomplete: 1 article could not be imported");
    assertThat(read(handWritten)).isEqualTo("---\nid: KB-1\n---\nmine\n");

    assertThat(importTree("docfx", "en", "support", src, "--force").code()).isZero();
    assertThat(read(handWritten)).contains("imported_from: \"docfx:app/other.md\"");
  }

  @Test
  void anArticleThatCannotBeReadFailsTheImportAndTheOthersAreImported() {
    Path src =
        write(
                dir,
                """
                -- src/good.md --
                ---
                title: Good
                ---
                Text.
                -- src/bad.md --
                ---
                title: [unclosed
                ---
                Text.
                """)
            .resolve("src");
    Cli.Run run = importTree("markdown", "en", "docs", src);
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.out())
        .contains("imported 1 article (0 skipped, 1 failed)")
        .contains("bad.md:")
        .contains("front matter is not valid YAML");
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(Files.exists(dir.resolve("content/en/docs/good.md"))).isTrue();
  }

  @Test
  void variablesJsonIsReadFromTheSourceOrItsParent() {
    Path src =
        write(
                dir,
                """
                -- ops/variables.json --
                {"operator_version": "v1.6.5"}
                -- ops/en/upgrade.md --
                ---
                title: Upgrade to {{{ .operator_version }}}
                ---
                Run `helm upgrade --version={{{ .operator_version }}}`; {{{ .unknown }}}.
                """)
            .resolve("ops/en");
    Cli.Run run = importTree("markdown", "en", "ops", src);
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(imported("en/ops/upgrade.md"))
        .contains("title: \"Upgrade to v1.6.5\"\n")
        .endsWith("---\n\nRun `helm upgrade --version=v1.6.5`; unknown.\n");
    assertThat(run.out())
        .containsPattern("unknown variable +1\\n +en/upgrade.md: \\{\\{\\{ .unknown }}}");
  }

  @Test
  void usageErrorsExitTwo() {
    Path src = write(dir, "-- src/a.md --\n---\ntitle: A\n---\n").resolve("src");
    assertThat(importTree("asciidoc", "en", "docs", src).code()).isEqualTo(2);
    assertThat(importTree("markdown", "en", "tags", src).err()).contains("reserved");
    assertThat(importTree("markdown", "en", "Bad Prefix", src).code()).isEqualTo(2);
    assertThat(importTree("markdown", "en", "docs", dir.resolve("nope")).err())
        .contains("does not exist");
  }

  @Test
  void idsAreStableFromThePrefixAndPath() {
    assertThat(Importer.id("k8s", "tasks/debug/_index.md")).isEqualTo("k8s.tasks.debug._index");
    assertThat(Importer.id("support", "azure/vm/boot error (2).md"))
        .isEqualTo("support.azure.vm.boot-error-2");
  }

  @Test
  void msDatesAreMonthFirst() {
    assertThat(FrontMatterMapper.msDate("3/7/2024")).isEqualTo(LocalDate.of(2024, 3, 7));
    assertThat(FrontMatterMapper.msDate("10/31/2020")).isEqualTo(LocalDate.of(2020, 10, 31));
    assertThat(FrontMatterMapper.msDate("2021-06-01")).isEqualTo(LocalDate.of(2021, 6, 1));
    assertThat(FrontMatterMapper.msDate("13/01/2020")).isNull();
    assertThat(FrontMatterMapper.msDate("soon")).isNull();
  }

  @Test
  void typeIsInferredFromTheSections() {
    String ts = "## Symptoms\n\nIt fails.\n\n## Cause 1\n\nA.\n\n## Resolution\n\nB.\n";
    assertThat(FrontMatterMapper.type(Flavour.DOCFX, "en", "X fails", null, ts))
        .isEqualTo("troubleshooting");
    String noCause = "## Symptoms\n\nIt fails.\n\n## Resolution\n\nB.\n";
    assertThat(FrontMatterMapper.type(Flavour.DOCFX, "en", "X fails", null, noCause))
        .isEqualTo("reference");
    String emptyCause = "## Symptoms\n\nIt fails.\n\n## Cause\n\n## Resolution\n\nB.\n";
    assertThat(FrontMatterMapper.type(Flavour.DOCFX, "en", "X", null, emptyCause))
        .isEqualTo("reference");
    String zh = "## 问题现象\n\n失败。\n\n## 原因\n\n甲。\n\n## 解决方法\n\n乙。\n";
    assertThat(FrontMatterMapper.type(Flavour.MARKDOWN, "zh", "失败", null, zh))
        .isEqualTo("troubleshooting");
    String faq = "## Why?\n\nA.\n\n## How?\n\nB.\n";
    assertThat(FrontMatterMapper.type(Flavour.MARKDOWN, "en", "Questions", null, faq))
        .isEqualTo("faq");
    assertThat(FrontMatterMapper.type(Flavour.HUGO, "en", "Pods", "task", "Text.\n"))
        .isEqualTo("how-to");
    assertThat(FrontMatterMapper.type(Flavour.MARKDOWN, "en", "Deploy TiDB", null, "Text.\n"))
        .isEqualTo("how-to");
    assertThat(FrontMatterMapper.type(Flavour.HUGO, "en", "Pods", "concept", "Text.\n"))
        .isEqualTo("reference");
  }

  private Map<String, String> snapshot() throws IOException {
    Map<String, String> out = new java.util.TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir.resolve("content"))) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(p).toString(), read(p));
      }
    }
    return out;
  }
}
