package dev.kbgen.importer;

import java.util.Locale;

/** The kind of knowledge base an import reads. */
public enum Flavour {
  /** Microsoft DocFX: {@code > [!NOTE]}, {@code [!INCLUDE]}, {@code :::image}, {@code ms.*}. */
  DOCFX,
  /** Hugo: shortcodes such as {@code {{< note >}}}, {@code {#id}} heading ids. */
  HUGO,
  /** Plain Markdown with front matter (e.g. the TiDB docs): bold notes, JSX-like tags. */
  MARKDOWN;

  /** The name on the command line. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
