/** The build pipeline: the stages in execution order, in one method. */
package dev.kbgen.build;
