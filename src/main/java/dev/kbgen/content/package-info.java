/** Reads the content tree: finds articles and assets, splits and types their front matter. */
package dev.kbgen.content;
