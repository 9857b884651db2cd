package dev.kbgen.i18n;

import dev.kbgen.problem.Problem;
import dev.kbgen.problem.Problems;
import dev.kbgen.problem.Severity;
import dev.kbgen.problem.Source;
import dev.kbgen.yaml.YamlNode.Entry;
import dev.kbgen.yaml.YamlNode.YamlMap;
import dev.kbgen.yaml.YamlNode.YamlScalar;
import dev.kbgen.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The theme's UI strings: {@code templates/i18n/<lang>.yaml}, a flat map per language. Every
 * language must have every key.
 *
 * @param strings for each language code, key to text
 */
public record UiStrings(Map<String, Map<String, String>> strings) {

  /** Keys the generator itself uses (type, severity and status labels, admonition titles...). */
  public static final List<String> REQUIRED =
      List.of(
          "type_troubleshooting",
          "type_how-to",
          "type_faq",
          "type_reference",
          "severity_blocked",
          "severity_degraded",
          "severity_question",
          "status_known-issue",
          "status_fixed",
          "admonition_note",
          "admonition_tip",
          "admonition_important",
          "admonition_warning",
          "admonition_caution",
          "section_symptom",
          "section_cause",
          "section_resolution",
          "section_prevention",
          "all_articles",
          "tags",
          "error_codes",
          "products",
          "home",
          "not_found_title",
          "feed_title");

  public UiStrings {
    Map<String, Map<String, String>> copy = new TreeMap<>();
    strings.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
    strings = Map.copyOf(copy);
  }

  /** The strings of one language. */
  public Map<String, String> of(String lang) {
    return strings.getOrDefault(lang, Map.of());
  }

  public String get(String lang, String key) {
    return of(lang).getOrDefault(key, key);
  }

  /** Admonition titles ({@code note} to "Note") in a language. */
  public Map<String, String> admonitionTitles(String lang) {
    Map<String, String> out = new TreeMap<>();
    of(lang)
        .forEach(
            (k, v) -> {
              if (k.startsWith("admonition_")) {
                out.put(k.substring("admonition_".length()), v);
              }
            });
    return out;
  }

  /**
   * Reads {@code <i18nDir>/<lang>.yaml} for each language; a missing file, a key missing in one
   * language or a value that is not text is an error.
   */
  public static Optional<UiStrings> load(
      Path i18nDir, List<String> languages, Function<Path, String> display, Problems problems) {
    Map<String, Map<String, String>> all = new TreeMap<>();
    Map<String, Source> sources = new TreeMap<>();
    boolean ok = true;
    for (String lang : languages) {
      Path file = i18nDir.resolve(lang + ".yaml");
      String shown = display.apply(file);
      String text;
      try {
        text = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
      } catch (IOException e) {
        problems.add(
            new Problem(
                Severity.ERROR,
                shown,
                0,
                0,
                "UI strings for '" + lang + "' are missing",
                "",
                "create " + shown + " with the same keys as the other languages",
                ""));
        ok = false;
        continue;
      }
      Source source = Source.of(shown, text);
      sources.put(lang, source);
      YamlReader.Result result = YamlReader.read(text, 1);
      if (!result.ok()) {
        var e = result.error();
        problems.add(source.error(e.mark().line(), e.mark().column(), e.message(), e.hint()));
        ok = false;
        continue;
      }
      result.warn(source, problems);
      if (!(result.root() instanceof YamlMap map)) {
        problems.add(source.error(1, 1, "UI strings must be 'key: text' lines", ""));
        ok = false;
        continue;
      }
      Map<String, String> values = new TreeMap<>();
      for (Entry e : map.entries()) {
        if (e.value() instanceof YamlScalar s && !s.isNull()) {
          values.put(e.key(), s.value());
        } else {
          problems.add(
              source.error(
                  e.keyMark().line(),
                  e.keyMark().column(),
                  "UI string '" + e.key() + "' must be text",
                  "write '" + e.key() + ": \"...\"'"));
          values.put(e.key(), ""); // present, reported above; not "missing" as well
          ok = false;
        }
      }
      all.put(lang, values);
    }
    TreeSet<String> keys = new TreeSet<>(REQUIRED);
    all.values().forEach(m -> keys.addAll(m.keySet()));
    for (var e : all.entrySet()) {
      for (String key : keys) {
        if (!e.getValue().containsKey(key)) {
          String where =
              all.entrySet().stream()
                  .filter(o -> o.getValue().containsKey(key))
                  .map(o -> o.getKey() + ".yaml")
                  .findFirst()
                  .map(f -> " (" + f + " has it)")
                  .orElse(" (kbgen needs it)");
          problems.add(
              new Problem(
                  Severity.ERROR,
                  sources.get(e.getKey()).file(),
                  0,
                  0,
                  "UI string '" + key + "' is missing" + where,
                  "",
                  "add '" + key + ": ...' in this language",
                  ""));
          ok = false;
        }
      }
    }
    return ok ? Optional.of(new UiStrings(all)) : Optional.empty();
  }
}
