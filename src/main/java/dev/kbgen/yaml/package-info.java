/**
 * The one reader of YAML: SnakeYAML composes a node tree that keeps every value's line and column;
 * values stay strings so that callers, not YAML 1.1, decide what {@code no} or {@code 1.10} means.
 */
package dev.kbgen.yaml;
