package dev.kbgen.serve;

import dev.kbgen.problem.Problem;
import dev.kbgen.problem.ProblemFormatter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the preview server adds to HTML pages as it serves them (the built files stay unchanged):
 * the live-reload script, and after a failed build an overlay listing the problems. Also the
 * standalone problems page, for when no build has succeeded yet.
 */
final class LivePages {
  /** The script tag every served page gets. */
  static final String LIVE_SCRIPT = "<script src=\"/__kbgen/live.js\" defer></script>";

  /**
   * The content hash in the names of the search files ({@code search/en/manifest.e4f63f99.js}): a
   * page names the files of its own build, so every page changes when any article does.
   */
  private static final Pattern HASHED_NAME =
      Pattern.compile("(search/[A-Za-z0-9_./-]*?)\\.[0-9a-f]{8}\\.js\\b");

  private static final Pattern HEAD_END = Pattern.compile("</head\\s*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern BODY_START =
      Pattern.compile("<body(?:\\s[^>]*)?>", Pattern.CASE_INSENSITIVE);

  private LivePages() {}

  /**
   * A page as served: the build number and the live script before {@code </head>}, and the overlay
   * right after {@code <body>} when {@code problems} holds the problems of a failed build.
   */
  static String decorate(String html, long build, List<Problem> problems, String assets) {
    String head =
        buildMeta(build)
            + "<meta name=\"kbgen-page\" content=\""
            + fingerprint(html, problems, assets)
            + "\">"
            + LIVE_SCRIPT;
    Matcher end = HEAD_END.matcher(html);
    int headEnd = end.find() ? end.start() : 0;
    StringBuilder out = new StringBuilder(html.length() + head.length() + 4096);
    out.append(html, 0, headEnd).append(head);
    if (problems.isEmpty()) {
      return out.append(html, headEnd, html.length()).toString();
    }
    // The overlay goes first in the body (first in reading and tab order), looked for after the
    // head so that text in the head can never be mistaken for the body tag.
    Matcher body = BODY_START.matcher(html);
    int bodyEnd = body.find(headEnd) ? body.end() : html.length();
    return out.append(html, headEnd, bodyEnd)
        .append(overlay(problems))
        .append(html, bodyEnd, html.length())
        .toString();
  }

  /** The page served for every URL while there has never been a good build. */
  static String problemsPage(long build, List<Problem> problems) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<title>Build failed · kbgen serve</title>\n"
        + "<link rel=\"stylesheet\" href=\"/__kbgen/overlay.css\">\n"
        + buildMeta(build)
        + LIVE_SCRIPT
        + "\n</head>\n<body class=\"kbgen-problems-page\">\n"
        + "<main class=\"kbgen-overlay-box\" aria-labelledby=\"kbgen-overlay-title\">\n"
        + "<h1 id=\"kbgen-overlay-title\">Build failed: "
        + escape(ProblemFormatter.summary(problems))
        + "</h1>\n<p>There is no site to show yet. Fix the problems below and save:"
        + " this page reloads by itself.</p>\n"
        + list(problems)
        + "</main>\n</body>\n</html>\n";
  }

  /** The overlay: every problem, and a button that hides it (the page stays underneath). */
  static String overlay(List<Problem> problems) {
    return "<div id=\"kbgen-overlay\" class=\"kbgen-overlay\" role=\"alertdialog\""
        + " aria-labelledby=\"kbgen-overlay-title\">"
        + "<link rel=\"stylesheet\" href=\"/__kbgen/overlay.css\">"
        + "<div class=\"kbgen-overlay-box\">\n"
        + "<h2 id=\"kbgen-overlay-title\">Build failed: "
        + escape(ProblemFormatter.summary(problems))
        + "</h2>\n<p>The page underneath is from the last good build. Fix the problems and save:"
        + " this page reloads by itself.</p>\n"
        + list(problems)
        + "<button type=\"button\" id=\"kbgen-overlay-dismiss\">Dismiss</button>\n"
        + "</div></div>";
  }

  /** The problems, errors first, then warnings, then infos, each kind in the order given. */
  private static String list(List<Problem> problems) {
    StringBuilder out = new StringBuilder("<ol class=\"kbgen-problem-list\">\n");
    for (Problem p : problems.stream().sorted(Comparator.comparing(Problem::severity)).toList()) {
      String severity = p.severity().label();
      out.append("<li class=\"kbgen-problem kbgen-")
          .append(severity)
          .append("\"><p><code class=\"kbgen-location\">")
          .append(escape(p.location()))
          .append("</code> <span class=\"kbgen-severity\">")
          .append(severity)
          .append("</span> <span class=\"kbgen-title\">")
          .append(escape(p.title()))
          .append("</span></p>");
      if (!p.excerpt().isEmpty()) {
        out.append("<pre class=\"kbgen-excerpt\">").append(escape(p.excerpt())).append("</pre>");
      }
      if (!p.detail().isEmpty()) {
        out.append("<p class=\"kbgen-detail\">").append(escape(p.detail())).append("</p>");
      }
      if (!p.hint().isEmpty()) {
        out.append("<p class=\"kbgen-hint\">hint: ").append(escape(p.hint())).append("</p>");
      }
      out.append("</li>\n");
    }
    return out.append("</ol>\n").toString();
  }

  /**
   * What a served page shows, as a short hash. Two builds of a page that differ only in the names
   * of the search files have the same one: the live script reloads an open page only when this
   * changes, so a rebuild for an edit elsewhere (or the full build after an article's quick update)
   * does not reload it. The overlay's problems count as the page's content, and so do the styles,
   * scripts and images of the build ({@code assets}: {@link LiveSite#assets}).
   */
  static String fingerprint(String html, List<Problem> problems, String assets) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(HASHED_NAME.matcher(html).replaceAll("$1.js").getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(assets.getBytes(StandardCharsets.UTF_8));
      if (!problems.isEmpty()) {
        sha.update((byte) 0);
        sha.update(overlay(problems).getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static String buildMeta(long build) {
    return String.format(Locale.ROOT, "<meta name=\"kbgen-build\" content=\"%d\">", build);
  }

  /**
   * Escapes text for HTML element content and quoted attribute values, control characters written
   * out ({@link Problem#visible}).
   */
  static String escape(String raw) {
    String text = Problem.visible(raw);
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
