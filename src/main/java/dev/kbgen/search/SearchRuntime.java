package dev.kbgen.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/** The browser runtime script, shipped inside kbgen. */
public final class SearchRuntime {
  private static final String RESOURCE = "kbgen-search.js";

  private SearchRuntime() {}

  /** The runtime's bytes, or empty when this build of kbgen has none. */
  public static Optional<byte[]> load() {
    try (InputStream in = SearchRuntime.class.getResourceAsStream(RESOURCE)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
