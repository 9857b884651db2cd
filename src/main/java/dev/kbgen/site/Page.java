package dev.kbgen.site;

import java.util.Map;

/**
 * A page to render.
 *
 * @param path where it is published, from the site root
 * @param template the template file name, e.g. {@code article.peb}
 * @param vars the template variables
 */
public record Page(String path, String template, Map<String, Object> vars) {
  public Page {
    vars = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(vars));
  }
}
