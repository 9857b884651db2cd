package dev.kbgen.validate;

import dev.kbgen.content.Article;
import dev.kbgen.problem.Problems;
import dev.kbgen.yaml.FullWidthList;
import dev.kbgen.yaml.Mark;
import java.util.List;

/**
 * An error code with a full-width comma in it is two codes that a Chinese input method joined: YAML
 * reads "[0x80070005，ORB-SYNC-1301]" as one item, which would get a code page of its own while the
 * pages of both real codes leave the article out.
 */
final class ErrorCodeListRule implements Rule {
  @Override
  public void check(ValidationInput input, Problems problems) {
    for (Article a : input.articles()) {
      List<String> codes = a.meta().errorCodes();
      for (int i = 0; i < codes.size(); i++) {
        String code = codes.get(i);
        if (!FullWidthList.is(code)) {
          continue;
        }
        Mark m = a.meta().marks().getOrDefault("error_codes#" + i, a.meta().mark("error_codes"));
        List<String> parts = FullWidthList.items(code);
        problems.add(
            a.source()
                .warning(
                    m.line(),
                    m.column(),
                    "error code '" + code + "' has full-width punctuation in it",
                    "write the list with ASCII brackets and commas: ["
                        + String.join(", ", parts)
                        + "]"));
      }
    }
  }
}
