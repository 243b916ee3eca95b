package dev.wsfixture.server.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The options of wsfixture-server read from a command line and an environment given as a map. */
class OptionParserTest {

  private static final Map<String, String> NO_ENV = Map.of();

  private static ServerSettings parse(String... args) throws UsageException {
    return OptionParser.parse(List.of(args), NO_ENV);
  }

  private static ServerSettings parse(Map<String, String> env, String... args)
      throws UsageException {
    return OptionParser.parse(List.of(args), env);
  }

  private static String error(String... args) {
    return error(NO_ENV, args);
  }

  private static String error(Map<String, String> env, String... args) {
    try {
      OptionParser.parse(List.of(args), env);
    } catch (UsageException e) {
      return e.getMessage();
    }
    throw new AssertionError("no error for " + List.of(args) + " with " + env);
  }

  @Test
  void allowedOriginsComeRepeatedOrCommaSeparated() throws Exception {
    ServerSettings settings =
        parse(
            Map.of("WSFIXTURE_ALLOWED_ORIGINS", "http://ignored"),
            "--allowed-origin",
            "http://localhost:3000,https://app.localhost",
            "--allowed-origin=http://127.0.0.1:8080");

    assertThat(settings.allowedOrigins)
        .containsExactly("http://localhost:3000", "https://app.localhost", "http://127.0.0.1:8080");
  }

  @Test
  void proxyRoutesTakeEveryPathOrOneAndComeFromTheEnvironmentToo() throws Exception {
    ServerSettings settings =
        parse(
            "--proxy",
            "wss://api.example/v1,/feed=ws://127.0.0.1:9000/f?k=1",
            "--record",
            "r.jsonl");
    assertThat(settings.proxies)
        .extracting(route -> route.path() + " " + route.upstream())
        .containsExactly("null wss://api.example/v1", "/feed ws://127.0.0.1:9000/f?k=1");
    assertThat(settings.record).isEqualTo(java.nio.file.Path.of("r.jsonl"));

    ServerSettings fromEnv =
        parse(Map.of("WSFIXTURE_PROXY", "ws://a/", "WSFIXTURE_MASK_FIELDS", "token,password"));
    assertThat(fromEnv.proxies)
        .extracting(route -> route.upstream().toString())
        .containsExactly("ws://a/");
    assertThat(fromEnv.maskFields).containsExactly("token", "password");
  }

  @Test
  void aProxyRouteThatIsNoWebSocketUrlIsRefusedWithTheForm() {
    assertThat(error("--proxy", "http://api.example/"))
        .contains("--proxy")
        .contains("is not a WebSocket URL: give ws://HOST:PORT/PATH");
    assertThat(error("--proxy", "/feed")).contains("give URL, or /PATH=URL");
  }

  @Test
  void withNothingGivenEveryOptionHasItsDefault() throws Exception {
    ServerSettings settings = parse();

    assertThat(settings.port).isEqualTo(8765);
    assertThat(settings.host).as("loopback unless asked").isEqualTo("127.0.0.1");
    assertThat(settings.sessions).isEmpty();
    assertThat(settings.echoPrefix).isEqualTo("Echo: ");
    assertThat(settings.maxMessageSize).isEqualTo(16L * 1024 * 1024);
    assertThat(settings.sessionsFile).isNull();
    assertThat(settings.maxSessions).isEqualTo(10_000);
    assertThat(settings.adminToken).isNull();
    assertThat(settings.noAdmin).isFalse();
    assertThat(settings.maxConnections).isZero();
    assertThat(settings.allowedOrigins).isEmpty();
    assertThat(settings.maxPingsPerMinute).isZero();
    assertThat(settings.idleTimeoutSeconds).isZero();
    assertThat(settings.perMessageDeflate).isFalse();
    assertThat(settings.subprotocols).isEmpty();
    assertThat(settings.tls).isFalse();
    assertThat(settings.keyStore).isNull();
    assertThat(settings.keyStorePassword).isNull();
    assertThat(settings.quiet).isFalse();
    assertThat(settings.help).isFalse();
    assertThat(settings.version).isFalse();
  }

