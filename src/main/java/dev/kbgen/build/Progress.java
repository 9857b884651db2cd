package dev.kbgen.build;

/** Told when each stage of a run ends, e.g. to show progress on a terminal. */
@FunctionalInterface
public interface Progress {
  /** Shows nothing. */
  Progress NONE = (stage, detail, millis) -> {};

  /**
   * @param stage the stage's name, e.g. {@code markdown}
   * @param detail what it did, e.g. {@code 26 articles}, or empty
   * @param millis how long it took
   */
  void stageDone(String stage, String detail, long millis);
}
