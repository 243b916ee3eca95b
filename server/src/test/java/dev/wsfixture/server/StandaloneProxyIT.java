package dev.wsfixture.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wsfixture.internal.recording.RecordedEvent;
import dev.wsfixture.internal.recording.Recording;
import dev.wsfixture.server.StandaloneServerIT.ServerProcess;
import dev.wsfixture.testsupport.JdkClient;
import dev.wsfixture.testsupport.JwsUpstream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone jar as a proxy: {@code --proxy URL --record FILE --mask-field NAME} against a real
 * upstream (Java-WebSocket's server), and a recording that survives the process being killed.
 */
@Timeout(180)
class StandaloneProxyIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path directory;

  @Test
  void proxiesRecordsAndAKilledProcessKeepsWhatItRecorded() throws Exception {
    Path file = directory.resolve("chat.jsonl");
    try (JwsUpstream upstream = JwsUpstream.listen();
        ServerProcess server =
            ServerProcess.start(
                "--port",
                "0",
                "--proxy",
                upstream.uri().toString(),
                "--record",
                file.toString(),
                "--mask-field",
                "token")) {
      int port = server.awaitPort();
      try (JdkClient client =
          JdkClient.connect(URI.create("ws://127.0.0.1:" + port + "/chat?token=t0ken"))) {
        assertThat(client.nextText()).isEqualTo("welcome");
        assertThat(client.ask("hello")).isEqualTo("echo:hello");
        assertThat(upstream.nextHandshake().resource()).isEqualTo("/chat?token=t0ken");
        await("the answer in " + file)
            .atMost(WAIT)
            .until(() -> Files.readString(file).contains("echo:hello"));
        assertThat(
                new AdminClient(URI.create("http://127.0.0.1:" + port + "/"), null)
                    .get("/__admin/recording")
                    .body())
            .isEqualTo(Files.readString(file));
        server.process.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertThat(server.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      }
      Recording recording = Recording.read(file);
      assertThat(recording.connections()).hasSize(1);
      RecordedEvent open = recording.connections().get(0).open();
      assertThat(open.path()).isEqualTo("/chat");
      assertThat(open.query()).isEqualTo("token=***");
      List<RecordedEvent> events = recording.connections().get(0).events();
      assertThat(events)
          .extracting(e -> e.direction() + " " + e.text())
          .startsWith("SENT welcome", "RECEIVED hello", "SENT echo:hello");
      assertThat(Files.readString(file)).doesNotContain("t0ken");
    }
  }

  @Test
  void aBadProxyUrlIsAOneLineErrorWithExit2() throws Exception {
    try (ServerProcess server = ServerProcess.start("--port", "0", "--proxy", "http://x/")) {
      assertThat(server.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(server.process.exitValue()).isEqualTo(2);
      await("the error line")
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  assertThat(String.join("\n", server.err))
                      .contains("--proxy")
                      .contains("is not a WebSocket URL"));
    }
  }
}