  @Test
  void everyOptionWithItsValueAsTheNextArgument() throws Exception {
    ServerSettings settings =
        parse(
            "--port",
            "9000",
            "--host",
            "127.0.0.1",
            "--session",
            "0101",
            "--echo-prefix",
            ">> ",
            "--max-message-size",
            "64KiB",
            "--sessions-file",
            "sessions.json",
            "--admin-token",
            "secret",
            "--no-admin",
            "--max-connections",
            "10",
            "--idle-timeout",
            "30",
            "--permessage-deflate",
            "--subprotocol",
            "chat.v2",
            "--tls",
            "--keystore",
            "server.p12",
            "--keystore-password",
            "changeit",
            "--quiet");

    assertThat(settings.port).isEqualTo(9000);
    assertThat(settings.host).isEqualTo("127.0.0.1");
    assertThat(settings.sessions).containsExactly("0101");
    assertThat(settings.echoPrefix).isEqualTo(">> ");
    assertThat(settings.maxMessageSize).isEqualTo(65536);
    assertThat(settings.sessionsFile).isEqualTo(Path.of("sessions.json"));
    assertThat(settings.adminToken).isEqualTo("secret");
    assertThat(settings.noAdmin).isTrue();
    assertThat(settings.maxConnections).isEqualTo(10);
    assertThat(settings.idleTimeoutSeconds).isEqualTo(30);
    assertThat(settings.perMessageDeflate).isTrue();
    assertThat(settings.subprotocols).containsExactly("chat.v2");
    assertThat(settings.tls).isTrue();
    assertThat(settings.keyStore).isEqualTo(Path.of("server.p12"));
    assertThat(settings.keyStorePassword).isEqualTo("changeit");
    assertThat(settings.quiet).isTrue();
  }

  @Test
  void everyOptionWithItsValueAfterAnEqualsSign() throws Exception {
    ServerSettings settings =
        parse(
            "--port=9000",
            "--host=127.0.0.1",
            "--session=0101",
            "--echo-prefix=>> ",
            "--max-message-size=64KiB",
            "--sessions-file=sessions.json",
            "--admin-token=a=b",
            "--no-admin=true",
            "--max-connections=10",
            "--idle-timeout=30",
            "--permessage-deflate=true",
            "--subprotocol=chat.v2",
            "--tls=true",
            "--keystore=server.p12",
            "--keystore-password=changeit",
            "--quiet=true");

    assertThat(settings.port).isEqualTo(9000);
    assertThat(settings.host).isEqualTo("127.0.0.1");
    assertThat(settings.sessions).containsExactly("0101");
    assertThat(settings.echoPrefix).isEqualTo(">> ");
    assertThat(settings.maxMessageSize).isEqualTo(65536);
    assertThat(settings.sessionsFile).isEqualTo(Path.of("sessions.json"));
    assertThat(settings.adminToken).as("only the first = separates").isEqualTo("a=b");
    assertThat(settings.noAdmin).isTrue();
    assertThat(settings.maxConnections).isEqualTo(10);
    assertThat(settings.idleTimeoutSeconds).isEqualTo(30);
    assertThat(settings.perMessageDeflate).isTrue();
    assertThat(settings.subprotocols).containsExactly("chat.v2");
    assertThat(settings.tls).isTrue();
    assertThat(settings.keyStore).isEqualTo(Path.of("server.p12"));
    assertThat(settings.keyStorePassword).isEqualTo("changeit");
    assertThat(settings.quiet).isTrue();
  }

  @Test
  void anEmptyValueIsAValue() throws Exception {
    assertThat(parse("--echo-prefix", "").echoPrefix).isEmpty();
    assertThat(parse("--echo-prefix=").echoPrefix).isEmpty();
    assertThat(parse("--host=").host).isEmpty();
  }

  @Test
  void aValueMayStartWithADashUnlessItIsAnOption() throws Exception {
    assertThat(parse("--echo-prefix", "-x").echoPrefix).isEqualTo("-x");
    assertThat(parse("--echo-prefix", "--bogus").echoPrefix).isEqualTo("--bogus");
    assertThat(parse("--idle-timeout", "-5").idleTimeoutSeconds).isEqualTo(-5);
    assertThat(parse("--echo-prefix=--port").echoPrefix).isEqualTo("--port");
  }

