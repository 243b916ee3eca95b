package dev.wsfixture.server.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
  void aServerThatCannotStartIsOneLineAndExits1() {
    assertThat(run(Map.of(), "--port", "99999")).isEqualTo(1);
    assertThat(err())
        .isEqualTo(
            "wsfixture-server: port must be 0 to 65535 (0 = a free port), was 99999"
                + System.lineSeparator());
    assertThat(out()).isEmpty();
  }
}
