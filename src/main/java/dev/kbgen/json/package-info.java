/** A small JSON writer, safe to embed in HTML and in script files. */
package dev.kbgen.json;
