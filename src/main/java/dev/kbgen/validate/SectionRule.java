package dev.kbgen.validate;

import dev.kbgen.config.SectionKind;
import dev.kbgen.config.SectionNames;
import dev.kbgen.content.Article;
import dev.kbgen.content.ArticleType;
import dev.kbgen.content.CodeFences;
import dev.kbgen.markdown.RenderedBody;
import dev.kbgen.problem.Problems;
import dev.kbgen.problem.Severity;
import dev.kbgen.problem.Suggestions;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A troubleshooting article has Symptom, Cause and Resolution (required, not empty) and Prevention
 * (recommended), in that order.
 */
public final class SectionRule {
  private static final List<SectionKind> ORDER =
      List.of(
          SectionKind.SYMPTOM, SectionKind.CAUSE, SectionKind.RESOLUTION, SectionKind.PREVENTION);

  /** A line that looks like a heading: '#' or '＃' marks, then the text. */
  private static final Pattern HEADING_LIKE =
      Pattern.compile("^ {0,3}([#\uFF03]{1,6})([ \t\u3000]*)(\\S.*?)[ \t\u3000]*$");

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
      String title = "troubleshooting article has no '" + heading + "' section";
      Optional<NearMiss> near = nearMiss(a, body, kind);
      if (near.isPresent()) {
        problems.add(
            a.source().problem(severity, near.get().line(), 1, title, "", near.get().hint()));
        continue;
      }
      problems.add(
          a.source()
              .problem(
                  severity,
                  a.bodyLine(),
                  0,
                  title,
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

  /** A line that was meant as the missing section's heading, and what to change in it. */
  private record NearMiss(int line, String hint) {}

  /**
   * The line meant as the heading of a missing section: one with the section's name that Markdown
   * does not read as a level-2 heading ('##原因' without a space, '### 原因', '＃＃ 原因'), or a level-2
   * heading that starts with the name ('## 原因分析').
   */
  private Optional<NearMiss> nearMiss(Article a, RenderedBody body, SectionKind kind) {
    String[] lines = a.body().split("\n", -1);
    CodeFences fences = new CodeFences();
    for (int i = 0; i < lines.length; i++) {
      if (fences.code(lines[i])) {
        continue;
      }
      Matcher m = HEADING_LIKE.matcher(lines[i]);
      if (!m.matches() || names.classify(a.lang(), m.group(3)) != kind) {
        continue;
      }
      String written = lines[i].strip();
      String wanted = "## " + m.group(3).strip();
      if (written.equals(wanted)) {
        continue; // a real heading, in a place the sections do not see (a list, a quote)
      }
      String why;
      if (m.group(1).chars().anyMatch(c -> c == '\uFF03')) {
        why = "'" + written + "' is not a heading: '＃' is a full-width '#'";
      } else if (m.group(1).length() != 2) {
        why = "'" + written + "' is a level-" + m.group(1).length() + " heading";
      } else {
        why = "'" + written + "' is not a heading: Markdown needs a space after '##'";
      }
      return Optional.of(new NearMiss(a.bodyLine() + i, why + "; write '" + wanted + "'"));
    }
    List<String> kindNames =
        names.names().getOrDefault(kind, Map.of()).getOrDefault(a.lang(), List.of());
    for (String name : kindNames) {
      for (RenderedBody.Section s : body.sections()) {
        String h = s.heading().strip();
        if (s.kind() == SectionKind.OTHER
            && h.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT))) {
          return Optional.of(
              new NearMiss(
                  s.line(),
                  "rename '## "
                      + h
                      + "' to '## "
                      + name
                      + "', or add '"
                      + h
                      + "' to the "
                      + kind.key()
                      + " headings under 'sections' in site.yaml"));
        }
      }
    }
    // A misspelt name ('## Resolutoin', '## 解决方按') or one cut short ('## Prevent');
    // two-character names are too short to tell.
    for (RenderedBody.Section s : body.sections()) {
      String h = s.heading().strip();
      if (s.kind() != SectionKind.OTHER || h.codePointCount(0, h.length()) < 4) {
        continue;
      }
      String lower = h.toLowerCase(Locale.ROOT);
      Optional<String> meant =
          kindNames.stream()
              .filter(name -> name.toLowerCase(Locale.ROOT).startsWith(lower))
              .findFirst()
              .or(() -> Suggestions.closest(h, kindNames));
      if (meant.isPresent()) {
        return Optional.of(
            new NearMiss(
                s.line(),
                "did you mean '## " + meant.get() + "'? '## " + h + "' is not a section name"));
      }
    }
    return Optional.empty();
  }

  private String orderIn(String lang) {
    return String.join(" → ", ORDER.stream().map(k -> names.preferred(k, lang)).toList());
  }
}
