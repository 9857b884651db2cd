package dev.kbgen.content;

import java.nio.file.Path;

/**
 * A non-article file under a language folder (an image, a download), published as it is.
 *
 * @param path path below the content folder with {@code /} separators
 * @param file where it is on disk
 */
public record Asset(String path, Path file) {}
