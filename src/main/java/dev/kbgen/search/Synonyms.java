package dev.kbgen.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The site's synonym groups ({@code synonyms} in site.yaml), analysed: a query that contains every
 * term of one alternative also searches for the terms of the others. The static index ships the
 * analysed groups, so the browser expands queries the same way.
 *
 * @param groups per group, per alternative, its query terms
 */
public record Synonyms(List<List<List<String>>> groups) {
  /** No synonyms. */
  public static final Synonyms NONE = new Synonyms(List.of());

  public Synonyms {
    groups = groups.stream().map(g -> g.stream().map(List::copyOf).toList()).toList();
  }

  /** Analyses the groups of words or phrases; alternatives without terms are left out. */
  public static Synonyms of(List<List<String>> groups, Analysis analysis) {
    List<List<List<String>>> out = new ArrayList<>();
    for (List<String> group : groups) {
      List<List<String>> alternatives = new ArrayList<>();
      for (String phrase : group) {
        List<String> terms = analysis.analyze(phrase, Analysis.Mode.QUERY);
        if (!terms.isEmpty() && !alternatives.contains(terms)) {
          alternatives.add(terms);
        }
      }
      if (alternatives.size() > 1) {
        out.add(alternatives);
      }
    }
    return new Synonyms(out);
  }

  /**
   * One use of a group by a query.
   *
   * @param matched the alternative whose terms the query has
   * @param others the group's other alternatives
   */
  public record Expansion(List<String> matched, List<List<String>> others) {
    public Expansion {
      matched = List.copyOf(matched);
      others = others.stream().map(List::copyOf).toList();
    }
  }

  /**
   * The groups a query uses: each alternative whose terms (Chinese word terms aside, which depend
   * on the surrounding text) all are query terms, in group and alternative order.
   */
  public List<Expansion> expansions(List<String> terms) {
    List<Expansion> out = new ArrayList<>();
    for (List<List<String>> group : groups) {
      for (int a = 0; a < group.size(); a++) {
        if (!matches(group.get(a), terms)) {
          continue;
        }
        List<List<String>> others = new ArrayList<>(group);
        others.remove(a);
        out.add(new Expansion(group.get(a), others));
      }
    }
    return out;
  }

  /** The terms expansions add: the other alternatives' terms the query does not have, distinct. */
  public static List<String> extraTerms(List<Expansion> expansions, List<String> terms) {
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (Expansion e : expansions) {
      for (List<String> other : e.others()) {
        for (String t : other) {
          if (!terms.contains(t)) {
            out.add(t);
          }
        }
      }
    }
    return List.copyOf(out);
  }

  /** The terms to add to a query ({@link #extraTerms} of its {@link #expansions}). */
  public List<String> expand(List<String> terms) {
    return extraTerms(expansions(terms), terms);
  }

  /** Whether a document's terms, or a query's, hold an alternative (its Chinese words aside). */
  static boolean matches(List<String> alternative, List<String> terms) {
    boolean any = false;
    for (String t : alternative) {
      if (t.startsWith(Analysis.CHINESE_WORD)) {
        continue;
      }
      if (!terms.contains(t)) {
        return false;
      }
      any = true;
    }
    return any;
  }
}
