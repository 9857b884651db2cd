package dev.kbgen.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The top-level command: lists the subcommands. */
@Command(
    name = "kbgen",
    mixinStandardHelpOptions = true,
    versionProvider = KbgenCommand.Version.class,
    description = "Builds a bilingual support help site from Markdown articles.",
    subcommands = {
      BuildCommand.class,
      CheckCommand.class,
      ServeCommand.class,
      SearchCommand.class,
      EvalCommand.class,
      TranslationsCommand.class,
      NewCommand.class,
      ImportCommand.class,
      picocli.CommandLine.HelpCommand.class
    },
    commandListHeading = "%nCommands:%n",
    footer = {
      "",
      "Exit codes: 0 ok, 1 content problems, 2 usage error, 3 internal error.",
      "Run 'kbgen <command> --help' for a command's options."
    })
public final class KbgenCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  private final Terminal terminal;

  /** The command on plain output. */
  public KbgenCommand() {
    this(Terminal.PLAIN);
  }

  public KbgenCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  /** Where the output goes, for subcommands ({@code @ParentCommand}). */
  Terminal terminal() {
    return terminal;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Reads the version Maven wrote into the jar. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = KbgenCommand.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {"kbgen " + p.getProperty("version", "unknown")};
    }
  }
}
