package dev.kbgen.config;

import dev.kbgen.html.RawHtml;
import dev.kbgen.problem.Problems;
import dev.kbgen.problem.Source;
import dev.kbgen.yaml.Mark;
import dev.kbgen.yaml.YamlFields;
import dev.kbgen.yaml.YamlNode;
import dev.kbgen.yaml.YamlNode.Entry;
import dev.kbgen.yaml.YamlNode.YamlList;
import dev.kbgen.yaml.YamlNode.YamlMap;
import dev.kbgen.yaml.YamlNode.YamlScalar;
import dev.kbgen.yaml.YamlReader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads {@code site.yaml} strictly: unknown keys, wrong types and missing names are problems. */
public final class SiteConfigLoader {
  private static final List<String> KEYS =
      List.of(
          "title",
          "description",
          "base_url",
          "default_language",
          "languages",
          "products",
          "tags",
          "sections",
          "popular_tags",
          "recent_articles",
          "related_articles",
          "review_after_days",
          "duplicate_threshold",
          "raw_html",
          "synonyms");

  /** The keys site.yaml must have. */
  private static final List<String> REQUIRED = List.of("title", "base_url", "languages");

  private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]*");
  private static final Pattern LANG = Pattern.compile("[a-z]{2,3}(-[a-z0-9]+)?");

  private SiteConfigLoader() {}

  /**
   * Whether a name is a valid key (product, tag, id prefix): lower-case letters, digits, dashes.
   */
  public static boolean isKey(String name) {
    return KEY.matcher(name).matches();
  }

  /** Whether a code is a valid language code, such as {@code en} or {@code zh-cn}. */
  public static boolean isLanguageCode(String code) {
    return LANG.matcher(code).matches();
  }

  /**
   * Parses the config text; returns empty when it has errors (which are added to {@code problems}).
   */
  public static Optional<SiteConfig> parse(Source source, String text, Problems problems) {
    Problems local = new Problems();
    Optional<SiteConfig> config = parseInto(source, text, local);
    problems.addAll(local.sorted());
    return local.hasErrors() ? Optional.empty() : config;
  }

  private static Optional<SiteConfig> parseInto(Source source, String text, Problems problems) {
    YamlReader.Result result = YamlReader.read(text, 1);
    if (!result.ok()) {
      var e = result.error();
      problems.add(
          source.error(e.mark().line(), e.mark().column(), "site.yaml: " + e.message(), e.hint()));
      return Optional.empty();
    }
    result.warn(source, problems);
    if (!(result.root() instanceof YamlMap root)) {
      problems.add(
          source.error(1, 1, "site.yaml must be a map of settings", "start with 'title:'"));
      return Optional.empty();
    }
    YamlFields f = new YamlFields(root, source, problems);
    f.rejectUnknown(KEYS, REQUIRED, "site.yaml");

    List<Language> languages = new ArrayList<>();
    Optional<YamlNode> langNode = root.get("languages");
    if (langNode.isEmpty()
        || !(langNode.get() instanceof YamlList list)
        || list.items().isEmpty()) {
      if (langNode.isPresent() || !f.misspelt("languages")) {
        f.error(
            f.markOf("languages"),
            "'languages' must list the site's languages",
            "write 'languages:' then '- code: en' and '  label: English' per language");
      }
    } else {
      for (YamlNode item : list.items()) {
        if (!(item instanceof YamlMap lm)) {
          f.error(item.mark(), "each language needs 'code' and 'label'", "- code: en");
          continue;
        }
        YamlFields lf = new YamlFields(lm, source, problems);
        lf.rejectUnknown(List.of("code", "label"), List.of("code", "label"), "a language");
        Optional<String> code = lf.text("code", true);
        Optional<String> label = lf.text("label", true);
        if (code.isPresent() && !LANG.matcher(code.get()).matches()) {
          lf.error(
              lf.markOf("code"), "language code '" + code.get() + "' is not valid", "use en, zh");
        } else if (code.isPresent() && label.isPresent()) {
          languages.add(new Language(code.get(), label.get()));
        }
      }
    }
    List<String> codes = languages.stream().map(Language::code).toList();
    Map<String, String> title = perLanguage(f, "title", codes, true);
    Map<String, String> description = perLanguage(f, "description", codes, false);
    String baseUrl = f.text("base_url", true).orElse("/");
    if (!baseUrl.matches("https?://[^\\s]+")) {
      f.error(
          valueMark(f, "base_url"),
          "'base_url' must be an absolute http(s) URL",
          "e.g. base_url: https://help.example.com/");
    }
    if (!baseUrl.endsWith("/")) {
      baseUrl = baseUrl + "/";
    }
    String defaultLanguage =
        f.text("default_language", false).orElse(codes.isEmpty() ? "en" : codes.get(0));
    if (!codes.isEmpty() && !codes.contains(defaultLanguage)) {
      f.error(
          valueMark(f, "default_language"),
          "default_language '" + defaultLanguage + "' is not in 'languages'",
          "use one of: " + String.join(", ", codes));
    }
    List<Term> products = terms(f, "products", codes);
    List<Term> tags = terms(f, "tags", codes);
    SectionNames sections = sections(f, source, problems);
    int popular = number(f, "popular_tags", 12);
    int recent = number(f, "recent_articles", 8);
    int related = number(f, "related_articles", 5);
    int reviewAfter = number(f, "review_after_days", SiteConfig.DEFAULT_REVIEW_AFTER_DAYS, 1, 3650);
    double duplicates = fraction(f, "duplicate_threshold", SiteConfig.DEFAULT_DUPLICATE_THRESHOLD);
    RawHtml rawHtml = RawHtml.SANITIZE;
    Optional<String> rawText = f.text("raw_html", false);
    if (rawText.isPresent()) {
      Optional<RawHtml> parsed = RawHtml.of(rawText.get());
      if (parsed.isPresent()) {
        rawHtml = parsed.get();
      } else {
        f.error(
            valueMark(f, "raw_html"),
            "'raw_html' must be 'sanitize' or 'trusted'",
            "leave it out to sanitise raw HTML in articles (see SECURITY.md)");
      }
    }
    return Optional.of(
        new SiteConfig(
            title,
            description,
            baseUrl,
            defaultLanguage,
            languages,
            products,
            tags,
            sections,
            popular,
            recent,
            related,
            reviewAfter,
            duplicates,
            rawHtml,
            synonyms(f)));
  }

  /** {@code synonyms}: a list of groups, each a list of two or more words or phrases. */
  private static List<List<String>> synonyms(YamlFields f) {
    Optional<YamlNode> node = f.map().get("synonyms");
    if (node.isEmpty() || node.get() instanceof YamlScalar s && s.isNull()) {
      return List.of();
    }
    String hint = "write one group per line: '  - [OOM, out of memory, 内存溢出]'";
    if (!(node.get() instanceof YamlList list)) {
      f.error(node.get().mark(), "'synonyms' must be a list of lists", hint);
      return List.of();
    }
    List<List<String>> out = new ArrayList<>();
    for (YamlNode item : list.items()) {
      if (!(item instanceof YamlList group)) {
        f.error(item.mark(), "a synonym group must be a list, not " + item.kind(), hint);
        continue;
      }
      List<String> words = new ArrayList<>();
      boolean bad = false;
      for (YamlNode w : group.items()) {
        if (w instanceof YamlScalar s && !s.isNull() && !s.value().isBlank()) {
          words.add(s.value().strip());
        } else {
          f.error(w.mark(), "a synonym must be a word or phrase", hint);
          bad = true;
        }
      }
      if (bad) {
        continue;
      }
      if (words.size() < 2) {
        f.error(group.mark(), "a synonym group needs two or more words or phrases", hint);
      } else {
        out.add(List.copyOf(words));
      }
    }
    return List.copyOf(out);
  }

  private static Map<String, String> perLanguage(
      YamlFields f, String key, List<String> codes, boolean required) {
    Map<String, String> out = new HashMap<>();
    Optional<YamlNode> node = f.map().get(key);
    if (node.isEmpty()) {
      if (required && !f.misspelt(key)) {
        f.error(f.markOf(key), "'" + key + "' is required", key + ":\n  en: ...\n  zh: ...");
      }
      return out;
    }
    if (node.get() instanceof YamlScalar s) {
      codes.forEach(c -> out.put(c, s.value()));
      return out;
    }
    if (node.get() instanceof YamlMap m) {
      readNames(f, m, key, codes, out);
      return out;
    }
    f.error(node.get().mark(), "'" + key + "' must be text per language", "en: ... and zh: ...");
    return out;
  }

  private static void readNames(
      YamlFields f, YamlMap m, String what, List<String> codes, Map<String, String> out) {
    if (codes.isEmpty()) {
      return; // no language could be read, which is reported: the names cannot be checked
    }
    for (Entry e : m.entries()) {
      if (!codes.contains(e.key())) {
        f.error(
            e.keyMark(),
            "'" + e.key() + "' in " + what + " is not one of the site's languages",
            "use one of: " + String.join(", ", codes));
      } else if (e.value() instanceof YamlScalar s && !s.value().isBlank()) {
        out.put(e.key(), s.value().strip());
      } else {
        f.error(e.value().mark(), what + ": the " + e.key() + " name must be text", "");
      }
    }
    for (String code : codes) {
      if (!out.containsKey(code) && m.entries().stream().allMatch(e -> codes.contains(e.key()))) {
        f.error(
            m.mark(),
            what + " has no " + code + " name",
            "add '" + code + ": ...' so every language has a name");
      }
    }
  }

  private static List<Term> terms(YamlFields f, String key, List<String> codes) {
    List<Term> out = new ArrayList<>();
    Optional<YamlMap> map = f.submap(key, false);
    if (map.isEmpty()) {
      return out;
    }
    for (Entry e : map.get().entries()) {
      if (!KEY.matcher(e.key()).matches()) {
        f.error(
            e.keyMark(),
            "'" + e.key() + "' is not a valid " + key + " key",
            "use lower-case letters, digits and '-'");
        continue;
      }
      Map<String, String> names = new LinkedHashMap<>();
      if (e.value() instanceof YamlMap names0) {
        readNames(f, names0, key + "." + e.key(), codes, names);
      } else if (e.value() instanceof YamlScalar s && !s.isNull()) {
        codes.forEach(c -> names.put(c, s.value()));
      } else {
        f.error(e.value().mark(), key + "." + e.key() + " needs a name per language", "");
      }
      out.add(new Term(e.key(), names));
    }
    return out;
  }

  private static SectionNames sections(YamlFields f, Source source, Problems problems) {
    SectionNames defaults = SectionNames.defaults();
    Optional<YamlMap> map = f.submap("sections", false);
    if (map.isEmpty()) {
      return defaults;
    }
    Map<SectionKind, Map<String, List<String>>> names = new EnumMap<>(defaults.names());
    for (Entry e : map.get().entries()) {
      SectionKind kind;
      try {
        kind = SectionKind.valueOf(e.key().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException ex) {
        kind = SectionKind.OTHER;
      }
      if (kind == SectionKind.OTHER) {
        f.error(
            e.keyMark(),
            "unknown section '" + e.key() + "'",
            "use symptom, cause, resolution or prevention");
        continue;
      }
      if (!(e.value() instanceof YamlMap perLang)) {
        f.error(e.value().mark(), "sections." + e.key() + " must map languages to headings", "");
        continue;
      }
      Map<String, List<String>> langs = new HashMap<>();
      for (Entry le : perLang.entries()) {
        langs.put(le.key(), new YamlFields(perLang, source, problems).textList(le.key()));
      }
      names.put(kind, langs);
    }
    return new SectionNames(names);
  }

  private static int number(YamlFields f, String key, int defaultValue) {
    return number(f, key, defaultValue, 0, 1000);
  }

  private static int number(YamlFields f, String key, int defaultValue, int min, int max) {
    Optional<String> text = f.text(key, false);
    if (text.isEmpty()) {
      return defaultValue;
    }
    try {
      int n = Integer.parseInt(text.get());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    Mark at = valueMark(f, key);
    f.error(
        at,
        "'" + key + "' must be a whole number from " + min + " to " + max,
        "e.g. '" + key + ": " + defaultValue + "'");
    return defaultValue;
  }

  /** A number above 0 and at most 1, written with a decimal point. */
  private static double fraction(YamlFields f, String key, double defaultValue) {
    Optional<String> text = f.text(key, false);
    if (text.isEmpty()) {
      return defaultValue;
    }
    if (text.get().matches("(0?\\.\\d+|1(\\.0+)?)")) {
      double d = Double.parseDouble(text.get());
      if (d > 0) {
        return d;
      }
    }
    f.error(
        valueMark(f, key),
        "'" + key + "' must be a number above 0 and at most 1",
        "e.g. '" + key + ": " + defaultValue + "' (1 reports only copies)");
    return defaultValue;
  }

  /** Where a key's value is written, or where the key is when it has no value. */
  private static Mark valueMark(YamlFields f, String key) {
    return f.map().get(key).map(YamlNode::mark).orElse(f.markOf(key));
  }
}
