package dev.kbgen.problem;

import dev.kbgen.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Problems as JSON for tools: an array with one object per problem, one per line:
 *
 * <pre>
 * [
 * {"severity":"error","file":"content/en/a.md","line":4,"column":10,"title":"...","detail":"","hint":"...","excerpt":"..."}
 * ]
 * </pre>
 */
public final class ProblemJson {
  private ProblemJson() {}

  public static String format(List<Problem> problems) {
    StringBuilder out = new StringBuilder("[\n");
    for (int i = 0; i < problems.size(); i++) {
      out.append(object(problems.get(i))).append(i + 1 < problems.size() ? ",\n" : "\n");
    }
    return out.append("]\n").toString();
  }

  /** One problem as a JSON object on one line. */
  public static String object(Problem p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("severity", p.severity().label());
    m.put("file", p.file());
    m.put("line", p.line());
    m.put("column", p.column());
    m.put("title", p.title());
    m.put("detail", p.detail());
    m.put("hint", p.hint());
    m.put("excerpt", p.excerpt());
    return Json.write(m);
  }
}
