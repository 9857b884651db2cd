package dev.kbgen.markdown;

/** Resolves the links of one article; implemented by the site, which knows every page. */
@FunctionalInterface
public interface LinkResolver {
  LinkResolution resolve(LinkRequest request);
}
