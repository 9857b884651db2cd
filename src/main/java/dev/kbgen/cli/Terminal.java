package dev.kbgen.cli;

import java.util.Map;

/**
 * What the output goes to: an interactive terminal gets progress lines and (unless {@code NO_COLOR}
 * is set) colour; CI logs and pipes get plain text and only the summary.
 *
 * @param interactive a person is watching: progress is shown
 * @param colour ANSI colours may be used
 */
public record Terminal(boolean interactive, boolean colour) {
  /** Plain output: no progress, no colour (tests, pipes, CI). */
  public static final Terminal PLAIN = new Terminal(false, false);

  /**
   * @param env the environment ({@code CI}, {@code NO_COLOR})
   * @param console whether the JVM has a console ({@code System.console() != null})
   */
  public static Terminal detect(Map<String, String> env, boolean console) {
    boolean ci = isSet(env.get("CI")) && !"false".equalsIgnoreCase(env.get("CI").strip());
    boolean interactive = console && !ci;
    return new Terminal(interactive, interactive && env.get("NO_COLOR") == null);
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }
}
