package dev.kbgen.authoring;

import dev.kbgen.yaml.YamlScalars;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Writes front-matter values so that kbgen reads them back exactly. */
final class Yaml {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");
  private static final List<String> WORDS =
      List.of("yes", "no", "on", "off", "true", "false", "null", "y", "n");

  private Yaml() {}

  /** A value, plain when that is safe (ids, keys), otherwise in double quotes. */
  static String scalar(String value) {
    if (PLAIN.matcher(value).matches() && !WORDS.contains(value.toLowerCase(Locale.ROOT))) {
      return value;
    }
    return quoted(value);
  }

  /** A value in double quotes, with YAML's escapes. */
  static String quoted(String value) {
    return YamlScalars.doubleQuoted(value);
  }

  /** A flow list: {@code [a, "b c"]}. */
  static String list(List<String> values) {
    return "[" + String.join(", ", values.stream().map(Yaml::scalar).toList()) + "]";
  }
}