  @Test
  void numbersAreDecimal() throws Exception {
    assertThat(parse("--port", "010").port).isEqualTo(10);
    assertThat(parse("--port", "+5").port).isEqualTo(5);
    assertThatThrownBy(() -> parse("--port", "-1"))
        .hasMessage(
            "invalid value for option '--port': '-1' is not a port number: a port is 0 to 65535 (0"
                + " for a free one)");
    assertThat(parse("--idle-timeout", "9999999999").idleTimeoutSeconds).isEqualTo(9999999999L);
  }

  @Test
  void sizesTakeAUnit() throws Exception {
    assertThat(parse("--max-message-size", "1048576").maxMessageSize).isEqualTo(1048576);
    assertThat(parse("--max-message-size", "16MiB").maxMessageSize).isEqualTo(16777216);
    assertThat(parse("--max-message-size", "64 kib").maxMessageSize).isEqualTo(65536);
  }

  @Nested
  class RepeatableOptions {

    @Test
    void addUpAndSplitAtCommas() throws Exception {
      ServerSettings settings =
          parse("--session", "a,b", "--session=c", "--subprotocol", "v2", "--subprotocol", "v1,v0");

      assertThat(settings.sessions).containsExactly("a", "b", "c");
      assertThat(settings.subprotocols).containsExactly("v2", "v1", "v0");
    }

    @Test
    void keepEmptyItemsForTheServerToRefuseButDropTrailingOnes() throws Exception {
      assertThat(parse("--session", "a,,b").sessions).containsExactly("a", "", "b");
      assertThat(parse("--session", ",a,").sessions).containsExactly("", "a");
      assertThat(parse("--session=").sessions).isEmpty();
    }
  }

  @Nested
  class Flags {

    @ParameterizedTest
    @CsvSource({"--tls, true", "--tls=true, true", "--tls=TRUE, true", "--tls=false, false"})
    void takeNoValueOrTrueOrFalse(String arg, boolean expected) throws Exception {
      assertThat(parse(arg).tls).isEqualTo(expected);
    }

    @Test
    void anEmptyValueIsFalse() throws Exception {
      assertThat(parse("--tls=").tls).isFalse();
    }

    @Test
    void theNextArgumentIsNotTheirValue() {
      assertThat(error("--tls", "true")).isEqualTo("unexpected argument 'true'");
    }

    @Test
    void turnOnWhenTheirVariableIsAlreadyTrue() throws Exception {
      // picocli 4.7 set a flag whose default (here from WSFIXTURE_TLS) was true to false.
      Map<String, String> env = Map.of("WSFIXTURE_TLS", "true");

      assertThat(parse(env, "--tls").tls).isTrue();
      assertThat(parse(env, "--tls=false").tls).isFalse();
    }

    @Test
    void helpAndVersionHaveOneLetterNamesThatGoTogether() throws Exception {
      assertThat(parse("-h").help).isTrue();
      assertThat(parse("--help").help).isTrue();
      assertThat(parse("-V").version).isTrue();
      assertThat(parse("--version").version).isTrue();
      ServerSettings both = parse("-hV");
      assertThat(both.help).isTrue();
      assertThat(both.version).isTrue();
      assertThat(parse("-h=true").help).isTrue();
    }
  }

  @Nested
  class Environment {

