package dev.kbgen.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

  /** The runtime's bytes, or empty when this build of kbgen has none. */
  public static Optional<byte[]> load() {
    try (InputStream in = SearchRuntime.class.getResourceAsStream(RESOURCE)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
