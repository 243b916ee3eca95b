package dev.wsfixture.server.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wsfixture.embedded.EchoServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The program's exit status and output for help, version and bad options, run in this JVM; {@code
 * StandaloneServerIT} runs the jar as a process.
 */
class StandaloneMainTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Map<String, String> env, String... args) {
    return StandaloneMain.run(
        List.of(args),
        env,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void helpPrintsTheHelpTextAndExits0() {
    assertThat(run(Map.of(), "--help")).isZero();
    assertThat(out()).isEqualTo(HelpText.render("wsfixture-server"));
    assertThat(err()).isEmpty();
  }

  @Test
  void helpWinsOverVersion() {
    assertThat(run(Map.of(), "-Vh")).isZero();
    assertThat(out()).startsWith("Usage: wsfixture-server ");
  }

  @Test
  void versionNamesTheProgramAndExits0() {
    assertThat(run(Map.of(), "--version")).isZero();
    // From the classes directory there is no manifest; the jar's is tested by StandaloneServerIT.
    assertThat(out()).isEqualTo("wsfixture-server (development)" + System.lineSeparator());
    assertThat(err()).isEmpty();
  }

  @Test
  void aBadOptionIsOneLineOnStandardErrorAndExits2() {
    assertThat(run(Map.of(), "--port", "eighty")).isEqualTo(2);
    assertThat(err())
        .isEqualTo(
            "wsfixture-server: invalid value for option '--port': 'eighty' is not an integer"
                + " (see --help)"
                + System.lineSeparator());
    assertThat(out()).isEmpty();
  }

  @Test
  void aBadVariableIsNamedAndExits2() {
    assertThat(run(Map.of("WSFIXTURE_MAX_CONNECTIONS", "many"))).isEqualTo(2);
    assertThat(err())
        .isEqualTo(
            "wsfixture-server: invalid value of the environment variable"
                + " WSFIXTURE_MAX_CONNECTIONS: 'many' is not an integer (see --help)"
                + System.lineSeparator());
  }

  @Test
  void aPortOutOfRangeIsABadOptionAndExits2LikeAnyOther() {
    assertThat(run(Map.of(), "--port", "70000")).isEqualTo(2);
    assertThat(err())
        .isEqualTo(
            "wsfixture-server: invalid value for option '--port': '70000' is not a port number: a"
                + " port is 0 to 65535 (0 for a free one) (see --help)"
                + System.lineSeparator());
    assertThat(out()).isEmpty();
  }

  @Test
  void aServerThatCannotStartIsOneLineAndExits1() throws Exception {
    try (java.net.ServerSocket taken =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      String port = String.valueOf(taken.getLocalPort());
      assertThat(run(Map.of(), "--port", port)).isEqualTo(1);
      assertThat(err())
          .startsWith("wsfixture-server: could not bind 127.0.0.1:" + port)
          .endsWith(System.lineSeparator())
          .hasLineCount(1);
      assertThat(out()).isEmpty();
    }
  }

  @Test
  void byDefaultTheServerBindsLoopbackAndItsAdminApiNeedsNoToken() throws Exception {
    try (EchoServer server = StandaloneMain.start(List.of("--port", "0"), Map.of(), print(out))) {
      assertThat(server.host()).isEqualTo("127.0.0.1");
      assertThat(server.adminToken()).isEmpty();
      assertThat(out())
          .startsWith("WebSocket listening on 127.0.0.1:" + server.port() + System.lineSeparator())
          .contains("HTML client at http://127.0.0.1:" + server.port() + "/")
          .doesNotContain("token");
    }
  }

  @Test
  void underTlsThePrintedAddressesAreHttps() throws Exception {
    try (EchoServer server =
        StandaloneMain.start(List.of("--port", "0", "--tls"), Map.of(), print(out))) {
      assertThat(out()).contains("HTML client at https://127.0.0.1:" + server.port() + "/");
    }
  }

  @Test
  void anIpv6AddressIsPrintedInBrackets() throws Exception {
    try (EchoServer server =
        StandaloneMain.start(List.of("--port", "0", "--host", "::1"), Map.of(), print(out))) {
      assertThat(out())
          .startsWith("WebSocket listening on [::1]:" + server.port() + System.lineSeparator())
          .contains("HTML client at http://[::1]:" + server.port() + "/");
    }
  }

  @Test
  void onEveryInterfaceTheTokenHintIsACommandThatWorks() throws Exception {
    try (EchoServer server =
        StandaloneMain.start(List.of("--port", "0", "--host", "0.0.0.0"), Map.of(), print(out))) {
      String token = server.adminToken().orElseThrow();
      String hint =
          "  curl -H 'Authorization: Bearer "
              + token
              + "' http://localhost:"
              + server.port()
              + "/__admin/health";
      assertThat(out()).contains("HTML client at http://localhost:" + server.port() + "/");
      assertThat(out().lines()).contains(hint);
      java.net.http.HttpResponse<String> health =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          java.net.URI.create(
                              "http://localhost:" + server.port() + "/__admin/health"))
                      .header("Authorization", "Bearer " + token)
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
    }
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }
}
