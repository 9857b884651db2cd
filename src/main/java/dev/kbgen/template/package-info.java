/** Pebble, built once per build: autoescaping on, strict variables, templates from the theme. */
package dev.kbgen.template;
