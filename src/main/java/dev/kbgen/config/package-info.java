/** The typed, immutable site configuration read from {@code content/site.yaml}. */
package dev.kbgen.config;
