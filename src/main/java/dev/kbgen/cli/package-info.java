/** The command line: picocli commands, exit codes and terminal output. */
package dev.kbgen.cli;