    @Test
    void everyVariableStandsInForItsOption() throws Exception {
      Map<String, String> env =
          Map.ofEntries(
              Map.entry("WSFIXTURE_PORT", "9000"),
              Map.entry("WSFIXTURE_HOST", "127.0.0.1"),
              Map.entry("WSFIXTURE_SESSIONS", "0101,0202"),
              Map.entry("WSFIXTURE_ECHO_PREFIX", "> "),
              Map.entry("WSFIXTURE_MAX_MESSAGE_SIZE", "1MiB"),
              Map.entry("WSFIXTURE_SESSIONS_FILE", "/tmp/sessions.json"),
              Map.entry("WSFIXTURE_ADMIN_TOKEN", "secret"),
              Map.entry("WSFIXTURE_NO_ADMIN", "true"),
              Map.entry("WSFIXTURE_MAX_CONNECTIONS", "5"),
              Map.entry("WSFIXTURE_IDLE_TIMEOUT", "60"),
              Map.entry("WSFIXTURE_PERMESSAGE_DEFLATE", "TRUE"),
              Map.entry("WSFIXTURE_SUBPROTOCOLS", "v2,v1"),
              Map.entry("WSFIXTURE_TLS", "true"),
              Map.entry("WSFIXTURE_KEYSTORE", "server.p12"),
              Map.entry("WSFIXTURE_KEYSTORE_PASSWORD", "changeit"),
              Map.entry("WSFIXTURE_QUIET", "True"));

      ServerSettings settings = parse(env);

      assertThat(settings.port).isEqualTo(9000);
      assertThat(settings.host).isEqualTo("127.0.0.1");
      assertThat(settings.sessions).containsExactly("0101", "0202");
      assertThat(settings.echoPrefix).isEqualTo("> ");
      assertThat(settings.maxMessageSize).isEqualTo(1048576);
      assertThat(settings.sessionsFile).isEqualTo(Path.of("/tmp/sessions.json"));
      assertThat(settings.adminToken).isEqualTo("secret");
      assertThat(settings.noAdmin).isTrue();
      assertThat(settings.maxConnections).isEqualTo(5);
      assertThat(settings.idleTimeoutSeconds).isEqualTo(60);
      assertThat(settings.perMessageDeflate).isTrue();
      assertThat(settings.subprotocols).containsExactly("v2", "v1");
      assertThat(settings.tls).isTrue();
      assertThat(settings.keyStore).isEqualTo(Path.of("server.p12"));
      assertThat(settings.keyStorePassword).isEqualTo("changeit");
      assertThat(settings.quiet).isTrue();
    }

    @Test
    void theCommandLineWinsAndReplacesAListVariable() throws Exception {
      Map<String, String> env =
          Map.of("WSFIXTURE_PORT", "9000", "WSFIXTURE_SESSIONS", "a,b", "WSFIXTURE_QUIET", "true");

      ServerSettings settings =
          parse(env, "--port", "1", "--session", "c", "--session", "d", "--quiet=false");

      assertThat(settings.port).isEqualTo(1);
      assertThat(settings.sessions).containsExactly("c", "d");
      assertThat(settings.quiet).isFalse();
    }

    @Test
    void anOverriddenVariableIsNotRead() throws Exception {
      assertThat(parse(Map.of("WSFIXTURE_PORT", "abc"), "--port", "5").port).isEqualTo(5);
    }

    @Test
    void aVariableSetToTheEmptyTextIsTheEmptyValue() throws Exception {
      assertThat(parse(Map.of("WSFIXTURE_ECHO_PREFIX", "")).echoPrefix).isEmpty();
      assertThat(parse(Map.of("WSFIXTURE_SESSIONS", "")).sessions).isEmpty();
      assertThat(parse(Map.of("WSFIXTURE_TLS", "")).tls).isFalse();
      assertThat(error(Map.of("WSFIXTURE_PORT", "")))
          .isEqualTo(
              "invalid value of the environment variable WSFIXTURE_PORT: '' is not an integer");
    }

    @Test
    void otherVariablesAreIgnored() throws Exception {
      assertThat(parse(Map.of("WSFIXTURE_BOGUS", "1", "PORT", "1")).port).isEqualTo(8765);
    }
  }

  @Nested
  class Errors {

    @Test
    void unknownOption() {
      assertThat(error("--bogus")).isEqualTo("unknown option '--bogus'");
      assertThat(error("--bogus=1")).isEqualTo("unknown option '--bogus=1'");
      assertThat(error("-x")).isEqualTo("unknown option '-x'");
      assertThat(error("-hx")).isEqualTo("unknown option '-hx'");
      assertThat(error("--POrt", "1"))
          .as("names are case-sensitive")
          .isEqualTo("unknown option '--POrt'");
      assertThat(error("--por", "1")).as("no abbreviations").isEqualTo("unknown option '--por'");
    }

    @Test
    void unexpectedArgument() {
      assertThat(error("extra")).isEqualTo("unexpected argument 'extra'");
      assertThat(error("-")).isEqualTo("unexpected argument '-'");
      assertThat(error("--port", "1", "2")).isEqualTo("unexpected argument '2'");
      assertThat(error("--", "--port")).isEqualTo("unexpected argument '--port'");
    }

    @Test
    void theFirstUnknownArgumentIsReported() {
      assertThat(error("--bogus", "extra")).isEqualTo("unknown option '--bogus'");
    }

