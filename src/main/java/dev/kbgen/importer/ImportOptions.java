package dev.kbgen.importer;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What to import.
 *
 * @param flavour the kind of source
 * @param lang the language of the source, a content language such as {@code en}
 * @param prefix the folder below the language the articles go to; also their product
 * @param source the source folder; every Markdown file below it is an article, except include files
 * @param into the content folder
 * @param includeDirs more folders to look for include files in
 * @param variables values for {@code {{{ .name }}}} placeholders and Hugo's {@code param}/{@code
 *     skew} (a {@code variables.json} in the source folder is read as well; these win)
 * @param force whether files not written by an earlier import may be overwritten
 */
public record ImportOptions(
    Flavour flavour,
    String lang,
    String prefix,
    Path source,
    Path into,
    List<Path> includeDirs,
    Map<String, String> variables,
    boolean force) {
  public ImportOptions {
    includeDirs = List.copyOf(includeDirs);
    variables = Map.copyOf(variables);
  }
}
