package dev.kbgen.importer;

import dev.kbgen.yaml.YamlNode;
import dev.kbgen.yaml.YamlReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The import's changes to {@code site.yaml}: a minimal file for an empty content folder, and new
 * products and tags added to the end of their lists; every other byte is kept.
 */
final class SiteYaml {
  private SiteYaml() {}

  /**
   * The declared keys and languages of a site.yaml.
   *
   * @param languages language codes
   * @param products product keys
   * @param tags tag keys
   */
  record Declared(List<String> languages, Set<String> products, Set<String> tags) {}

  /** A minimal site.yaml for the given languages. */
  static String minimal(List<String> languages) {
    StringBuilder b = new StringBuilder();
    b.append("# Written by kbgen import; edit freely. Imports add products and tags below.\n");
    b.append("title:\n");
    for (String l : languages) {
      b.append("  ").append(l).append(": ").append(l.startsWith("zh") ? "知识库" : "Knowledge base");
      b.append('\n');
    }
    b.append("description:\n");
    for (String l : languages) {
      b.append("  ").append(l).append(": ");
      b.append(l.startsWith("zh") ? "导入的文章。" : "Imported articles.").append('\n');
    }
    b.append("base_url: https://kb.example.com/\n");
    b.append("default_language: ").append(languages.get(0)).append('\n');
    b.append("languages:\n");
    for (String l : languages) {
      String label =
          switch (l) {
            case "en" -> "English";
            case "zh" -> "中文";
            default -> l;
          };
      b.append("  - code: ").append(l).append("\n    label: ").append(label).append('\n');
    }
    b.append("products:\ntags:\n");
    return b.toString();
  }

  /** What the file declares, or empty when it cannot be read as a map. */
  static Optional<Declared> declared(String text) {
    YamlReader.Result r = YamlReader.read(text, 1);
    if (!r.ok() || !(r.root() instanceof YamlNode.YamlMap map)) {
      return Optional.empty();
    }
    List<String> languages = new ArrayList<>();
    if (map.get("languages").orElse(null) instanceof YamlNode.YamlList list) {
      for (YamlNode item : list.items()) {
        if (item instanceof YamlNode.YamlMap m
            && m.get("code").orElse(null) instanceof YamlNode.YamlScalar s) {
          languages.add(s.value());
        }
      }
    }
    return Optional.of(new Declared(languages, keys(map, "products"), keys(map, "tags")));
  }

  private static Set<String> keys(YamlNode.YamlMap map, String key) {
    Set<String> out = new LinkedHashSet<>();
    if (map.get(key).orElse(null) instanceof YamlNode.YamlMap m) {
      m.entries().forEach(e -> out.add(e.key()));
    }
    return out;
  }

  /**
   * The text with new entries ({@code key -> name}, the same name in every language) added to the
   * top-level map {@code section}.
   *
   * @throws IllegalStateException when the section is written in flow style
   */
  static String add(
      String text, String section, Map<String, String> entries, List<String> languages) {
    if (entries.isEmpty()) {
      return text;
    }
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    List<String> added = new ArrayList<>();
    for (Map.Entry<String, String> e : entries.entrySet()) {
      StringBuilder b = new StringBuilder("  ").append(e.getKey()).append(": {");
      for (int i = 0; i < languages.size(); i++) {
        b.append(i == 0 ? "" : ", ")
            .append(languages.get(i))
            .append(": ")
            .append(YamlOut.quote(e.getValue()));
      }
      added.add(b.append('}').toString());
    }
    Pattern start = Pattern.compile("^" + Pattern.quote(section) + ":\\s*(#.*)?$");
    int at = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (start.matcher(lines.get(i)).matches()) {
        at = i;
        break;
      }
      if (lines.get(i).startsWith(section + ":")) {
        throw new IllegalStateException(
            "site.yaml: '"
                + section
                + ":' is written on one line; write it as a block ('"
                + section
                + ":' alone, one key per line) so that import can add to it");
      }
    }
    if (at < 0) {
      lines.add(section + ":");
      lines.addAll(added);
    } else {
      int end = at + 1;
      int lastContent = at;
      while (end < lines.size()) {
        String l = lines.get(end);
        if (!l.isBlank() && !l.startsWith(" ") && !l.startsWith("\t") && !l.startsWith("#")) {
          break;
        }
        if (!l.isBlank() && !l.strip().startsWith("#")) {
          lastContent = end;
        }
        end++;
      }
      lines.addAll(lastContent + 1, added);
    }
    return String.join("\n", lines) + "\n";
  }
}
