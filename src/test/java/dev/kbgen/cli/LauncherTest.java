package dev.kbgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/kbgen} picks the JVM settings from the size of the Markdown, with a Java runtime that
 * only writes down the arguments it was given.
 */
class LauncherTest {
  private static final String INLINE = "-XX:FreqInlineSize=100 -XX:InlineSmallCode=1000";

  @TempDir Path tmp;
  private Path javaHome;

  @BeforeEach
  void fakeJava() throws IOException {
    javaHome = tmp.resolve("jdk");
    Path java = javaHome.resolve("bin/java");
    Files.createDirectories(java.getParent());
    Files.writeString(java, "#!/bin/sh\necho \"$*\"\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @Test
  void aSmallSiteGetsTheClientCompilerAndTheSmallestHeap() throws Exception {
    Path content = content(1_000);
    assertThat(launch(List.of(), "build", "--content", content.toString()))
        .startsWith("-Xmx1024m -XX:TieredStopAtLevel=1 ")
        .doesNotContain("InlineSmallCode", "UseParallelGC")
        .endsWith(" build --content " + content);
  }

  @Test
  void aLargeSiteGetsBothCompilersWithLessInliningAndAHeapForItsSize() throws Exception {
    // 67 MB of Markdown: a heap of 512 MB plus ten times that (the launcher's tenth of a megabyte
    // is 104,858 bytes).
    Path content = content(640 * 104_858L);
    assertThat(launch(List.of(thp("always madvise [never]")), "build", "--content=" + content))
        .startsWith("-Xms1152m -Xmx1152m -XX:+UseParallelGC " + INLINE + " ")
        .doesNotContain("TieredStopAtLevel", "UseTransparentHugePages");
  }

  @Test
  void aLargeSiteAsksForHugePagesWhereTheKernelGivesThemOnRequest() throws Exception {
    Path content = content(640 * 104_858L);
    assertThat(launch(List.of(thp("always [madvise] never")), "build", "--content", content + ""))
        .startsWith("-Xms1152m -Xmx1152m -XX:+UseParallelGC " + INLINE + " ")
        .contains(" -XX:+UseTransparentHugePages ");
    // Where every large allocation gets them anyway, or the setting cannot be read, nothing is
    // added (the JVM would warn about the option where the kernel has none).
    assertThat(launch(List.of(thp("[always] madvise never")), "build", "--content", content + ""))
        .doesNotContain("UseTransparentHugePages");
    assertThat(
            launch(
                List.of("KBGEN_THP_FILE=" + tmp.resolve("missing")),
                "build",
                "--content",
                content.toString()))
        .doesNotContain("UseTransparentHugePages");
  }

  @Test
  void aSmallSiteNeverAsksForHugePages() throws Exception {
    Path content = content(1_000);
    assertThat(launch(List.of(thp("always [madvise] never")), "build", "--content", content + ""))
        .doesNotContain("UseTransparentHugePages", "-Xms");
  }

  /** A stand-in for the kernel's transparent huge page setting, with the mode in brackets. */
  private String thp(String setting) throws IOException {
    Path file = Files.createTempFile(tmp, "thp", ".txt");
    Files.writeString(file, setting + "\n", StandardCharsets.UTF_8);
    return "KBGEN_THP_FILE=" + file;
  }

  @Test
  void servePreviewsWithTheJvmsDefaults() throws Exception {
    Path content = content(64 << 20);
    assertThat(launch(List.of(), "serve", "--content", content.toString()))
        .isEqualTo("serve --content " + content);
  }

  @Test
  void theEnvironmentReplacesTheSettings() throws Exception {
    Path content = content(64 << 20);
    assertThat(launch(List.of("KBGEN_JAVA_OPTS=-Xmx3g"), "build", "--content", content.toString()))
        .startsWith("-Xmx3g ")
        .doesNotContain("InlineSmallCode", "UseParallelGC", "TieredStopAtLevel");
  }

  @Test
  void outsideAUtf8LocaleTheRuntimeRunsInCUtf8() throws Exception {
    Path java = javaHome.resolve("bin/java");
    Files.writeString(java, "#!/bin/sh\necho \"LC_ALL=$LC_ALL\"\n", StandardCharsets.UTF_8);
    Path content = content(1_000);
    // kbgen reads file names and arguments in the locale's character set
    assertThat(launch(List.of("LC_ALL=C"), "build", "--content", content.toString()))
        .isEqualTo("LC_ALL=C.UTF-8");
    assertThat(launch(List.of("LC_ALL=POSIX"), "build", "--content", content.toString()))
        .isEqualTo("LC_ALL=C.UTF-8");
    // a UTF-8 locale is kept
    assertThat(launch(List.of("LC_ALL=C.UTF-8"), "build", "--content", content.toString()))
        .isEqualTo("LC_ALL=C.UTF-8");
    assertThat(launch(List.of("LC_ALL=", "LANG=C.utf8"), "build", "--content", content.toString()))
        .isEqualTo("LC_ALL=");
  }

  /** A content folder with one article of {@code bytes} bytes (sparse: nothing is written). */
  private Path content(long bytes) throws IOException {
    Path dir = tmp.resolve("content-" + bytes);
    Files.createDirectories(dir.resolve("en"));
    try (RandomAccessFile f = new RandomAccessFile(dir.resolve("en/a.md").toFile(), "rw")) {
      f.setLength(bytes);
    }
    return dir;
  }

  /** What {@code bin/kbgen} hands the Java runtime. */
  private String launch(List<String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("sh", Path.of("bin/kbgen").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().remove("KBGEN_JAVA_OPTS");
    // The machine's own setting unless a test names another.
    pb.environment().remove("KBGEN_THP_FILE");
    pb.environment().put("JAVA_HOME", javaHome.toString());
    // A jar without an archive newer than it: no class-data options.
    pb.environment().put("KBGEN_JAR", tmp.resolve("kbgen.jar").toString());
    for (String e : env) {
      pb.environment().put(e.substring(0, e.indexOf('=')), e.substring(e.indexOf('=') + 1));
    }
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return (" " + out).replace(" -jar " + tmp.resolve("kbgen.jar") + " ", " ").strip();
  }
}
