package dev.kbgen.yaml;

/**
 * Why a YAML text could not be read.
 *
 * @param mark where, in the file's coordinates
 * @param message what the reader found
 * @param hint what to do about it
 */
public record YamlError(Mark mark, String message, String hint) {}
