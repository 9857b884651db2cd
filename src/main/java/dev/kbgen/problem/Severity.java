package dev.kbgen.problem;

import java.util.Locale;

/** How bad a problem is. Errors fail the build; warnings and infos are reported. */
public enum Severity {
  ERROR,
  WARNING,
  INFO;

  /** The lower-case word used in reports: {@code error}, {@code warning}, {@code info}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
