package dev.kbgen.yaml;

/**
 * A position in a file.
 *
 * @param line 1-based line
 * @param column 1-based column
 */
public record Mark(int line, int column) {}
