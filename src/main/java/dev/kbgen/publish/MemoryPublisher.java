package dev.kbgen.publish;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Keeps the built site in memory, for tests and the preview server. */
public final class MemoryPublisher implements Publisher {
  private Map<String, OutputFile> files = Map.of();

  @Override
  public synchronized void publish(List<OutputFile> output) {
    Map<String, OutputFile> map = new TreeMap<>();
    output.forEach(f -> map.put(f.path(), f));
    files = Map.copyOf(map);
  }

  public synchronized Map<String, OutputFile> files() {
    return files;
  }

  public synchronized Optional<OutputFile> get(String path) {
    return Optional.ofNullable(files.get(path));
  }
}
