package dev.kbgen.build;

import java.nio.file.Path;

/**
 * What to build.
 *
 * @param content the content folder
 * @param templates the theme folder
 * @param drafts whether articles with {@code status: draft} are built
 * @param workingDir the folder file names in problems are shown relative to
 */
public record BuildOptions(Path content, Path templates, boolean drafts, Path workingDir) {

  public static BuildOptions of(Path content, Path templates) {
    return new BuildOptions(content, templates, false, Path.of("").toAbsolutePath());
  }

  /** How a file is named in problems: relative to the working folder when it is inside it. */
  public String display(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    Path wd = workingDir.toAbsolutePath().normalize();
    return (abs.startsWith(wd) ? wd.relativize(abs) : abs).toString().replace('\\', '/');
  }
}