    @Test
    void missingValue() {
      assertThat(error("--port")).isEqualTo("option '--port' needs a value: --port PORT");
      assertThat(error("--port", "--host"))
          .isEqualTo(
              "option '--port' needs a value, but '--host' is an option"
                  + " (to give it as the value, write --port=--host)");
      assertThat(error("--echo-prefix", "--tls=x"))
          .isEqualTo(
              "option '--echo-prefix' needs a value, but '--tls=x' is an option"
                  + " (to give it as the value, write --echo-prefix=--tls=x)");
      assertThat(error("--echo-prefix", "-hV")).startsWith("option '--echo-prefix' needs a value");
      assertThat(error("--echo-prefix", "--")).startsWith("option '--echo-prefix' needs a value");
    }

    @Test
    void invalidNumbers() {
      assertThat(error("--port", "eighty"))
          .isEqualTo("invalid value for option '--port': 'eighty' is not an integer");
      assertThat(error("--port="))
          .isEqualTo("invalid value for option '--port': '' is not an integer");
      assertThat(error("--port", " 5"))
          .isEqualTo("invalid value for option '--port': ' 5' is not an integer");
      assertThat(error("--port", "0x10"))
          .isEqualTo("invalid value for option '--port': '0x10' is not an integer");
      assertThat(error("--max-connections", "99999999999"))
          .isEqualTo(
              "invalid value for option '--max-connections': '99999999999' is not an integer");
      assertThat(error("--idle-timeout", "1.5"))
          .isEqualTo("invalid value for option '--idle-timeout': '1.5' is not an integer");
    }

    @Test
    void invalidSizes() {
      assertThat(error("--max-message-size", "lots"))
          .isEqualTo(
              "invalid value for option '--max-message-size': 'lots' is not a size: give bytes,"
                  + " or a number with KiB, MiB or GiB");
      assertThat(error("--max-message-size", "1kb"))
          .endsWith("'1kb' is not a size: give bytes, or a number with KiB, MiB or GiB");
      assertThat(error("--max-message-size", "0"))
          .isEqualTo(
              "invalid value for option '--max-message-size': '0' is not a size: it must be at"
                  + " least 1 byte");
    }

    @Test
    void invalidFlagValue() {
      assertThat(error("--tls=yes"))
          .isEqualTo("invalid value for option '--tls': 'yes' is not true or false");
      assertThat(error("--quiet=1"))
          .isEqualTo("invalid value for option '--quiet': '1' is not true or false");
    }

    @Test
    void anOptionGivenTwice() {
      assertThat(error("--port", "1", "--port", "2"))
          .isEqualTo("option '--port' may be given only once");
      assertThat(error("--tls", "--tls=false")).isEqualTo("option '--tls' may be given only once");
      assertThat(error("-h", "--help")).isEqualTo("option '--help' may be given only once");
    }

    @Test
    void invalidVariable() {
      assertThat(error(Map.of("WSFIXTURE_PORT", "abc")))
          .isEqualTo(
              "invalid value of the environment variable WSFIXTURE_PORT: 'abc' is not an integer");
      assertThat(error(Map.of("WSFIXTURE_MAX_MESSAGE_SIZE", "lots")))
          .startsWith(
              "invalid value of the environment variable WSFIXTURE_MAX_MESSAGE_SIZE: 'lots'");
      assertThat(error(Map.of("WSFIXTURE_TLS", "yes")))
          .isEqualTo(
              "invalid value of the environment variable WSFIXTURE_TLS: 'yes' is not true or false");
    }
  }

  @Nested
  class HelpAndVersion {

    @Test
    void winOverUnknownArguments() throws Exception {
      assertThat(parse("--help", "--bogus").help).isTrue();
      assertThat(parse("extra", "--version").version).isTrue();
    }

    @Test
    void doNotReadTheEnvironment() throws Exception {
      assertThat(parse(Map.of("WSFIXTURE_PORT", "abc"), "--help").help).isTrue();
    }

    @Test
    void doNotHideAnInvalidValue() {
      assertThatThrownBy(() -> parse("--help", "--port", "x"))
          .isInstanceOf(UsageException.class)
          .hasMessage("invalid value for option '--port': 'x' is not an integer");
    }
  }
}
