package dev.kbgen.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Node.js for the tests of the browser runtime; absent Node skips them, except in CI. */
public final class Node {
  private Node() {}

  /** The output and exit code of a finished process. */
  public record Run(int code, String output) {}

  /** Skips the calling test when {@code node} is missing, unless {@code CI=true}. */
  public static void require() {
    boolean present;
    try {
      present = run(List.of("--version")).code() == 0;
    } catch (IOException e) {
      present = false;
    }
    if (!present && "true".equals(System.getenv("CI"))) {
      throw new AssertionError("node is required in CI (Debian: apt-get install nodejs)");
    }
    assumeTrue(present, "node not found: install Node.js 18+ to run the browser runtime's tests");
  }

  public static Run run(List<String> args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add("node");
    command.addAll(args);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IOException("node timed out: " + command);
      }
      return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
