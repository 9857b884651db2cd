/**
 * {@code kbgen serve}: a preview server on the JDK's HTTP server. It builds the site in memory,
 * watches {@code content/} and {@code templates/}, rebuilds after a change (reusing engines and
 * unchanged results), and reloads open pages over server-sent events. Content problems are shown in
 * an overlay on every page, never as a stopped server. Only files of the built site are served.
 */
package dev.kbgen.serve;
