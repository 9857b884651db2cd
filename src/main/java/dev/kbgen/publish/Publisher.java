package dev.kbgen.publish;

import java.io.IOException;
import java.util.List;

/** Where a built site goes. */
public interface Publisher {
  void publish(List<OutputFile> files) throws IOException;
}
