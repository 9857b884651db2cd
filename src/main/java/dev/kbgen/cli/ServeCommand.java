package dev.kbgen.cli;

import dev.kbgen.build.BuildOptions;
import dev.kbgen.serve.PreviewServer;
import dev.kbgen.serve.ServeSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kbgen serve}: preview the site with live reload. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Builds the site in memory and serves it for preview; rebuilds after every change to the"
          + " content or the templates and reloads open pages.",
      "Content problems are shown in the browser, over the last good version of each page, until"
          + " they are fixed. Ctrl-C stops the server."
    })
public final class ServeCommand implements Callable<Integer> {
  @Mixin ContentOptions contentOptions;

  @Mixin ThemeOptions themeOptions;
  @Mixin LinkOptions linkOptions;

  @Option(
      names = "--port",
      paramLabel = "N",
      defaultValue = "8080",
      description = "The port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--host",
      paramLabel = "ADDRESS",
      defaultValue = "127.0.0.1",
      description =
          "The address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 shows"
              + " the preview to the whole network).")
  String host;

  @Option(names = "--drafts", description = "Include articles with 'status: draft'.")
  boolean drafts;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path content = contentOptions.content;
    if (port < 0 || port > 65535) {
      err.println("kbgen: --port " + port + " is not a port number (0 to 65535)");
      return ExitCodes.USAGE;
    }
    if (contentOptions.missing(err)) {
      return ExitCodes.USAGE;
    }
    if (ThemeOptions.missing(themeOptions.templates, err)) {
      return ExitCodes.USAGE;
    }
    BuildOptions options =
        new BuildOptions(content, themeOptions.templates, drafts, Path.of("").toAbsolutePath())
            .withLinksWarn(linkOptions.warn());
    PreviewServer server;
    try {
      server = PreviewServer.start(ServeSettings.of(options, host, port), out, err);
    } catch (BindException e) {
      String why = String.valueOf(e.getMessage());
      err.println(
          why.toLowerCase(Locale.ROOT).contains("in use")
              ? "kbgen: port "
                  + port
                  + " on "
                  + host
                  + " is already in use: stop the other server or pass --port N"
              : "kbgen: cannot listen on " + host + ":" + port + ": " + why);
      return ExitCodes.USAGE;
    } catch (UnknownHostException e) {
      err.println(
          "kbgen: unknown host '" + host + "': pass --host with an address of this machine");
      return ExitCodes.USAGE;
    } catch (IOException e) {
      err.println("kbgen: cannot serve on " + host + ":" + port + ": " + e.getMessage());
      return ExitCodes.USAGE;
    }
    // Ctrl-C: stop the watcher and the server, then let the JVM exit.
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "kbgen-serve-stop"));
    server.awaitClose();
    return ExitCodes.OK;
  }
}
