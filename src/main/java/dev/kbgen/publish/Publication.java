package dev.kbgen.publish;

import java.io.IOException;

/**
 * One site being published, file by file: files may be added from several threads, in any order;
 * the site appears as a whole at {@link #commit()}, or not at all when the publication is closed
 * first.
 */
public interface Publication extends AutoCloseable {
  /** Adds a file; two files must not share a path. */
  void add(OutputFile file) throws IOException;

  /**
   * Whether the publication holds the files in memory anyway (so a build may return them), rather
   * than writing them out as they come.
   */
  boolean keepsFiles();

  /** Publishes every file added. */
  void commit() throws IOException;

  /** Discards the files added, unless the publication was committed. */
  @Override
  void close() throws IOException;
}
