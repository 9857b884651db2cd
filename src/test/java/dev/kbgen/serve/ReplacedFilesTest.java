package dev.kbgen.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kbgen.publish.OutputFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ReplacedFilesTest {
  private static final Map<String, OutputFile> BUILT = built();

  private static Map<String, OutputFile> built() {
    Map<String, OutputFile> files = new TreeMap<>();
    for (String path : List.of("a.html", "b.html", "c.css")) {
      files.put(path, OutputFile.text(path, "built " + path));
    }
    return Map.copyOf(files);
  }

  /** What the map holds, path to text, in its own order. */
  private static Map<String, String> texts(Map<String, OutputFile> files) {
    Map<String, String> out = new LinkedHashMap<>();
    files.forEach((path, file) -> out.put(path, file.text()));
    return out;
  }

  @Test
  void servesTheNewFileAtItsPathAndTheBuildsElsewhere() {
    Map<String, OutputFile> files = ReplacedFiles.of(BUILT, OutputFile.text("b.html", "quick b"));
    assertThat(files.get("b.html").text()).isEqualTo("quick b");
    assertThat(files.get("a.html")).isSameAs(BUILT.get("a.html"));
    assertThat(files.get("nothing.html")).isNull();
    assertThat(files.containsKey("c.css")).isTrue();
    assertThat(files.containsKey("nothing.html")).isFalse();
    assertThat(files).hasSize(3);
    assertThat(texts(files))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("a.html", "built a.html", "b.html", "quick b", "c.css", "built c.css"));
    assertThat(files.entrySet()).hasSize(3);
    // the build's files are left as they were
    assertThat(BUILT.get("b.html").text()).isEqualTo("built b.html");
  }

  @Test
  void aSecondUpdateKeepsTheFirstAndTheLatestOfOnePathWins() {
    Map<String, OutputFile> once = ReplacedFiles.of(BUILT, OutputFile.text("a.html", "quick a"));
    Map<String, OutputFile> twice = ReplacedFiles.of(once, OutputFile.text("b.html", "quick b"));
    Map<String, OutputFile> again = ReplacedFiles.of(twice, OutputFile.text("a.html", "quick a2"));
    assertThat(texts(again))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("a.html", "quick a2", "b.html", "quick b", "c.css", "built c.css"));
    assertThat(once.get("a.html").text()).isEqualTo("quick a");
    assertThat(once.get("b.html").text()).isEqualTo("built b.html");
  }

  @Test
  void aNewPathIsAddedAndNothingCanBeChangedFromOutside() {
    Map<String, OutputFile> files = ReplacedFiles.of(BUILT, OutputFile.text("d.html", "new d"));
    assertThat(texts(files)).hasSize(4).containsEntry("d.html", "new d");
    Map<String, OutputFile> replaced = ReplacedFiles.of(BUILT, OutputFile.text("a.html", "x"));
    OutputFile other = OutputFile.text("e.html", "e");
    assertThatThrownBy(() -> replaced.put("e.html", other))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> files.put("e.html", other))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
