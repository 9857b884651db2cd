package dev.kbgen.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.kbgen.build.BuildOptions;
import dev.kbgen.build.BuildResult;
import dev.kbgen.build.Pipeline;
import dev.kbgen.problem.Problem;
import dev.kbgen.problem.ProblemFormatter;
import dev.kbgen.publish.MemoryPublisher;
import dev.kbgen.publish.OutputFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A small site written inline, in sections that start with {@code -- path --} lines (like Hugo's
 * txtar test sites), built in memory with the default theme.
 *
 * <p>Paths are relative to the project: {@code content/...} and optionally {@code templates/...}.
 * When the text has no {@code content/site.yaml}, {@link #SITE_YAML} is used; when it has no
 * templates, the repository's {@code templates/} folder is copied.
 */
public final class SiteFixture {
  /** A small two-language config with two products and a few tags. */
  public static final String SITE_YAML =
      """
      title:
        en: Test Help
        zh: 测试帮助
      description:
        en: Test site.
        zh: 测试站点。
      base_url: https://help.example.com/
      default_language: en
      languages:
        - code: en
          label: English
        - code: zh
          label: 中文
      products:
        sync: {en: Sync, zh: 同步}
        account: {en: Account, zh: 账户}
      tags:
        login: {en: Login, zh: 登录}
        windows: {en: Windows, zh: Windows}
        network: {en: Network, zh: 网络}
      """;

  /** Two English articles in two products: enough for a site with links, search and tabs. */
  public static final String TWO_ARTICLES =
      """
      -- content/en/sync/sync-stops.md --
      ---
      id: KB-1001
      title: Sync stops
      tags: [network]
      updated: 2026-02-10
      ---

      ## Symptom

      The desktop client stops syncing.

      ## Cause

      The network connection dropped.

      ## Resolution

      Reconnect and restart the client.

      ## Prevention

      Keep the client up to date.
      -- content/en/account/login-fails.md --
      ---
      id: KB-1002
      title: Login fails
      tags: [login]
      updated: 2026-02-10
      ---

      ## Symptom

      Login fails.

      ## Cause

      Expired password.

      ## Resolution

      Reset it.

      ## Prevention

      Use a password manager.
      """;

  /**
   * The date fixtures are built on, so that review dates give the same problems every day (the
   * sample's and fixtures' dates are in 2026).
   */
  public static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

  private final Path root;
  private final Map<String, String> files;

  private SiteFixture(Path root, Map<String, String> files) {
    this.root = root;
    this.files = files;
  }

  /** Writes the sections of {@code text} below {@code dir}. */
  public static SiteFixture write(Path dir, String text) {
    Map<String, String> files = parse(text);
    files.putIfAbsent("content/site.yaml", SITE_YAML);
    try {
      for (var e : files.entrySet()) {
        Path p = dir.resolve(e.getKey());
        Files.createDirectories(p.getParent());
        Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
      }
      if (files.keySet().stream().noneMatch(k -> k.startsWith("templates/"))) {
        copyTree(repoTemplates(), dir.resolve("templates"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new SiteFixture(dir, files);
  }

  /** The repository's default theme. */
  public static Path repoTemplates() {
    return Path.of("templates").toAbsolutePath();
  }

  /** The repository's sample knowledge base. */
  public static Path repoContent() {
    return Path.of("content").toAbsolutePath();
  }

  public Path root() {
    return root;
  }

  public Path content() {
    return root.resolve("content");
  }

  public Path templates() {
    return root.resolve("templates");
  }

  /** Builds the site in memory. */
  public Built build() {
    return build(false);
  }

  public Built build(boolean drafts) {
    MemoryPublisher publisher = new MemoryPublisher();
    BuildResult result = new Pipeline(options(content(), templates(), drafts, root)).run(publisher);
    return new Built(result, publisher.files());
  }

  /** Builds any content and templates folder in memory, naming files relative to {@code wd}. */
  public static Built build(Path content, Path templates, Path wd) {
    MemoryPublisher publisher = new MemoryPublisher();
    BuildResult result = new Pipeline(options(content, templates, false, wd)).run(publisher);
    return new Built(result, publisher.files());
  }

  /** Checks the site as {@code kbgen check} does (nothing rendered or written). */
  public Built check() {
    return check(content(), templates(), root, false);
  }

  /** Checks any content and templates folder, naming files relative to {@code wd}. */
  public static Built check(Path content, Path templates, Path wd, boolean requireTranslations) {
    BuildOptions options =
        new BuildOptions(content, templates, false, wd, TODAY, requireTranslations);
    return new Built(new Pipeline(options).check(), Map.of());
  }

  /**
   * A troubleshooting article as a fixture section: {@code id}, the given front-matter lines
   * (title, tags, anything else, each ending in a newline), the four sections in the language of
   * {@code path} ({@code en/...} or {@code zh/...}) with {@code symptom} as the symptom.
   */
  public static String article(String path, String id, String frontMatter, String symptom) {
    boolean zh = path.startsWith("zh/");
    return "-- content/"
        + path
        + " --\n---\nid: "
        + id
        + "\n"
        + frontMatter
        + "updated: 2026-02-10\n---\n\n## "
        + (zh ? "症状" : "Symptom")
        + "\n\n"
        + symptom
        + "\n\n## "
        + (zh ? "原因" : "Cause")
        + "\n\nText.\n\n## "
        + (zh ? "解决方案" : "Resolution")
        + "\n\nText.\n\n## "
        + (zh ? "预防措施" : "Prevention")
        + "\n\nText.\n";
  }

  /**
   * A stand-in for a site that an earlier build wrote into {@code out}: the search runtime (which
   * marks a folder as a kbgen site that a build may replace) and {@code en/marker.html}, returned.
   */
  public static Path previousSite(Path out) {
    try {
      Files.createDirectories(out.resolve("en"));
      Files.createDirectories(out.resolve("search"));
      Files.writeString(out.resolve("search/kbgen-search.0.js"), "", StandardCharsets.UTF_8);
      Path marker = out.resolve("en/marker.html");
      Files.writeString(marker, "previous site\n", StandardCharsets.UTF_8);
      return marker;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Options for a build on {@link #TODAY}. */
  public static BuildOptions options(Path content, Path templates, boolean drafts, Path wd) {
    return new BuildOptions(content, templates, drafts, wd, TODAY, false);
  }

  /** Splits {@code -- path --} sections. */
  static Map<String, String> parse(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    String current = null;
    StringBuilder body = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("-- ") && line.endsWith(" --") && line.length() > 6) {
        if (current != null) {
          out.put(current, body.toString());
        }
        current = line.substring(3, line.length() - 3).strip();
        body.setLength(0);
      } else if (current != null) {
        body.append(line).append('\n');
      }
    }
    if (current != null) {
      out.put(current, body.toString());
    }
    return out;
  }

  /** Copies a folder tree, replacing files that exist. */
  public static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.sorted().toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  /** Deletes a folder and everything in it (tests clean up the temporary sites they make). */
  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** A built site and what the build reported. */
  public record Built(BuildResult result, Map<String, OutputFile> files) {

    public List<Problem> problems() {
      return result.problems();
    }

    /** The problems as the CLI prints them, for assertion messages. */
    public String report() {
      return ProblemFormatter.formatAll(result.problems());
    }

    /** Fails with the report when the build failed. */
    public Built assertOk() {
      if (result.failed()) {
        fail("build failed:\n" + report());
      }
      return this;
    }

    public String text(String path) {
      OutputFile f = files.get(path);
      if (f == null) {
        fail("no output file " + path + "; files: " + files.keySet());
      }
      return f.text();
    }

    /**
     * Asserts on an output file: each expectation must be contained, or with a leading {@code !}
     * must not be.
     */
    public Built assertFile(String path, String... expectations) {
      String text = text(path);
      for (String e : expectations) {
        if (e.startsWith("! ")) {
          assertThat(text).as(path).doesNotContain(e.substring(2));
        } else {
          assertThat(text).as(path).contains(e);
        }
      }
      return this;
    }
  }
}
