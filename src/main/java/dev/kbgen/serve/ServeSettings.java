package dev.kbgen.serve;

import dev.kbgen.build.BuildOptions;
import java.time.Duration;

/**
 * How to serve.
 *
 * @param build what to build (content, templates, drafts, how files are named in problems)
 * @param host the address to listen on
 * @param port the port, 0 for any free one
 * @param debounce how long the files must be quiet before a rebuild
 * @param heartbeat how often an idle event stream is checked (a comment line is sent)
 */
public record ServeSettings(
    BuildOptions build, String host, int port, Duration debounce, Duration heartbeat) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;

  /**
   * The settings of {@code kbgen serve}: files quiet for 50 ms before a rebuild (an editor's save,
   * write and rename, takes a few milliseconds; the wait is part of every edit's delay), a
   * heartbeat every 15 s.
   */
  public static ServeSettings of(BuildOptions build, String host, int port) {
    return new ServeSettings(build, host, port, Duration.ofMillis(50), Duration.ofSeconds(15));
  }
}
