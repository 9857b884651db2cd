package dev.kbgen.template;

/**
 * A template that failed to compile or render.
 *
 * @param file the template file, relative to the templates folder
 * @param line its line, or 0
 * @param message what went wrong
 * @param hint what to do about it, or empty for the caller's general advice
 */
public record TemplateError(String file, int line, String message, String hint) {}
