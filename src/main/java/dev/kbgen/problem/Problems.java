package dev.kbgen.problem;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Collects problems from a stage; safe to add to from several threads. */
public final class Problems {
  private final List<Problem> list = new ArrayList<>();

  public synchronized void add(Problem problem) {
    list.add(problem);
  }

  public synchronized void addAll(Collection<Problem> problems) {
    list.addAll(problems);
  }

  public synchronized boolean hasErrors() {
    return list.stream().anyMatch(Problem::isError);
  }

  /** A sorted, unmodifiable snapshot. */
  public synchronized List<Problem> sorted() {
    List<Problem> copy = new ArrayList<>(list);
    copy.sort(Problem.ORDER);
    return List.copyOf(copy);
  }

  public synchronized int size() {
    return list.size();
  }
}
