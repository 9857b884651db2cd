package dev.kbgen.site;

import java.util.Map;

/**
 * Where the search lives in the built site.
 *
 * @param runtime the runtime script, from the site root, or empty when the site has no search
 * @param manifests for each language, its index manifest, from the site root
 */
public record SearchAssets(String runtime, Map<String, String> manifests) {
  public SearchAssets {
    manifests = Map.copyOf(manifests);
  }
}
