package dev.kbgen.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskPublisherTest {
  @TempDir Path tmp;

  @Test
  void replacesTheOldSiteAsAWholeAndLeavesNoStagingFolders() throws IOException {
    Path out = tmp.resolve("site");
    DiskPublisher publisher = new DiskPublisher(out);
    publisher.publish(
        List.of(OutputFile.text("index.html", "v1"), OutputFile.text("en/old/index.html", "old")));
    publisher.publish(List.of(OutputFile.text("index.html", "v2")));
    assertThat(Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8)).isEqualTo("v2");
    assertThat(out.resolve("en/old/index.html")).doesNotExist();
    try (Stream<Path> siblings = Files.list(tmp)) {
      assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("site");
    }
  }

  @Test
  void anOutputPathThatEscapesTheSiteIsRefusedAndTheOldSiteKept() throws IOException {
    Path out = tmp.resolve("site");
    DiskPublisher publisher = new DiskPublisher(out);
    publisher.publish(List.of(OutputFile.text("index.html", "v1")));
    assertThatThrownBy(
            () ->
                publisher.publish(
                    List.of(
                        OutputFile.text("index.html", "v2"),
                        OutputFile.text("../escaped.txt", "x"))))
        .isInstanceOf(IOException.class);
    assertThat(Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8)).isEqualTo("v1");
    assertThat(tmp.resolve("escaped.txt")).doesNotExist();
  }

  @Test
  void anInterruptedSwapIsRepairedByTheNextPublish() throws IOException {
    Path out = tmp.resolve("site");
    // The state a process killed between the two renames leaves behind.
    Path old = tmp.resolve(".site.old");
    Files.createDirectories(old);
    Files.writeString(old.resolve("index.html"), "previous", StandardCharsets.UTF_8);
    new DiskPublisher(out).publish(List.of(OutputFile.text("index.html", "new")));
    assertThat(Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8))
        .isEqualTo("new");
    assertThat(old).doesNotExist();
  }

  @Test
  void stagingFoldersOfAKilledPublishAreRemovedByTheNextOne() throws IOException {
    Path out = tmp.resolve("site");
    Path staging = tmp.resolve(".site.new-123");
    Files.createDirectories(staging.resolve("en"));
    Files.writeString(staging.resolve("en/half.html"), "half", StandardCharsets.UTF_8);
    Path other = Files.createDirectories(tmp.resolve(".other.new-1"));
    new DiskPublisher(out).publish(List.of(OutputFile.text("index.html", "new")));
    assertThat(staging).doesNotExist();
    assertThat(other).as("only this site's staging folders").exists();
  }
}
