package dev.kbgen.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbgen.build.BuildOptions;
import dev.kbgen.build.Pipeline;
import dev.kbgen.testing.SiteFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sample knowledge base's evaluation queries (eval/sample.tsv) against its search: each finds
 * an expected article among the first three, and a query typed in Taiwan's characters and words
 * finds it first (the site lists Taiwan's words as synonyms).
 */
class SampleSearchQualityTest {
  @Test
  void everySampleQueryFindsItsArticleInTheFirstThreeAndTaiwanWordingFirst() throws IOException {
    List<Evaluation.Query> queries =
        Evaluation.parse(Files.readString(Path.of("eval/sample.tsv"), StandardCharsets.UTF_8));
    BuildOptions options =
        new BuildOptions(
            SiteFixture.repoContent(), SiteFixture.repoTemplates(), false, Path.of(""));
    try (SearchEngine engine = new Pipeline(options).reference().engine()) {
      Evaluation.Report report = Evaluation.run(engine, queries);
      List<String> outside =
          report.outcomes().stream()
              .filter(o -> o.rank() == 0 || o.rank() > 3)
              .map(o -> o.query().id() + " " + o.query().query() + ": rank " + o.rank())
              .toList();
      assertThat(outside).as("queries whose article is not in the first three").isEmpty();
      List<String> traditional =
          report.outcomes().stream()
              .filter(o -> o.query().kind().equals("traditional") && o.rank() != 1)
              .map(o -> o.query().id() + " " + o.query().query() + ": rank " + o.rank())
              .toList();
      assertThat(traditional).as("traditional Chinese queries not found first").isEmpty();
    }
  }
}
