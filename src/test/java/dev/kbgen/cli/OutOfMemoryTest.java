package dev.kbgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbgen.testing.Cli;
import dev.kbgen.testing.SiteFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A build that runs out of memory, in a Java runtime of its own with a tiny heap. */
class OutOfMemoryTest {
  @TempDir Path tmp;

  /**
   * Heaps that fill at different points of the build: in its first classes, in the parallel stages
   * (where a worker's class may fail to initialise and another worker meets only its name), late.
   */
  @ParameterizedTest
  @ValueSource(ints = {8, 10, 11, 13})
  void saysSoWithAHintAndTheExitCodeOfAnInternalErrorAndKeepsThePreviousSite(int megabytes)
      throws Exception {
    Path content = SiteFixture.repoContent();
    Path templates = SiteFixture.repoTemplates();
    Path out = tmp.resolve("site");
    Cli.Run first = Cli.build(content, templates, out);
    assertThat(first.code()).as(first.err()).isEqualTo(ExitCodes.OK);
    Map<String, byte[]> before = files(out);

    Path log = tmp.resolve("child.log");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + megabytes + "m",
                "-XX:ActiveProcessorCount=2",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
    command.addAll(Cli.buildArgs(content, templates, out));
    Process child =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!child.waitFor(120, TimeUnit.SECONDS)) {
      child.destroyForcibly();
      throw new AssertionError("the build did not end: " + Files.readString(log));
    }
    String said = Files.readString(log, StandardCharsets.UTF_8);

    assertThat(child.exitValue()).as(said).isEqualTo(ExitCodes.INTERNAL);
    assertThat(said)
        .contains("kbgen: out of memory: the Java heap holds at most ")
        .contains("hint: give it more, e.g. KBGEN_JAVA_OPTS=-Xmx4g bin/kbgen")
        .doesNotContain("\tat ", "Exception in thread");
    assertThat(files(out)).containsExactlyInAnyOrderEntriesOf(before);
    try (Stream<Path> siblings = Files.list(tmp)) {
      assertThat(siblings.map(p -> p.getFileName().toString())).containsOnly("site", "child.log");
    }
  }

  private static Map<String, byte[]> files(Path dir) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return out;
  }
}
