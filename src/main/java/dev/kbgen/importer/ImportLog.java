package dev.kbgen.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Collects counts and warnings while one import runs (one thread). */
final class ImportLog {
  private final Map<String, Integer> constructs = new TreeMap<>();
  private final Map<String, Integer> warningCounts = new TreeMap<>();
  private final Map<String, List<String>> examples = new TreeMap<>();
  private final Map<String, Integer> extraFields = new TreeMap<>();

  void converted(String kind) {
    converted(kind, 1);
  }

  void converted(String kind, int n) {
    if (n > 0) {
      constructs.merge(kind, n, Integer::sum);
    }
  }

  void warn(String kind, String file, int line, String detail) {
    warningCounts.merge(kind, 1, Integer::sum);
    List<String> list = examples.computeIfAbsent(kind, k -> new ArrayList<>());
    if (list.size() < ImportReport.EXAMPLES) {
      list.add(file + (line > 0 ? ":" + line : "") + (detail.isEmpty() ? "" : ": " + detail));
    }
  }

  void extraField(String key) {
    extraFields.merge(key, 1, Integer::sum);
  }

  SortedMap<String, Integer> constructs() {
    return new TreeMap<>(constructs);
  }

  SortedMap<String, ImportReport.Warning> warnings() {
    SortedMap<String, ImportReport.Warning> out = new TreeMap<>();
    warningCounts.forEach((k, n) -> out.put(k, new ImportReport.Warning(n, examples.get(k))));
    return out;
  }

  SortedMap<String, Integer> extraFields() {
    return new TreeMap<>(extraFields);
  }
}
