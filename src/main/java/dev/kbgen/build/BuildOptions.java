package dev.kbgen.build;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What to build or check.
 *
 * @param content the content folder
 * @param templates the theme folder
 * @param drafts whether articles with {@code status: draft} are built
 * @param workingDir the folder file names in problems are shown relative to
 * @param today the date review dates are compared with
 * @param requireTranslations whether a missing translation is a warning rather than an info
 * @param linksWarn whether a broken link or missing image is a warning rather than an error (for
 *     imported content that links to pages outside the selection)
 */
public record BuildOptions(
    Path content,
    Path templates,
    boolean drafts,
    Path workingDir,
    LocalDate today,
    boolean requireTranslations,
    boolean linksWarn) {

  public BuildOptions(
      Path content,
      Path templates,
      boolean drafts,
      Path workingDir,
      LocalDate today,
      boolean requireTranslations) {
    this(content, templates, drafts, workingDir, today, requireTranslations, false);
  }

  /** Today's date in UTC, the default for {@link #today}. */
  public static LocalDate todayUtc() {
    return LocalDate.now(ZoneOffset.UTC);
  }

  /** Options for a build on today's date (UTC) that treats missing translations as infos. */
  public BuildOptions(Path content, Path templates, boolean drafts, Path workingDir) {
    this(content, templates, drafts, workingDir, todayUtc(), false);
  }

  public static BuildOptions of(Path content, Path templates) {
    return new BuildOptions(content, templates, false, Path.of("").toAbsolutePath());
  }

  /** The same options on another date. */
  public BuildOptions withToday(LocalDate date) {
    return new BuildOptions(
        content, templates, drafts, workingDir, date, requireTranslations, linksWarn);
  }

  /** The same options with broken links reported as warnings ({@code --links warn}) or not. */
  public BuildOptions withLinksWarn(boolean warn) {
    return new BuildOptions(
        content, templates, drafts, workingDir, today, requireTranslations, warn);
  }

  /** How a file is named in problems: relative to the working folder when it is inside it. */
  public String display(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    Path wd = workingDir.toAbsolutePath().normalize();
    return (abs.startsWith(wd) ? wd.relativize(abs) : abs).toString().replace('\\', '/');
  }
}
