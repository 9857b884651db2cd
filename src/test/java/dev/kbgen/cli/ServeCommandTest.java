package dev.kbgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbgen.testing.Cli;
import dev.kbgen.testing.SiteFixture;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line of {@code kbgen serve}: options and the errors it reports before serving. */
class ServeCommandTest {
  @TempDir Path tmp;

  @Test
  void helpListsTheOptionsAndTheDefaults() {
    Cli.Run top = Cli.run("--help");
    assertThat(top.out()).contains("serve");
    Cli.Run r = Cli.run("serve", "--help");
    assertThat(r.code()).isEqualTo(ExitCodes.OK);
    assertThat(r.out())
        .contains("--port", "8080", "--host", "127.0.0.1", "--content", "--templates", "--drafts")
        .doesNotContain("--out");
  }

  @Test
  void aTakenPortExitsWithTwoAndSaysSo() throws Exception {
    SiteFixture site = SiteFixture.write(tmp, "");
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      Cli.Run r =
          Cli.run(
              "serve",
              "--content",
              site.content().toString(),
              "--templates",
              site.templates().toString(),
              "--port",
              Integer.toString(port));
      assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
      assertThat(r.err())
          .contains("port " + port + " on 127.0.0.1 is already in use")
          .contains("--port")
          .doesNotContain("Exception");
    }
  }

  @Test
  void usageErrorsExitWithTwoBeforeServing() {
    SiteFixture site = SiteFixture.write(tmp, "");
    String content = site.content().toString();
    String templates = site.templates().toString();
    Cli.Run badPort =
        Cli.run("serve", "--content", content, "--templates", templates, "--port", "70000");
    assertThat(badPort.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(badPort.err()).contains("not a port number");

    Cli.Run noContent =
        Cli.run("serve", "--content", tmp.resolve("nope").toString(), "--templates", templates);
    assertThat(noContent.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(noContent.err()).contains("does not exist");

    Cli.Run noTemplates =
        Cli.run("serve", "--content", content, "--templates", tmp.resolve("nope").toString());
    assertThat(noTemplates.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(noTemplates.err()).contains("templates folder");

    Cli.Run badHost =
        Cli.run(
            "serve",
            "--content",
            content,
            "--templates",
            templates,
            "--port",
            "0",
            "--host",
            "no-such-host.invalid");
    assertThat(badHost.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(badHost.err()).contains("unknown host");
  }
}
