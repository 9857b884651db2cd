package dev.kbgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbgen.testing.Cli;
import dev.kbgen.testing.Cli.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kbgen eval} on the sample site: its figures, and the mistakes a queries file can hold. */
class EvalCommandTest {
  private static final String HEADER = "id\tkind\tlang\tquery\texpected\n";

  @TempDir Path tmp;

  Run eval(Path queries) {
    return Cli.run(
        "eval",
        "--content",
        "content",
        "--templates",
        "templates",
        "--queries",
        queries.toString());
  }

  Path write(String text) throws IOException {
    Path file = tmp.resolve("q.tsv");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void scoresAQueryThatFindsItsArticleFirst() throws IOException {
    Run r = eval(write(HEADER + "A\terror-code\ten\t0x80070005\tKB-1005\n"));
    assertThat(r.code()).isZero();
    assertThat(r.out()).containsPattern("all +1 +1\\.000 +1\\.000 +1\\.000 +1\\.000");
  }

  @Test
  void expectedArticlesAndLanguagesThatTheSiteDoesNotHaveAreUsageErrors() throws IOException {
    Run r =
        eval(
            write(
                HEADER
                    + "A\terror-code\ten\t0x80070005\tKB-9999\n"
                    + "B\tsymptom\tfr\tsync\ten/sync/nope.md;KB-1005\n"
                    + "C\tsymptom\ten\tsync\t\n"));
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .contains("query A: expected 'KB-9999' is no article's id or content path")
        .contains("query B: language 'fr' is not one of the site's (en, zh)")
        .contains("query B: expected 'en/sync/nope.md' is no article's id or content path")
        .contains("query C: no expected article")
        .doesNotContain("KB-1005'");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aFileWithoutQueriesOrWithoutAFileSaysSo() throws IOException {
    Run empty = eval(write("id,kind,lang,query,expected\n"));
    assertThat(empty.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(empty.err()).contains("has no queries: after a header line");
    Run missing = eval(tmp.resolve("none.tsv"));
    assertThat(missing.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(missing.err()).contains("--queries " + tmp.resolve("none.tsv") + ": no such file");
  }

  @Test
  void theSampleQueriesAreAllValid() {
    Run r = eval(Path.of("eval", "sample.tsv"));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("MRR@10").contains("lang zh");
  }
}
