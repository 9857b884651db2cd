package dev.kbgen.config;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heading texts that mark each troubleshooting section, per language.
 *
 * @param names for each section kind, the accepted headings per language code
 */
public record SectionNames(Map<SectionKind, Map<String, List<String>>> names) {
  private static final Pattern NUMBERED =
      Pattern.compile("(\\S.*?)\\s*\\d{1,2}\\s*(?:[:：.\\-–—]\\s*.*)?");

  public SectionNames {
    names = Map.copyOf(new EnumMap<>(names));
  }

  /** The built-in English and Chinese headings. */
  public static SectionNames defaults() {
    Map<SectionKind, Map<String, List<String>>> m = new EnumMap<>(SectionKind.class);
    m.put(
        SectionKind.SYMPTOM,
        Map.of("en", List.of("Symptom", "Symptoms"), "zh", List.of("症状", "现象", "问题现象")));
    m.put(SectionKind.CAUSE, Map.of("en", List.of("Cause", "Causes"), "zh", List.of("原因", "问题原因")));
    m.put(
        SectionKind.RESOLUTION,
        Map.of(
            "en",
            List.of("Resolution", "Workaround", "Solution"),
            "zh",
            List.of("解决方案", "解决方法", "解决办法", "临时解决方案")));
    m.put(SectionKind.PREVENTION, Map.of("en", List.of("Prevention"), "zh", List.of("预防措施", "预防")));
    return new SectionNames(m);
  }

  /**
   * The kind of section a level-2 heading starts, in the given language. A numbered variant counts
   * as its section: "Cause 2", "Resolution 1: restart the service".
   */
  public SectionKind classify(String lang, String heading) {
    SectionKind kind = classifyExact(lang, heading);
    if (kind == SectionKind.OTHER) {
      Matcher m = NUMBERED.matcher(heading.strip());
      if (m.matches()) {
        return classifyExact(lang, m.group(1));
      }
    }
    return kind;
  }

  /** Whether a heading is a numbered variant such as "Cause 2" or "Resolution 1: ...". */
  public static boolean isNumbered(String heading) {
    return NUMBERED.matcher(heading.strip()).matches();
  }

  private SectionKind classifyExact(String lang, String heading) {
    String h = normalise(heading);
    for (var e : names.entrySet()) {
      for (String candidate : e.getValue().getOrDefault(lang, List.of())) {
        if (normalise(candidate).equals(h)) {
          return e.getKey();
        }
      }
    }
    return SectionKind.OTHER;
  }

  /** The first (preferred) heading for a kind in a language. */
  public String preferred(SectionKind kind, String lang) {
    List<String> list = names.getOrDefault(kind, Map.of()).getOrDefault(lang, List.of());
    return list.isEmpty() ? kind.key() : list.get(0);
  }

  private static String normalise(String s) {
    String t = s.strip().toLowerCase(Locale.ROOT);
    while (t.endsWith(":") || t.endsWith("：")) {
      t = t.substring(0, t.length() - 1).strip();
    }
    return t;
  }
}
