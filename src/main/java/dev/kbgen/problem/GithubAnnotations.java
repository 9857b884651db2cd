package dev.kbgen.problem;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Problems as GitHub Actions workflow commands, which GitHub shows as annotations on the pull
 * request's files: {@code ::error file=content/en/a.md,line=4,col=10,title=...::hint: ...}. Errors
 * stay errors, warnings warnings, infos become notices.
 */
public final class GithubAnnotations {
  private GithubAnnotations() {}

  public static String format(Problem p) {
    return format(p, file -> file);
  }

  /**
   * @param path the file as the annotation names it, from the problem's file
   */
  public static String format(Problem p, UnaryOperator<String> path) {
    String command =
        switch (p.severity()) {
          case ERROR -> "error";
          case WARNING -> "warning";
          case INFO -> "notice";
        };
    StringBuilder out = new StringBuilder("::").append(command).append(" file=");
    out.append(property(path.apply(p.file())));
    if (p.line() > 0) {
      out.append(",line=").append(p.line());
      if (p.column() > 0) {
        out.append(",col=").append(p.column());
      }
    }
    out.append(",title=").append(property(p.title()));
    // GitHub shows the title above the message: the message is the detail and the hint.
    StringBuilder message = new StringBuilder(p.detail());
    if (!p.hint().isEmpty()) {
      message.append(message.length() > 0 ? "\n" : "").append("hint: ").append(p.hint());
    }
    String text = message.length() > 0 ? message.toString() : p.title();
    return out.append("::").append(data(text)).append('\n').toString();
  }

  /**
   * Files named as GitHub needs them to attach annotations to a pull request's files: relative to
   * the workspace (the checked-out repository, {@code GITHUB_WORKSPACE}) rather than to the working
   * folder, which a workflow step may set to a subfolder. A file outside the workspace, or with no
   * workspace, is named as it is.
   *
   * @param workingFolder the folder problems' relative file names start from
   * @param workspace the repository's folder, or null or blank outside GitHub Actions
   */
  public static UnaryOperator<String> relativeTo(Path workingFolder, String workspace) {
    if (workspace == null || workspace.isBlank()) {
      return file -> file;
    }
    Path root = workingFolder.resolve(workspace).toAbsolutePath().normalize();
    return file -> {
      Path p = workingFolder.resolve(file).toAbsolutePath().normalize();
      return p.startsWith(root) && !p.equals(root)
          ? root.relativize(p).toString().replace('\\', '/')
          : file;
    };
  }

  /** The message after {@code ::}: {@code %}, CR and LF are escaped. */
  static String data(String s) {
    return Problem.visible(s).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** A property value: also {@code :} and {@code ,}. */
  static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }
}
