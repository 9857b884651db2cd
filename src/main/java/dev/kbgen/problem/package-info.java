/** Problems found in content, config or templates, as data: severity, location, title, hint. */
package dev.kbgen.problem;
