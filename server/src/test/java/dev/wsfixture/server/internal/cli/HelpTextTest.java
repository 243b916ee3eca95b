package dev.wsfixture.server.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The --help text, made from the table of options. */
class HelpTextTest {

  private static final String HELP = HelpText.render("wsfixture-server");

  @Test
  void startsWithTheUsageAndTheDescription() {
    assertThat(HELP)
        .startsWith("Usage: wsfixture-server [-hV] [--port=PORT] [--host=HOST]\n")
        .contains("[--session=ID[,ID...]]...")
        .contains("[--subprotocol=NAME[,NAME...]]...")
        .contains(
            "\n"
                + String.join("\n", HelpText.DESCRIPTION)
                + "\n      --port=PORT            Port to listen on");
  }

  @Test
  void hasOneEntryPerOptionInTheOrderOfTheTable() {
    List<String> entries =
        HELP.lines().filter(line -> line.matches(" {2}(-\\w, | {4})--\\S.*")).toList();

    assertThat(entries)
        .extracting(line -> line.trim().split("[= ]")[0])
        .containsExactly(
            "--port",
            "--host",
            "--session",
            "--echo-prefix",
            "--max-message-size",
            "--sessions-file",
            "--max-sessions",
            "--admin-token",
            "--no-admin",
            "--max-connections",
            "--allowed-origin",
            "--max-pings-per-minute",
            "--idle-timeout",
            "--permessage-deflate",
            "--subprotocol",
            "--tls",
            "--keystore",
            "--keystore-password",
            "--proxy",
            "--record",
            "--mask-field",
            "--upstream-trust",
            "--replay",
            "--replay-timing",
            "--replay-ignore-field",
            "--replay-copy-field",
            "--on-deviation",
            "--quiet",
            "-h,",
            "-V,");
  }

  @Test
  void eachEntryGivesItsDefaultAndVariable() {
    String flat = HELP.replaceAll("\\s+", " ");

    assertThat(flat)
        .contains(
            "--port=PORT Port to listen on, 0 for a free one (default: 8765; env WSFIXTURE_PORT).")
        .contains("(default: \"Echo: \"; env WSFIXTURE_ECHO_PREFIX).")
        .contains("(default: 16MiB; env WSFIXTURE_MAX_MESSAGE_SIZE).")
        .contains("--tls Serve wss:// and https://;")
        .contains("(env WSFIXTURE_TLS=true).")
        .contains("comma-separated (env WSFIXTURE_SESSIONS).")
        .contains("-h, --help Show this help message and exit.")
        .contains("-V, --version Print version information and exit.");
    for (ServerOption option : ServerOption.values()) {
      if (option.env() != null) {
        assertThat(flat).contains("env " + option.env());
      }
    }
  }

  @Test
  void wrapsTo79ColumnsAndPutsADescriptionUnderALongName() {
    assertThat(HELP.lines()).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(79));
    assertThat(HELP)
        .contains(
            "      --max-message-size=SIZE\n"
                + "                             Largest message accepted,")
        .contains(
            "      --port=PORT            Port to listen on, 0 for a free one (default:\n"
                + "                               8765; env WSFIXTURE_PORT).\n");
  }
}
