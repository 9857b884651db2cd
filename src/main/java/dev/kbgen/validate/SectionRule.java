package dev.kbgen.validate;

import dev.kbgen.config.SectionKind;
import dev.kbgen.config.SectionNames;
import dev.kbgen.content.Article;
import dev.kbgen.content.ArticleType;
import dev.kbgen.markdown.RenderedBody;
import dev.kbgen.problem.Problems;
import dev.kbgen.problem.Severity;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A troubleshooting article has Symptom, Cause and Resolution (required, not empty) and Prevention
 * (recommended), in that order.
 */
public final class SectionRule {
  private static final List<SectionKind> ORDER =
      List.of(
          SectionKind.SYMPTOM, SectionKind.CAUSE, SectionKind.RESOLUTION, SectionKind.PREVENTION);

  private final SectionNames names;

  public SectionRule(SectionNames names) {
    this.names = names;
  }

  public void check(Article a, RenderedBody body, Problems problems) {
    if (a.meta().type() != ArticleType.TROUBLESHOOTING) {
      return;
    }
    Map<SectionKind, RenderedBody.Section> found = new EnumMap<>(SectionKind.class);
    int lastIndex = -1;
    for (RenderedBody.Section s : body.sections()) {
      if (s.kind() == SectionKind.OTHER) {
        continue;
      }
      if (found.putIfAbsent(s.kind(), s) != null) {
        if (SectionNames.isNumbered(s.heading())) {
          continue; // "Cause 1", "Cause 2": one section in several variants
        }
        problems.add(
            a.source()
                .warning(
                    s.line(),
                    1,
                    "section '" + s.heading() + "' appears twice",
                    "merge the two sections"));
        continue;
      }
      int index = ORDER.indexOf(s.kind());
      if (index < lastIndex) {
        problems.add(
            a.source()
                .warning(
                    s.line(),
                    1,
                    "section '" + s.heading() + "' is out of order",
                    "order the sections " + orderIn(a.lang())));
      }
      lastIndex = Math.max(lastIndex, index);
      if (s.text().isBlank() && s.kind() != SectionKind.PREVENTION) {
        problems.add(
            a.source()
                .error(
                    s.line(),
                    1,
                    "section '" + s.heading() + "' is empty",
                    "describe the " + s.kind().key() + " under this heading"));
      }
    }
    for (SectionKind kind : ORDER) {
      if (found.containsKey(kind)) {
        continue;
      }
      String heading = names.preferred(kind, a.lang());
      Severity severity = kind == SectionKind.PREVENTION ? Severity.WARNING : Severity.ERROR;
      problems.add(
          a.source()
              .problem(
                  severity,
                  a.bodyLine(),
                  0,
                  "troubleshooting article has no '" + heading + "' section",
                  "",
                  "add '## "
                      + heading
                      + "' ("
                      + (severity == Severity.ERROR ? "required" : "recommended")
                      + "; sections go "
                      + orderIn(a.lang())
                      + "), or set 'type' to how-to, faq or reference"));
    }
  }

  private String orderIn(String lang) {
    return String.join(" → ", ORDER.stream().map(k -> names.preferred(k, lang)).toList());
  }
}
