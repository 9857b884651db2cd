package dev.kbgen.cli;

/** What kbgen's exit code means. */
public final class ExitCodes {
  /** Success. */
  public static final int OK = 0;

  /** The content has problems (errors, or warnings with {@code --strict}). */
  public static final int CONTENT = 1;

  /** The command line or the site config is wrong. */
  public static final int USAGE = 2;

  /**
   * kbgen could not finish: a bug to report, the heap was too small, or the file system refused to
   * take the site (no space left, no permission).
   */
  public static final int INTERNAL = 3;

  private ExitCodes() {}
}
