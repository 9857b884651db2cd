package dev.kbgen.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbgen.testing.Node;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The browser runtime's own unit tests (src/test/js), run with Node's test runner. */
class RuntimeNodeTest {

  @Test
  void runtimeUnitTestsPass() throws IOException {
    Node.require();
    Node.Run run = Node.run(List.of("--test", "src/test/js/"));
    assertThat(run.code()).as(run.output()).isZero();
    assertThat(run.output()).containsPattern("# pass [1-9]").contains("# fail 0");
  }
}
