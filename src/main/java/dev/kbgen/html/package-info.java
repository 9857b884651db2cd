/** HTML post-processing with jsoup: sections, admonitions, headings and plain text. */
package dev.kbgen.html;
