package dev.kbgen.publish;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Where a built site goes. */
public interface Publisher {
  void publish(List<OutputFile> files) throws IOException;

  /**
   * Starts a publication that takes the files as they are made, so that a build need not hold the
   * whole site in memory. Nothing is visible until {@link Publication#commit()}; closing an
   * uncommitted publication discards it. By default the files are collected and handed to {@link
   * #publish(List)} at the commit.
   */
  default Publication open() throws IOException {
    return new Publication() {
      private final List<OutputFile> files = new ArrayList<>();

      @Override
      public synchronized void add(OutputFile file) {
        files.add(file);
      }

      @Override
      public boolean keepsFiles() {
        return true;
      }

      @Override
      public synchronized void commit() throws IOException {
        files.sort(java.util.Comparator.comparing(OutputFile::path));
        publish(files);
      }

      @Override
      public void close() {}
    };
  }
}
