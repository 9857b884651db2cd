package dev.kbgen.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskPublisherTest {
  @TempDir Path tmp;

  /** The names of a folder's entries. */
  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.map(p -> p.getFileName().toString()).toList();
    }
  }

  @Test
  void replacesTheOldSiteAsAWholeAndLeavesNoStagingFolders() throws IOException {
    Path out = tmp.resolve("site");
    DiskPublisher publisher = new DiskPublisher(out);
    publisher.publish(
        List.of(OutputFile.text("index.html", "v1"), OutputFile.text("en/old/index.html", "old")));
    publisher.publish(List.of(OutputFile.text("index.html", "v2")));
    assertThat(Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8)).isEqualTo("v2");
    assertThat(out.resolve("en/old/index.html")).doesNotExist();
    assertThat(names(tmp)).containsExactly("site");
  }

  @Test
  void theSiteFolderGetsThePermissionsOfAnyNewFolder() throws IOException {
    assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Path out = tmp.resolve("site");
    new DiskPublisher(out).publish(List.of(OutputFile.text("en/index.html", "v1")));
    // A folder made here as a writer's tools make one: its permissions follow the umask.
    Path plain = Files.createDirectory(tmp.resolve("plain"));
    assertThat(Files.getPosixFilePermissions(out))
        .isEqualTo(Files.getPosixFilePermissions(plain))
        .isEqualTo(Files.getPosixFilePermissions(out.resolve("en")));
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

  @Test
  void aPublicationTakesFilesFromManyThreadsAndShowsThemOnlyAtTheCommit() throws IOException {
    Path out = tmp.resolve("site");
    DiskPublisher publisher = new DiskPublisher(out);
    publisher.publish(List.of(OutputFile.text("index.html", "v1")));
    try (Publication publication = publisher.open()) {
      java.util.stream.IntStream.range(0, 200)
          .parallel()
          .forEach(
              i -> {
                try {
                  publication.add(OutputFile.text("en/p" + (i % 7) + "/a" + i + ".html", "" + i));
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      assertThat(out.resolve("en")).as("not visible before the commit").doesNotExist();
      publication.commit();
    }
    assertThat(out.resolve("index.html")).doesNotExist();
    for (int i = 0; i < 200; i++) {
      assertThat(out.resolve("en/p" + (i % 7) + "/a" + i + ".html")).hasContent("" + i);
    }
    assertThat(names(tmp)).containsExactly("site");
  }

  @Test
  void aPublicationClosedWithoutCommitLeavesTheOldSiteAndNoStagingFolder() throws IOException {
    Path out = tmp.resolve("site");
    DiskPublisher publisher = new DiskPublisher(out);
    publisher.publish(List.of(OutputFile.text("index.html", "v1")));
    try (Publication publication = publisher.open()) {
      publication.add(OutputFile.text("index.html", "v2"));
      publication.add(OutputFile.text("en/a/index.html", "a"));
    }
    assertThat(out.resolve("index.html")).hasContent("v1");
    assertThat(out.resolve("en")).doesNotExist();
    assertThat(names(tmp)).containsExactly("site");
  }

  @Test
  void aFileAddedAfterThePublicationWasDiscardedIsRefusedAndLeavesNoStagingFolder()
      throws IOException {
    // A build whose disk filled up: one page failed, the build discards its publication, and the
    // pages still being rendered on other threads arrive afterwards.
    Path out = tmp.resolve("site");
    DiskPublisher publisher = new DiskPublisher(out);
    publisher.publish(List.of(OutputFile.text("index.html", "v1")));
    Publication publication = publisher.open();
    publication.add(OutputFile.text("en/a/index.html", "a"));
    publication.close();
    assertThatThrownBy(() -> publication.add(OutputFile.text("en/b/index.html", "b")))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(publication::commit).isInstanceOf(IOException.class);
    assertThat(out.resolve("index.html")).hasContent("v1");
    assertThat(names(tmp)).containsExactly("site");
  }

  @Test
  void anOutputFolderThatIsASymbolicLinkStaysOneAndItsTargetIsReplaced() throws IOException {
    Path served = Files.createDirectories(tmp.resolve("www/help"));
    Path out = Files.createSymbolicLink(tmp.resolve("site"), served);
    DiskPublisher publisher = new DiskPublisher(out);
    publisher.publish(List.of(OutputFile.text("index.html", "v1")));
    publisher.publish(List.of(OutputFile.text("index.html", "v2")));
    assertThat(Files.isSymbolicLink(out)).isTrue();
    assertThat(tmp.resolve("www/help/index.html")).hasContent("v2");
    assertThat(names(tmp.resolve("www"))).containsExactly("help");
  }

  /** A publisher that takes {@code out} for a mount point, which cannot be renamed. */
  private static DiskPublisher onAMountPoint(Path out) {
    return new DiskPublisher(out, folder -> folder.equals(out));
  }

  @Test
  void aMountPointIsPublishedInPlaceKeepingTheFolderAndItsFileSystemsOwnEntries()
      throws IOException {
    Path out = Files.createDirectories(tmp.resolve("site"));
    Files.createDirectory(out.resolve("lost+found"));
    Object folder = Files.readAttributes(out, BasicFileAttributes.class).fileKey();
    DiskPublisher publisher = onAMountPoint(out);
    publisher.publish(
        List.of(OutputFile.text("index.html", "v1"), OutputFile.text("en/old/index.html", "old")));
    publisher.publish(List.of(OutputFile.text("index.html", "v2")));

    assertThat(Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8)).isEqualTo("v2");
    assertThat(out.resolve("en")).doesNotExist();
    assertThat(names(out)).containsExactlyInAnyOrder("index.html", "lost+found");
    assertThat(Files.readAttributes(out, BasicFileAttributes.class).fileKey())
        .as("the same folder, not one renamed into its place")
        .isEqualTo(folder);
    assertThat(names(tmp)).containsExactly("site");
  }

  @Test
  void onAMountPointADiscardedSiteLeavesThePreviousOneAndAnInterruptedSwapIsUndone()
      throws IOException {
    Path out = tmp.resolve("site");
    DiskPublisher publisher = onAMountPoint(Files.createDirectories(out));
    publisher.publish(
        List.of(OutputFile.text("index.html", "v1"), OutputFile.text("en/index.html", "en")));
    try (Publication p = publisher.open()) {
      p.add(OutputFile.text("index.html", "v2"));
    }
    assertThat(Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8)).isEqualTo("v1");
    // a process killed in the middle of a swap: one old entry already aside, a staging folder left
    Files.createDirectories(out.resolve(".kbgen.old"));
    Files.move(out.resolve("en"), out.resolve(".kbgen.old/en"));
    Files.createDirectories(out.resolve(".kbgen.new-1-0/x"));
    publisher.open().close();
    assertThat(out.resolve("en/index.html")).hasContent("en");
    assertThat(names(out)).containsExactlyInAnyOrder("index.html", "en");
  }

  @Test
  void aFolderOnItsOwnFileSystemIsAMountPointAndAnOrdinaryOneIsNot() throws Exception {
    assertThat(DiskPublisher.isMountPoint(tmp)).isFalse();
    assertThat(DiskPublisher.isMountPoint(Files.createDirectory(tmp.resolve("plain")))).isFalse();
    assertThat(DiskPublisher.isMountPoint(Path.of("/"))).isTrue();
    Path proc = Path.of("/proc");
    assumeTrue(Files.isReadable(Path.of("/proc/self/mountinfo")));
    assertThat(DiskPublisher.isMountPoint(proc)).isTrue();
  }
}
