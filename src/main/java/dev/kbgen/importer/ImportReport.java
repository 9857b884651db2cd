package dev.kbgen.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What an import did.
 *
 * @param imported articles written (or rewritten with the same bytes)
 * @param constructs converted constructs by kind
 * @param warnings things converted with a loss or left for the build to report, by kind
 * @param extraFields source front-matter keys kept under {@code extra}, with how many files had
 *     them
 * @param skipped files that are not articles (include files), with the reason
 * @param failed articles that could not be imported, with the reason
 * @param products product keys declared in site.yaml by this import
 * @param tags tag keys declared in site.yaml by this import
 */
public record ImportReport(
    int imported,
    SortedMap<String, Integer> constructs,
    SortedMap<String, Warning> warnings,
    SortedMap<String, Integer> extraFields,
    List<Skipped> skipped,
    List<Skipped> failed,
    List<String> products,
    List<String> tags) {

  /** How many examples of each warning kind are kept. */
  public static final int EXAMPLES = 3;

  /** One kind of warning: how often, and the first few places ({@code file:line: detail}). */
  public record Warning(int count, List<String> examples) {
    public Warning {
      examples = List.copyOf(examples);
    }
  }

  /** A file that was not imported, and why. */
  public record Skipped(String path, String reason) {}

  public ImportReport {
    constructs = new TreeMap<>(constructs);
    warnings = new TreeMap<>(warnings);
    extraFields = new TreeMap<>(extraFields);
    skipped = List.copyOf(skipped);
    failed = List.copyOf(failed);
    products = List.copyOf(products);
    tags = List.copyOf(tags);
  }

  /** Whether every article was imported. */
  public boolean ok() {
    return failed.isEmpty();
  }

  public int constructCount(String kind) {
    return constructs.getOrDefault(kind, 0);
  }

  public int warningCount(String kind) {
    Warning w = warnings.get(kind);
    return w == null ? 0 : w.count();
  }

  /** The report as printed by {@code kbgen import}. */
  public String format() {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "imported %d article%s (%d skipped, %d failed); site.yaml: %d new product%s, %d new tag%s%n",
            imported,
            imported == 1 ? "" : "s",
            skipped.size(),
            failed.size(),
            products.size(),
            products.size() == 1 ? "" : "s",
            tags.size(),
            tags.size() == 1 ? "" : "s"));
    section(b, "converted", constructs);
    if (!warnings.isEmpty()) {
      b.append("warnings:\n");
      for (Map.Entry<String, Warning> e : warnings.entrySet()) {
        b.append(String.format(Locale.ROOT, "  %-34s %6d%n", e.getKey(), e.getValue().count()));
        for (String example : e.getValue().examples()) {
          b.append("      ").append(example).append('\n');
        }
      }
    }
    section(b, "front matter kept under 'extra'", extraFields);
    list(b, "skipped", skipped);
    list(b, "failed", failed);
    return b.toString();
  }

  private static void section(StringBuilder b, String title, Map<String, Integer> counts) {
    if (counts.isEmpty()) {
      return;
    }
    b.append(title).append(":\n");
    counts.forEach((k, v) -> b.append(String.format(Locale.ROOT, "  %-34s %6d%n", k, v)));
  }

  private static void list(StringBuilder b, String title, List<Skipped> files) {
    if (files.isEmpty()) {
      return;
    }
    b.append(title).append(":\n");
    List<Skipped> shown = new ArrayList<>(files.subList(0, Math.min(files.size(), 50)));
    for (Skipped s : shown) {
      b.append("  ").append(s.path()).append(": ").append(s.reason()).append('\n');
    }
    if (files.size() > shown.size()) {
      b.append("  ... and ").append(files.size() - shown.size()).append(" more\n");
    }
  }
}
