package dev.kbgen.build;

import java.util.Locale;

/** What kbgen says when the Java heap is full, in one place for the command line and serve. */
public final class OutOfMemory {
  private OutOfMemory() {}

  /** The heap's size and how to give it more, as two lines. */
  public static String message() {
    return String.format(
        Locale.ROOT,
        "kbgen: out of memory: the Java heap holds at most %d MB%n"
            + "  hint: give it more, e.g. KBGEN_JAVA_OPTS=-Xmx4g bin/kbgen ...,"
            + " or java -Xmx4g -jar kbgen.jar ...%n",
        Runtime.getRuntime().maxMemory() >> 20);
  }
}
