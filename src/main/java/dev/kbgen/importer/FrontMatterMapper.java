package dev.kbgen.importer;

import dev.kbgen.config.SectionKind;
import dev.kbgen.config.SectionNames;
import dev.kbgen.content.CodeFences;
import dev.kbgen.yaml.YamlNode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps a source article's front matter and body to kbgen's front-matter fields. */
final class FrontMatterMapper {
  private static final Pattern MS_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
  private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2}).*");
  private static final Pattern H1 = Pattern.compile("^#[ \\t]+(.+?)[ \\t#]*$");
  private static final Pattern HEADING = Pattern.compile("^(#{1,6})[ \\t]+(.+?)[ \\t#]*$");
  private static final SectionNames SECTION_NAMES = SectionNames.defaults();
  private static final Pattern HOW_TO_TITLE =
      Pattern.compile(
          "(?i)^(how to|how do|install|configure|set up|setup|deploy|use|using|create|enable|"
              + "manage|migrate|upgrade|run|get started|getting started|back up|restore|connect"
              + "|add|remove|change|scale|monitor).*|.*(如何|怎样|使用|部署|配置|安装|升级|迁移|创建|启用|管理|快速上手).*");

  /** Source keys that became kbgen fields. */
  private static final Set<String> MAPPED =
      Set.of("title", "description", "summary", "ms.date", "date", "lastmod", "updated");

  private FrontMatterMapper() {}

  /** The mapped front matter and the body without the title heading. */
  record Mapped(Map<String, Object> frontMatter, String body, String type) {}

  static Mapped map(
      Flavour flavour,
      String lang,
      String prefix,
      String relative,
      String id,
      Map<String, Object> source,
      String body,
      LocalDate fileDate,
      MarkdownConverter converter,
      Tags tags,
      ImportLog log,
      String display) {
    // title: DocFX's H1 is the human title when it differs from the front matter's
    String sourceTitle = text(source.get("title"));
    String fmTitle = sourceTitle == null ? null : stripMarkdown(converter.inline(sourceTitle));
    String h1 = null;
    String rest = body;
    String[] lines = body.split("\n", -1);
    int first = 0;
    while (first < lines.length && lines[first].isBlank()) {
      first++;
    }
    if (first < lines.length) {
      Matcher m = H1.matcher(lines[first]);
      if (m.matches()) {
        h1 = m.group(1).strip();
        StringBuilder b = new StringBuilder();
        for (int i = first + 1; i < lines.length; i++) {
          b.append(lines[i]).append(i < lines.length - 1 ? "\n" : "");
        }
        rest = b.toString().replaceFirst("^\\n+", "");
      }
    }
    String title;
    boolean converted = false;
    Map<String, Object> extra = new LinkedHashMap<>();
    if (flavour == Flavour.DOCFX && h1 != null && !h1.isEmpty()) {
      title = h1;
      if (fmTitle != null && !fmTitle.equals(h1)) {
        log.converted("title from H1");
      }
    } else if (fmTitle != null && !fmTitle.isBlank()) {
      title = fmTitle;
      converted = true;
    } else if (h1 != null && !h1.isEmpty()) {
      title = h1;
      log.converted("title from H1");
    } else {
      String name = relative.substring(relative.lastIndexOf('/') + 1).replaceAll("\\.md$", "");
      title = name.replace('-', ' ').replace('_', ' ').strip();
      log.warn("no title: file name used", display, 1, "");
    }
    if (!converted) {
      title = stripMarkdown(converter.inline(title));
    }

    String summary = text(source.get("description"));
    if (summary == null) {
      summary = text(source.get("summary"));
    }
    if (summary != null) {
      summary = converter.inline(summary).strip();
      if (summary.isEmpty()) {
        summary = null;
      }
    }

    LocalDate updated = null;
    String msDate = text(source.get("ms.date"));
    if (msDate != null) {
      updated = msDate(msDate.strip());
      if (updated == null) {
        log.warn("ms.date not a date", display, 1, msDate);
      } else {
        log.converted("ms.date");
      }
    }
    for (String k : List.of("updated", "lastmod", "date")) {
      if (updated == null && source.get(k) != null) {
        Matcher m = ISO_DATE.matcher(text(source.get(k)).strip());
        if (m.matches()) {
          try {
            updated = LocalDate.parse(m.group(1) + "-" + m.group(2) + "-" + m.group(3));
          } catch (DateTimeException e) {
            updated = null;
          }
        }
      }
    }
    if (updated == null) {
      updated = fileDate;
      log.converted("updated from file date");
    }

    // tags: folder, then the source's categories
    List<String> tagKeys = new ArrayList<>();
    int slash = relative.indexOf('/');
    tags.add(tagKeys, slash > 0 ? relative.substring(0, slash) : prefix);
    switch (flavour) {
      case DOCFX -> {
        tags.add(tagKeys, text(source.get("ms.service")));
        tags.add(tagKeys, text(source.get("ms.prod")));
        Object custom = source.get("ms.custom");
        List<String> customs = new ArrayList<>();
        if (custom instanceof List<?> l) {
          l.forEach(x -> customs.add(String.valueOf(x)));
        } else if (custom != null) {
          customs.addAll(List.of(String.valueOf(custom).split(",")));
        }
        for (String c : customs) {
          String s = c.strip();
          if (s.startsWith("sap:")) {
            tags.add(tagKeys, s.substring(4));
          }
        }
      }
      case HUGO -> tags.add(tagKeys, text(source.get("content_type")));
      case MARKDOWN -> {}
    }

    String type = type(flavour, lang, title, text(source.get("content_type")), rest);

    for (Map.Entry<String, Object> e : source.entrySet()) {
      if (!MAPPED.contains(e.getKey())) {
        extra.put(e.getKey(), e.getValue());
        log.extraField(e.getKey());
      }
    }
    if (fmTitle != null && !fmTitle.equals(title)) {
      extra.put("title", sourceTitle);
      log.extraField("title");
    }
    extra.put("imported_from", flavour.key() + ":" + relative);

    Map<String, Object> fm = new LinkedHashMap<>();
    fm.put("id", id);
    fm.put("title", title);
    if (summary != null) {
      fm.put("summary", summary);
    }
    fm.put("type", type);
    // DocFX knowledge bases keep one product family per top folder (azure, sql, windows-client,
    // ...); the other sources are one product each.
    String folder = slash > 0 ? slug(relative.substring(0, slash)) : "";
    fm.put("product", flavour == Flavour.DOCFX && !folder.isEmpty() ? folder : prefix);
    fm.put("tags", tagKeys);
    fm.put("updated", updated);
    fm.put("extra", extra);
    return new Mapped(fm, rest, type);
  }

  /** M/D/YYYY (DocFX's ms.date), or null. */
  static LocalDate msDate(String s) {
    Matcher m = MS_DATE.matcher(s);
    if (m.matches()) {
      try {
        return LocalDate.of(
            Integer.parseInt(m.group(3)),
            Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)));
      } catch (DateTimeException e) {
        return null;
      }
    }
    Matcher iso = ISO_DATE.matcher(s);
    if (iso.matches()) {
      try {
        return LocalDate.parse(iso.group(1) + "-" + iso.group(2) + "-" + iso.group(3));
      } catch (DateTimeException e) {
        return null;
      }
    }
    return null;
  }

  /**
   * troubleshooting when Symptom, Cause and Resolution sections (level 2, not empty) are all there;
   * faq when most level-2 headings are questions; how-to for tasks and tutorials; otherwise
   * reference.
   */
  static String type(Flavour flavour, String lang, String title, String contentType, String body) {
    SectionNames names = SECTION_NAMES;
    String l = lang.startsWith("zh") ? "zh" : "en";
    Set<SectionKind> kinds = EnumSet.noneOf(SectionKind.class);
    int h2 = 0;
    int questions = 0;
    SectionKind current = null;
    CodeFences fences = new CodeFences();
    for (String line : body.split("\n")) {
      if (fences.code(line)) {
        if (current != null && current != SectionKind.OTHER) {
          kinds.add(current);
        }
        continue;
      }
      Matcher m = HEADING.matcher(line);
      if (m.matches() && m.group(1).length() <= 2) {
        String heading = m.group(2).replaceAll("<a id=\"[^\"]*\"></a>", "").strip();
        if (m.group(1).length() == 2) {
          h2++;
          if (heading.endsWith("?") || heading.endsWith("？")) {
            questions++;
          }
          current = names.classify(l, heading);
        } else {
          current = null;
        }
        continue;
      }
      if (current != null && current != SectionKind.OTHER && !line.isBlank()) {
        kinds.add(current);
      }
    }
    if (kinds.containsAll(
        EnumSet.of(SectionKind.SYMPTOM, SectionKind.CAUSE, SectionKind.RESOLUTION))) {
      return "troubleshooting";
    }
    String t = title.toLowerCase(Locale.ROOT);
    if (h2 >= 2 && questions * 2 >= h2
        || t.contains("faq")
        || t.contains("frequently asked")
        || title.contains("常见问题")) {
      return "faq";
    }
    if ("task".equals(contentType) || "tutorial".equals(contentType)) {
      return "how-to";
    }
    if (contentType == null && HOW_TO_TITLE.matcher(title.strip()).matches()) {
      return "how-to";
    }
    return "reference";
  }

  private static String stripMarkdown(String title) {
    return title.replaceAll("`([^`]*)`", "$1").replaceAll("\\*\\*([^*]*)\\*\\*", "$1").strip();
  }

  static String text(Object o) {
    return o instanceof String s ? s : null;
  }

  /** A YAML node as plain values: String, List, Map. */
  static Object plain(YamlNode node) {
    if (node instanceof YamlNode.YamlMap m) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (YamlNode.Entry e : m.entries()) {
        out.put(e.key(), plain(e.value()));
      }
      return out;
    }
    if (node instanceof YamlNode.YamlList l) {
      List<Object> out = new ArrayList<>();
      l.items().forEach(i -> out.add(plain(i)));
      return out;
    }
    YamlNode.YamlScalar s = (YamlNode.YamlScalar) node;
    return s.isNull() ? "" : s.value();
  }

  /** Tag keys and their names, collected over one import. */
  static final class Tags {
    private final Map<String, String> names = new LinkedHashMap<>();

    void add(List<String> keys, String value) {
      if (value == null || value.isBlank()) {
        return;
      }
      String key = slug(value);
      if (key.isEmpty() || keys.contains(key)) {
        return;
      }
      keys.add(key);
      names.putIfAbsent(key, value.strip().replace('\\', '/'));
    }

    Map<String, String> names() {
      return names;
    }
  }

  /** Lower case letters, digits and single dashes. */
  static String slug(String s) {
    String k = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (k.length() > 60) {
      k = k.substring(0, 60).replaceAll("-+$", "");
    }
    return k;
  }
}
