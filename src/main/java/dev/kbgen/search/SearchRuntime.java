package dev.kbgen.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The browser runtime script, shipped inside kbgen. */
public final class SearchRuntime {
  private static final String RESOURCE = "kbgen-search.js";

  /** The folder of a site that holds the runtime and the search files. */
  public static final String FOLDER = "search";

  private static final String PREFIX = "kbgen-search.";

  private SearchRuntime() {}

  /** Where a site holds this runtime: its name carries a hash of its bytes. */
  public static String path(byte[] runtime) {
    return FOLDER + "/" + PREFIX + StaticIndexWriter.hash(runtime) + ".js";
  }

  /** Whether a file name in {@link #FOLDER} is a runtime's, as {@link #path} names it. */
  public static boolean isRuntime(String fileName) {
    return fileName.startsWith(PREFIX) && fileName.endsWith(".js");
  }

  /**
   * The runtime's bytes as sites get them, without its comment lines, or empty when this build of
   * kbgen has none. The comments are a fifth of its gzipped size, which every first search
   * downloads.
   */
  public static Optional<byte[]> load() {
    try (InputStream in = SearchRuntime.class.getResourceAsStream(RESOURCE)) {
      return in == null
          ? Optional.empty()
          : Optional.of(
              withoutCommentLines(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                  .getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The script without the comments that take whole lines: a line that starts with {@code //}, and
   * a {@code /* ... *}{@code /} comment from the start of a line to its end (code after it on its
   * last line is kept). Comments after code on a line are left, so nothing inside a string or a
   * regular expression is taken for one.
   */
  static String withoutCommentLines(String js) {
    List<String> kept = new ArrayList<>();
    boolean inComment = false;
    for (String line : js.split("\n", -1)) {
      String text = line.strip();
      if (inComment || text.startsWith("/*")) {
        int end = line.indexOf("*/", inComment ? 0 : line.indexOf("/*") + 2);
        inComment = end < 0;
        String after = inComment ? "" : line.substring(end + 2);
        if (!after.isBlank()) {
          kept.add(after);
        }
      } else if (!text.startsWith("//")) {
        kept.add(line);
      }
    }
    return String.join("\n", kept);
  }
}
