package dev.kbgen.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kbgen.testing.Cli;
import dev.kbgen.testing.SiteFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output folder that is a file system of its own, as a Docker volume is ({@code docker run -v
 * $PWD/public:/site ... build --out /site}): a real tmpfs, where the machine lets the tests mount
 * one (as root, with the capability).
 */
class MountedOutputTest {
  @TempDir Path tmp;

  private static boolean run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
  }

  @Test
  void buildsIntoAMountPointAgainAndAgain() throws Exception {
    Path out = Files.createDirectory(tmp.resolve("site"));
    assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", out.toString()));
    try {
      Files.createDirectory(out.resolve("lost+found"));
      for (int i = 0; i < 2; i++) {
        Cli.Run run = Cli.build(SiteFixture.repoContent(), SiteFixture.repoTemplates(), out);
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
      }
      assertThat(out.resolve("en/sync/windows-access-denied/index.html")).isRegularFile();
      try (Stream<Path> entries = Files.list(out)) {
        assertThat(entries.map(p -> p.getFileName().toString()))
            .contains("lost+found", "index.html", "en", "zh", "search")
            .noneMatch(name -> name.startsWith(".kbgen."));
      }
      try (Stream<Path> siblings = Files.list(tmp)) {
        assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("site");
      }
    } finally {
      assertThat(run("umount", out.toString())).isTrue();
    }
  }
}
