package dev.kbgen.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes publishing into the same folder (two CI jobs on one runner) take turns: the second
 * neither removes the first one's staging folder as a killed build's leftover nor swaps while the
 * first does.
 */
class ConcurrentPublishTest {
  @TempDir Path tmp;

  /** The child: stages a "first" site into {@code args[0]}, and commits once told to on stdin. */
  public static final class Child {
    public static void main(String[] args) throws IOException {
      try (Publication publication = new DiskPublisher(Path.of(args[0])).open()) {
        for (OutputFile f : KilledPublishTest.site("first")) {
          publication.add(f);
        }
        System.out.println("staged");
        System.out.flush();
        System.in.read();
        publication.commit();
      }
      System.out.println("published");
    }
  }

  @Test
  void aSecondPublishWaitsForTheFirstAndBothSucceed() throws Exception {
    Path out = tmp.resolve("site");
    Path log = tmp.resolve("child.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java, "-cp", System.getProperty("java.class.path"), Child.class.getName(), "" + out)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!Files.readString(log, StandardCharsets.UTF_8).contains("staged")
          && child.isAlive()
          && System.nanoTime() < deadline) {
        TimeUnit.MILLISECONDS.sleep(2);
      }
      assertThat(Files.readString(log, StandardCharsets.UTF_8)).contains("staged");

      CompletableFuture<Void> second =
          CompletableFuture.runAsync(
              () -> {
                try {
                  new DiskPublisher(out).publish(KilledPublishTest.site("second"));
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      // Whether the second publish waits or not, give it the time to reach the staging folders.
      TimeUnit.MILLISECONDS.sleep(500);
      try (OutputStream in = child.getOutputStream()) {
        in.write('\n');
      }
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
      second.get(60, TimeUnit.SECONDS);
      assertThat(child.exitValue()).as(Files.readString(log, StandardCharsets.UTF_8)).isZero();
    } finally {
      child.destroyForcibly();
    }
    // The second publish took its turn after the first: its site is the one left.
    assertThat(KilledPublishTest.contents(out)).isEqualTo(KilledPublishTest.expected("second"));
    try (Stream<Path> siblings = Files.list(tmp)) {
      assertThat(siblings.map(p -> p.getFileName().toString()).toList())
          .containsExactlyInAnyOrder("site", "child.log");
    }
  }
}
