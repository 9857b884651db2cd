package dev.kbgen.config;

/**
 * A language the site is written in.
 *
 * @param code the folder name under {@code content/} and the URL prefix, e.g. {@code en}
 * @param label the name shown in the language switch, in that language, e.g. {@code 中文}
 */
public record Language(String code, String label) {}
