package dev.kbgen.testing;

import dev.kbgen.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * What a command prints to one stream, through the buffered writer the command line gives it
 * ({@link Main#writer}): text that a command forgets to flush is missing here too.
 */
public final class Captured {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintWriter writer = Main.writer(bytes);

  /** The writer to hand to the command. */
  public PrintWriter writer() {
    return writer;
  }

  /** What has reached the stream so far, without flushing the writer. */
  @Override
  public String toString() {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
