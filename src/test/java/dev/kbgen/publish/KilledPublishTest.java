package dev.kbgen.publish;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build killed during publish (a real child JVM, killed with SIGKILL at several moments) leaves
 * the old site or the new one, never a mix; the next publish clears what the killed one left.
 */
class KilledPublishTest {
  static final int FILES = 3000;

  @TempDir Path tmp;

  /** The child: publishes a large "new" site to {@code args[0]}, saying when it starts. */
  public static final class Child {
    public static void main(String[] args) throws IOException {
      List<OutputFile> files = site("new");
      System.out.println("publishing");
      System.out.flush();
      new DiskPublisher(Path.of(args[0])).publish(files);
      System.out.println("done");
    }
  }

  static List<OutputFile> site(String version) {
    List<OutputFile> files = new ArrayList<>();
    files.add(OutputFile.text("index.html", version));
    for (int i = 0; i < FILES; i++) {
      files.add(OutputFile.text(version + "/" + (i % 50) + "/" + i + ".html", version + i));
    }
    return files;
  }

  static Map<String, String> expected(String version) {
    Map<String, String> m = new TreeMap<>();
    for (OutputFile f : site(version)) {
      m.put(f.path(), f.text());
    }
    return m;
  }

  static Map<String, String> contents(Path dir) throws IOException {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        m.put(
            dir.relativize(p).toString().replace('\\', '/'),
            Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    return m;
  }

  @Test
  void aPublishKilledAtAnyMomentLeavesTheOldSiteOrTheNewOne() throws Exception {
    Map<String, String> oldSite = expected("old");
    Map<String, String> newSite = expected("new");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = System.getProperty("java.class.path");
    // Milliseconds after the child starts publishing; -1: let it finish.
    int[] delaysMs = {0, 10, 30, 60, 100, 150, 200, 300, 400, 600, 900, -1};
    List<String> seen = new ArrayList<>();
    for (int delay : delaysMs) {
      Path root = Files.createDirectories(tmp.resolve("run-" + delay));
      Path out = root.resolve("site");
      Path log = tmp.resolve("child-" + delay + ".log");
      new DiskPublisher(out).publish(site("old"));

      Process child =
          new ProcessBuilder(java, "-cp", classpath, Child.class.getName(), out.toString())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!Files.readString(log, StandardCharsets.UTF_8).contains("publishing")
          && child.isAlive()
          && System.nanoTime() < deadline) {
        TimeUnit.MILLISECONDS.sleep(2);
      }
      if (delay >= 0) {
        TimeUnit.MILLISECONDS.sleep(delay);
        child.destroyForcibly();
      }
      assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
      String said = Files.readString(log, StandardCharsets.UTF_8);

      // Killed between the two renames, the old site is whole in .site.old (and put back next).
      Path effective = Files.exists(out) ? out : root.resolve(".site.old");
      Map<String, String> now = contents(effective);
      String state = now.equals(oldSite) ? "old" : now.equals(newSite) ? "new" : "MIXED";
      seen.add(delay + "ms:" + state + (effective.equals(out) ? "" : "(in .site.old)"));
      assertThat(state).as("delay %d ms, child said %s", delay, said).isNotEqualTo("MIXED");

      // The next publish repairs whatever was left: a whole new site and no stray folders.
      new DiskPublisher(out).publish(site("old"));
      assertThat(contents(out)).isEqualTo(oldSite);
      try (Stream<Path> siblings = Files.list(root)) {
        assertThat(siblings.map(p -> p.getFileName().toString()).toList())
            .as("delay %d ms", delay)
            .containsExactly("site");
      }
    }
    System.out.println("killed publish states: " + seen);
    assertThat(seen).as("some kills landed before the swap").anyMatch(s -> s.contains(":old"));
    assertThat(seen)
        .as("the child that was not killed published")
        .last()
        .asString()
        .contains(":new");
  }
}
