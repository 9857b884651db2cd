package dev.kbgen.yaml;

import java.util.List;
import java.util.Optional;

/** A YAML value with its position: a map, a list or a scalar (always kept as text). */
public sealed interface YamlNode {

  Mark mark();

  /** A word for the kind of value, used in messages: "a map", "a list", "text". */
  String kind();

  /** A mapping with its entries in file order. */
  record YamlMap(List<Entry> entries, Mark mark) implements YamlNode {
    public YamlMap {
      entries = List.copyOf(entries);
    }

    public Optional<Entry> entry(String key) {
      return entries.stream().filter(e -> e.key().equals(key)).findFirst();
    }

    public Optional<YamlNode> get(String key) {
      return entry(key).map(Entry::value);
    }

    @Override
    public String kind() {
      return "a map";
    }
  }

  /** One key and its value. */
  record Entry(String key, Mark keyMark, YamlNode value) {}

  /** A sequence. */
  record YamlList(List<YamlNode> items, Mark mark) implements YamlNode {
    public YamlList {
      items = List.copyOf(items);
    }

    @Override
    public String kind() {
      return "a list";
    }
  }

  /**
   * A scalar as written.
   *
   * @param value the text (for plain {@code ~} or {@code null} or nothing: the empty string)
   * @param plain whether it was written without quotes
   * @param isNull whether it is YAML's null (plain {@code ~}, {@code null} or nothing)
   */
  record YamlScalar(String value, boolean plain, boolean isNull, Mark mark) implements YamlNode {
    @Override
    public String kind() {
      return isNull ? "empty" : "text";
    }
  }
}
