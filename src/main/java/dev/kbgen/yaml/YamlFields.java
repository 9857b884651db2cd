package dev.kbgen.yaml;

import dev.kbgen.problem.Problems;
import dev.kbgen.problem.Source;
import dev.kbgen.problem.Suggestions;
import dev.kbgen.yaml.YamlNode.Entry;
import dev.kbgen.yaml.YamlNode.YamlList;
import dev.kbgen.yaml.YamlNode.YamlMap;
import dev.kbgen.yaml.YamlNode.YamlScalar;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed, located reading of a YAML map: every wrong type, missing key, bad date or unknown key
 * becomes a problem pointing at the line and column where it was written.
 */
public final class YamlFields {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
  private static final Pattern DATE_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  /** What separates the items of a list written without brackets. */
  private static final Pattern COMMA = Pattern.compile("\\s*,\\s*");

  /** A date in another common shape: 2026/11/2, 2026.11.02, 2026年11月2日 (after NFKC). */
  private static final Pattern OTHER_DATE =
      Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");

  /**
   * The hint for a value that is not a YYYY-MM-DD date: the date it means in that shape when it is
   * one written otherwise, and a note when its digits are full-width (which look the same).
   */
  static String dateHint(String value) {
    String folded = Normalizer.normalize(value.strip(), Normalizer.Form.NFKC);
    Matcher m = OTHER_DATE.matcher(folded);
    if (!m.matches()) {
      return "write dates as YYYY-MM-DD";
    }
    String date =
        String.format(
            Locale.ROOT,
            "%s-%02d-%02d",
            m.group(1),
            Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3)));
    boolean fullWidth = value.codePoints().anyMatch(c -> c >= 0xFF01 && c <= 0xFF5E);
    return "write dates as YYYY-MM-DD: "
        + date
        + (fullWidth ? " (with half-width digits; the ones written are full-width)" : "");
  }

  private final YamlMap map;
  private final Source source;
  private final Problems problems;
  private final Mark fallback;

  /**
   * The keys whose values were reported as wrong, or missing, or that a misspelt key stands for.
   */
  private final Set<String> failed = new HashSet<>();

  /** The absent keys that an unknown key probably meant. */
  private final Set<String> misspelt = new HashSet<>();

  public YamlFields(YamlMap map, Source source, Problems problems) {
    this.map = map;
    this.source = source;
    this.problems = problems;
    this.fallback = map.mark();
  }

  public YamlMap map() {
    return map;
  }

  /** The file the map is in. */
  public Source source() {
    return source;
  }

  /** Where problems go. */
  public Problems problems() {
    return problems;
  }

  /** Where a key is written, or where the map starts when it is absent. */
  public Mark markOf(String key) {
    return map.entry(key).map(Entry::keyMark).orElse(fallback);
  }

  /**
   * The keys read so far whose values are wrong or missing, with those an unknown key probably
   * meant ({@link #rejectUnknown}): what was made of them is a default, not what was written.
   */
  public Set<String> failed() {
    return Set.copyOf(failed);
  }

  public boolean has(String key) {
    return map.get(key).filter(n -> !(n instanceof YamlScalar s && s.isNull())).isPresent();
  }

  /** A text value; a problem when it is missing or empty (if required) or not text. */
  public Optional<String> text(String key, boolean required) {
    return text(key, required, "write its value after '" + key + ":'");
  }

  /**
   * A text value; a problem when it is missing or empty (if required) or not text.
   *
   * @param emptyHint what to do when the key is there with no value
   */
  private Optional<String> text(String key, boolean required, String emptyHint) {
    Optional<YamlNode> node = map.get(key);
    if (node.isEmpty()) {
      if (required) {
        missing(key, fallback);
      }
      return Optional.empty();
    }
    if (node.get() instanceof YamlScalar s && (s.isNull() || s.value().isBlank())) {
      if (required) {
        // The line is there: what it lacks is the value.
        error(key, s.mark(), "'" + key + "' is empty", emptyHint);
      }
      return Optional.empty();
    }
    if (node.get() instanceof YamlScalar s) {
      String value = s.value().strip();
      return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
    error(
        key,
        node.get().mark(),
        "'" + key + "' must be text, not " + node.get().kind(),
        quoteHint(key));
    return Optional.empty();
  }

  /**
   * A list of text values; a single text value is accepted as a list of one. A value written
   * without quotes or brackets whose commas separate items ({@code tags: desktop-client, windows})
   * is the list that was meant, and a warning: YAML reads it as one value.
   */
  public List<String> textList(String key) {
    Optional<YamlNode> node = map.get(key);
    if (node.isEmpty() || node.get() instanceof YamlScalar s && s.isNull()) {
      return List.of();
    }
    if (node.get() instanceof YamlScalar s) {
      if (s.value().isBlank()) {
        return List.of();
      }
      List<String> items =
          COMMA.splitAsStream(s.value().strip()).filter(i -> !i.isEmpty()).toList();
      // One with full-width punctuation is reported as such where the items are checked.
      if (s.plain() && items.size() > 1 && !FullWidthList.is(s.value())) {
        String list = key + ": [" + String.join(", ", items) + "]";
        problems.add(
            source.warning(
                s.mark().line(),
                s.mark().column(),
                "'" + key + "' is one value with commas in it, not a list",
                "write the list in brackets: '"
                    + list
                    + "' (read so until then)"
                    // Words and ids have no commas; a phrase may, and is then quoted.
                    + (items.stream().anyMatch(i -> i.contains(" "))
                        ? ", or quote the value if it is one: '" + key + ": \"...\"'"
                        : "")));
        return items;
      }
      return List.of(s.value().strip());
    }
    if (node.get() instanceof YamlMap m) {
      error(
          key, m.mark(), "'" + key + "' must be a list, not a map", "write '" + key + ": [a, b]'");
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (YamlNode item : ((YamlList) node.get()).items()) {
      if (item instanceof YamlScalar s && !s.isNull() && !s.value().isBlank()) {
        out.add(s.value().strip());
      } else if (item instanceof YamlScalar) {
        error(
            key,
            item.mark(),
            "an item of '" + key + "' is empty",
            "remove the empty item, or write a word or phrase in it");
      } else {
        error(
            key,
            item.mark(),
            "items of '" + key + "' must be text, not " + item.kind(),
            "write '" + key + ": [a, b]' with one word or phrase per item");
      }
    }
    return List.copyOf(out);
  }

  /** A date written as {@code YYYY-MM-DD} that exists in the calendar. */
  public Optional<LocalDate> date(String key, boolean required) {
    Optional<String> text =
        text(
            key,
            required,
            "write the date after '" + key + ":', as YYYY-MM-DD (such as 2026-07-28)");
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Mark at = map.get(key).map(YamlNode::mark).orElse(fallback);
    String value = text.get();
    if (!DATE_SHAPE.matcher(value).matches()) {
      error(key, at, "'" + key + "' is not a date: " + value, dateHint(value));
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(value, DATE));
    } catch (DateTimeParseException e) {
      error(
          key,
          at,
          "'" + key + "' is not a real date: " + value,
          "check the month and the day; write dates as YYYY-MM-DD");
      return Optional.empty();
    }
  }

  /** One of a fixed set of words, or the default when absent. */
  public String oneOf(String key, Collection<String> allowed, String defaultValue) {
    Optional<String> value = text(key, false);
    if (value.isEmpty()) {
      return defaultValue;
    }
    if (!allowed.contains(value.get())) {
      error(
          key,
          map.get(key).get().mark(),
          "'"
              + key
              + "' must be one of "
              + String.join(", ", allowed)
              + ", not '"
              + value.get()
              + "'",
          Suggestions.didYouMean(value.get(), allowed, "use one of the listed values"));
      return defaultValue;
    }
    return value.get();
  }

  /** A nested map, or empty when absent; a problem when it is something else. */
  public Optional<YamlMap> submap(String key, boolean required) {
    Optional<YamlNode> node = map.get(key);
    if (node.isEmpty() || node.get() instanceof YamlScalar s && s.isNull()) {
      if (required) {
        missing(key, fallback);
      }
      return Optional.empty();
    }
    if (node.get() instanceof YamlMap m) {
      return Optional.of(m);
    }
    error(key, node.get().mark(), "'" + key + "' must be a map, not " + node.get().kind(), "");
    return Optional.empty();
  }

  /** Reports every key that is not in {@code known}, with a "did you mean" for typos. */
  public void rejectUnknown(Collection<String> known, String where) {
    rejectUnknown(known, List.of(), where);
  }

  /**
   * Reports every key that is not in {@code known}, with a "did you mean" for typos. An unknown key
   * that is a likely typo of a key that is absent stands for it: that key is not reported missing
   * as well ({@link #misspelt}), and the hint says when it is one of {@code required}.
   */
  public void rejectUnknown(Collection<String> known, Collection<String> required, String where) {
    for (Entry e : map.entries()) {
      if (known.contains(e.key())) {
        continue;
      }
      Optional<String> meant = Suggestions.closest(e.key(), known);
      boolean absent = meant.isPresent() && map.entry(meant.get()).isEmpty();
      if (absent) {
        misspelt.add(meant.get());
        fail(meant.get());
      }
      String hint =
          meant
              .map(
                  k ->
                      "did you mean '"
                          + k
                          + (absent && required.contains(k) ? "', which is required?" : "'?"))
              .orElse("remove it, or use one of: " + String.join(", ", known));
      problems.add(
          source.error(
              e.keyMark().line(),
              e.keyMark().column(),
              "unknown key '" + e.key() + "' in " + where,
              hint));
    }
  }

  /**
   * Whether an unknown key is probably this absent key misspelt: its absence is then no problem of
   * its own, the unknown key's is reported.
   */
  public boolean misspelt(String key) {
    return misspelt.contains(key);
  }

  public void error(Mark at, String title, String hint) {
    problems.add(source.error(at.line(), at.column(), title, hint));
  }

  /** An error in the value of {@code key}, which then counts as {@link #failed}. */
  public void error(String key, Mark at, String title, String hint) {
    fail(key);
    error(at, title, hint);
  }

  /** Counts {@code key} as {@link #failed}: an error in its value was reported elsewhere. */
  public void fail(String key) {
    failed.add(key);
  }

  private void missing(String key, Mark at) {
    fail(key);
    if (!misspelt(key)) {
      error(at, "'" + key + "' is required", "add a line '" + key + ": ...'");
    }
  }

  private static String quoteHint(String key) {
    return "write '" + key + ": \"...\"' on one line";
  }
}
