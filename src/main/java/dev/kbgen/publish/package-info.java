/** The only writer of the output tree: output files, atomic publishing to disk, or to memory. */
package dev.kbgen.publish;
